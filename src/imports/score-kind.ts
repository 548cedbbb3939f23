// Whether the score column of a results CSV holds raw or normalized RE-bench scores. A file cannot say:
// METR's own table holds normalized scores in a column called `score`, and normalizing them again
// silently turns Claude 3 Opus's 0.205 on optimize_llm_foundry into 5.083. So an import that touches a
// registry RE-bench environment must be told (--raw or --normalized), and scores that do not fit what
// it was told are warned about with their numbers.
//
// The plausibility rule, per RE-bench environment in the file, over its valid scores:
// - read as raw, a score is implausible when its unfloored normalization (y − ys) / (yr − ys) lies
//   below −1 or above 3: worse than the starting solution by more than the whole start-to-reference
//   gap, or three times the reference's improvement;
// - read as normalized, a score is implausible when it is below 0 (the formula floors at 0, so no
//   normalized score is negative) or above 3;
// - an environment is warned about when half or more of its scores are implausible. A mistaken kind
//   shifts every score of the column, while a genuine outlier is a single run: METR's normalized table
//   holds three runs above 3 (up to 7.86), which must import without a warning.
// Kaggle competitions and external tasks have only raw scores: --normalized is refused for them.

import { BenchError } from "../errors.js";
import type { Competition } from "../registry/competition-registry.js";
import type { CompetitionPlan } from "./competition-plan.js";
import type { CsvRow } from "./csv-grade.js";

export type ScoreKind = "raw" | "normalized";

/** Implausible normalized values lie outside [LOWEST, HIGHEST] (unfloored, for raw scores). */
const LOWEST_RAW_NORMALIZED = -1;
const HIGHEST_NORMALIZED = 3;
/** How many distinct values per environment (and environments) the usage error shows. */
const SHOWN = 3;

/** Rounds for a message: 4 significant digits, no trailing zeros. */
function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function rebenchEnvironments(plan: CompetitionPlan): Competition[] {
  return [...plan.registry.values()].filter((competition) => competition.manifest.kind === "rebench");
}

/** "raw 5.606 at the starting solution, 4.543 at the reference". */
function rawScale(competition: Competition): string {
  const { ys, yr } = competition.manifest.rebench!;
  return `raw ${short(ys)} at the starting solution, ${short(yr)} at the reference`;
}

/**
 * Checks the declared kind against the file's competitions: throws a usage error when RE-bench scores
 * come without --raw or --normalized, or --normalized comes with tasks that have no normalized score;
 * returns warnings for environments whose scores do not look like the declared kind.
 */
export function checkScoreKind(
  kind: ScoreKind | undefined,
  rows: readonly CsvRow[],
  plan: CompetitionPlan,
  file: string,
  column: string,
): string[] {
  const environments = rebenchEnvironments(plan);
  const scores = new Map<string, number[]>();
  for (const row of rows) {
    if (!Number.isFinite(row.score)) continue;
    const list = scores.get(row.competition);
    if (list === undefined) scores.set(row.competition, [row.score]);
    else list.push(row.score);
  }
  if (kind === "normalized") refuseNonRebench(plan, file);
  if (environments.length === 0) return [];
  if (kind === undefined) throw undeclared(environments, scores, file, column);
  return environments.flatMap((competition) => {
    const values = scores.get(competition.id) ?? [];
    const warning = implausibility(kind, competition, values, column);
    return warning === null ? [] : [warning];
  });
}

function refuseNonRebench(plan: CompetitionPlan, file: string): void {
  const others = [
    ...[...plan.registry.values()]
      .filter((competition) => competition.manifest.kind !== "rebench")
      .map((competition) => competition.id),
    ...plan.external.map((external) => external.id),
  ];
  if (others.length === 0) return;
  const listed = others.slice(0, 5).join(", ") + (others.length > 5 ? `, ... (${others.length} in all)` : "");
  throw new BenchError(
    "USAGE",
    `--normalized: ${file} has scores of competitions that are not RE-bench environments (${listed}); ` +
      "only RE-bench scores have a normalized form.",
    {
      hint: "leave --normalized out (their scores are raw, the only kind they have), or import the RE-bench rows separately.",
    },
  );
}

function undeclared(
  environments: readonly Competition[],
  scores: ReadonlyMap<string, number[]>,
  file: string,
  column: string,
): BenchError {
  const examples = environments.slice(0, SHOWN).map((competition) => {
    const values = [...new Set((scores.get(competition.id) ?? []).map(short))].slice(0, SHOWN);
    return `    ${competition.id}: ${values.length === 0 ? "(no valid scores)" : values.join(", ")} (${rawScale(competition)}; normalized 0 and 1)`;
  });
  const more =
    environments.length > SHOWN ? `\n    ... and ${environments.length - SHOWN} more environments` : "";
  return new BenchError(
    "USAGE",
    `${file}: column "${column}" holds scores of RE-bench environments, which a file may give raw or already ` +
      `normalized; say which with --raw or --normalized. A few of its values:\n${examples.join("\n")}${more}`,
    {
      hint: "--raw normalizes each score with the environment's starting and reference scores; --normalized stores the scores as they are (METR's metr-runs.csv holds normalized scores).",
    },
  );
}

/** The warning for one environment, or null when its scores fit the declared kind. */
function implausibility(
  kind: ScoreKind,
  competition: Competition,
  values: readonly number[],
  column: string,
): string | null {
  if (values.length === 0) return null;
  const { ys, yr } = competition.manifest.rebench!;
  const asNormalized = (value: number) => (kind === "raw" ? (value - ys) / (yr - ys) : value);
  const lowest = kind === "raw" ? LOWEST_RAW_NORMALIZED : 0;
  const outside = values.filter((value) => {
    const normalized = asNormalized(value);
    return normalized < lowest || normalized > HIGHEST_NORMALIZED;
  });
  if (outside.length * 2 < values.length) return null;
  const typical = median(values);
  const count = `${outside.length} of ${values.length} scores`;
  if (kind === "raw") {
    return (
      `${competition.id}: ${count} in column "${column}", read as raw, normalize outside ${lowest}..${HIGHEST_NORMALIZED} ` +
      `(median ${short(typical)} -> ${short(asNormalized(typical))}; ${rawScale(competition)}). ` +
      "If the column already holds normalized scores, import with --normalized instead."
    );
  }
  return (
    `${competition.id}: ${count} in column "${column}", read as normalized, lie outside ${lowest}..${HIGHEST_NORMALIZED} ` +
    `(median ${short(typical)}; normalized scores are 0 at the starting solution and 1 at the reference, never below 0). ` +
    `They look like raw scores (${rawScale(competition)}): if so, import with --raw instead.`
  );
}
