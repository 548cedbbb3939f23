// One graded MLE-bench run packed into one character, so that SQLite can hand a report every run of an
// agent on a competition, in seed order, as one short string (a million runs cost a megabyte, not a
// million row objects). The code is 48 + the sum of the bits below: "0".."o", plain ASCII.
// any_medal is not stored: like the reference, it is recomputed from the three medal flags.

import { GRADE_FLAG_BITS, type GradeFlagName, packGradeFlags } from "../../store/run-report-copy.js";
import type { MlebenchMetric } from "../stats/mlebench-aggregate.js";

export const FLAG_CHAR_OFFSET = 48;

/** The bits of the store's copy (runs.grade_flags), which the reports read as they are. */
export const RUN_FLAG_BITS = GRADE_FLAG_BITS;

export const MEDAL_BITS = RUN_FLAG_BITS.gold_medal | RUN_FLAG_BITS.silver_medal | RUN_FLAG_BITS.bronze_medal;

/** The bit mask a metric tests (any of them set means the run has the flag). */
export function metricMask(metric: MlebenchMetric): number {
  return metric === "any_medal" ? MEDAL_BITS : RUN_FLAG_BITS[metric];
}

/** The bits of the run at `index` of a flags string (0 when there is no such run). */
export function runBits(flags: string, index: number): number {
  return index < flags.length ? flags.charCodeAt(index) - FLAG_CHAR_OFFSET : 0;
}

/** Packs one run's flags as the leaderboard's query hands them over (runs.grade_flags, offset). */
export function encodeRunFlags(flags: Partial<Record<GradeFlagName, boolean>>): string {
  return String.fromCharCode(FLAG_CHAR_OFFSET + packGradeFlags(flags));
}
