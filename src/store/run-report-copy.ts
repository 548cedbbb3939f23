// What the runs table holds of a run's grade and usage for the reports (runs.grade_*, runs.usage_*:
// migration 0006), computed in JavaScript the way the migration's triggers compute it in SQL. The
// triggers keep the copy right whoever writes; an import gives the copy with each run it inserts, so
// that the triggers find it already right and skip their update (half of an import's time otherwise).
// A value computed differently here would only cost that update, never a wrong copy.

import type { GradeFields } from "./grades-repo.js";
import type { NewRun } from "./runs-repo.js";
import { type UsageWrite, usageTokens } from "./usage-repo.js";

/** The bits of runs.grade_flags, as the migration's triggers pack them. */
export const GRADE_FLAG_BITS = {
  submission_exists: 1,
  valid_submission: 2,
  above_median: 4,
  gold_medal: 8,
  silver_medal: 16,
  bronze_medal: 32,
} as const;

export type GradeFlagName = keyof typeof GRADE_FLAG_BITS;

/** The flags set, as the bits of runs.grade_flags. */
export function packGradeFlags(flags: Partial<Record<GradeFlagName, boolean>>): number {
  let bits = 0;
  for (const name of Object.keys(GRADE_FLAG_BITS) as GradeFlagName[]) {
    if (flags[name]) bits |= GRADE_FLAG_BITS[name];
  }
  return bits;
}

type CopyFields =
  | "gradeFlags"
  | "gradeExceedsHumansPct"
  | "gradeNormalizedScore"
  | "gradeScore"
  | "gradeLastScore"
  | "gradeBaselineScore"
  | "gradeIsLowerBetter"
  | "usageRows"
  | "usageTokens"
  | "usageCostUsd"
  | "usageUnknownCost";

/** The copy of a run with this grade and these usage rows (none: no usage). */
export function runReportCopy(
  grade: GradeFields,
  usage: readonly UsageWrite[] = [],
): Pick<NewRun, CopyFields> {
  const sum = (values: (number | null)[]) =>
    values.reduce<number | null>((total, v) => (v === null ? total : (total ?? 0) + v), null);
  return {
    gradeFlags: packGradeFlags({
      submission_exists: grade.submissionExists,
      valid_submission: grade.validSubmission,
      above_median: grade.aboveMedian,
      gold_medal: grade.goldMedal,
      silver_medal: grade.silverMedal,
      bronze_medal: grade.bronzeMedal,
    }),
    gradeExceedsHumansPct: grade.exceedsHumansPct ?? null,
    gradeNormalizedScore: grade.normalizedScore ?? null,
    gradeScore: grade.score ?? null,
    gradeLastScore: grade.lastScore ?? null,
    gradeBaselineScore: grade.baselineScore ?? null,
    gradeIsLowerBetter: grade.isLowerBetter ?? null,
    usageRows: usage.length,
    usageTokens: sum(usage.map(usageTokens)),
    usageCostUsd: sum(usage.map((u) => u.costUsd)),
    usageUnknownCost:
      usage.length === 0
        ? null
        : usage.some((u) => (u.unpricedCalls ?? 0) > 0 || (u.costUsd === null && (usageTokens(u) ?? 0) > 0))
          ? 1
          : 0,
  };
}
