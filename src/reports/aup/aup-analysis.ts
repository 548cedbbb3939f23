// Performance profiles and AUP (SCORING.md §4) from the store's per-agent, per-task scores: one score
// per method and task, the best over the method's runs, in two variants (best attempt = grades.score,
// last submission = grades.last_score), with the baseline counted as a method. An imported model named
// "baseline" (MLGym's files list the baseline as a model beside the baseline column) is the baseline
// itself when every run of it scored exactly the task's baseline: it is counted once, and the report
// says so. Pure; the profiles themselves are stats/aup's performanceProfiles.

import { BenchError } from "../../errors.js";
import type { AupScoreRow } from "../queries/aup-scores.js";
import { type AupResult, type Direction, type ProfileRow, performanceProfiles } from "../stats/aup.js";
import { compareCodePoints } from "../stats/mlebench-aggregate.js";
import { profilesOnGrid } from "./tau-max.js";

export const AUP_VARIANTS = {
  best_attempt: "Best attempt",
  last_submission: "Last submission",
} as const;

export type AupVariant = keyof typeof AUP_VARIANTS;

export interface AupAnalysis {
  result: AupResult;
  /** The baseline's method name (not an agent's label). */
  baseline: string;
  variants: AupVariant[];
  /** Scores per variant, task and method: what the profiles were computed from. */
  scores: Record<string, Record<string, Record<string, number | null>>>;
  directions: Record<string, Direction>;
  /** Tasks left out: no baseline score, or no direction. */
  leftOut: { task: string; reason: string }[];
  /** True when --tau-max replaced the data's own tau_max. */
  tauMaxGiven: boolean;
  dataTauMax: number;
  /** Sentences for the report (e.g. how an agent named "baseline" was counted). */
  notes: string[];
}

export interface AupAnalysisOptions {
  /** Right end of the profiles' axis; default: the data's own tau_max. */
  tauMax?: number | undefined;
}

function directionOf(row: AupScoreRow): Direction | null {
  if (row.direction !== null) return row.direction === "lower" ? "minimize" : "maximize";
  if (row.lowerBetterMax === null) return null;
  return row.lowerBetterMax ? "minimize" : "maximize";
}

const BASELINE = "baseline";

/** Every run of the rows scored exactly the baseline recorded with it (both variants, where given). */
function scoresTheBaseline(rows: readonly AupScoreRow[]): boolean {
  return rows.every((row) => {
    const base = row.baselineMin;
    if (base === null || row.baselineMax !== base) return false;
    const last = [row.lastScoreMin, row.lastScoreMax];
    return (
      row.scoreMin === base &&
      row.scoreMax === base &&
      (last.every((v) => v === null) || last.every((v) => v === base))
    );
  });
}

/**
 * The baseline's method name, and the rows left once an agent named "baseline" that is the baseline
 * itself is folded into it (else the tasks' baseline is renamed, so that both are shown apart).
 */
function settleBaseline(
  rows: readonly AupScoreRow[],
  labels: ReadonlyMap<number, string>,
): { baseline: string; rows: readonly AupScoreRow[]; notes: string[] } {
  const named = rows.filter((row) => labels.get(row.agentId) === BASELINE);
  if (named.length === 0) return { baseline: BASELINE, rows, notes: [] };
  if (scoresTheBaseline(named)) {
    return {
      baseline: BASELINE,
      rows: rows.filter((row) => labels.get(row.agentId) !== BASELINE),
      notes: [
        `The agent "${BASELINE}" scores exactly the tasks' baseline scores on all its ${named.length} tasks: it is the baseline (imported as a model), counted once as "${BASELINE}".`,
      ],
    };
  }
  const renamed = `${BASELINE} (task)`;
  return {
    baseline: renamed,
    rows,
    notes: [
      `An agent is named "${BASELINE}" but its scores differ from the tasks' baseline scores: both are shown, "${renamed}" being the tasks' baseline and "${BASELINE}" the agent.`,
    ],
  };
}

export function analyzeAup(
  allRows: readonly AupScoreRow[],
  labels: ReadonlyMap<number, string>,
  options: AupAnalysisOptions = {},
): AupAnalysis {
  const { baseline, rows, notes } = settleBaseline(allRows, labels);
  const byTask = new Map<string, AupScoreRow[]>();
  for (const row of rows) byTask.set(row.competitionId, [...(byTask.get(row.competitionId) ?? []), row]);
  const tasks = [...byTask.keys()].sort(compareCodePoints);

  const hasLast = rows.some((row) => row.lastScoreMax !== null);
  const variants: AupVariant[] = hasLast ? ["best_attempt", "last_submission"] : ["best_attempt"];
  const profileRows: Record<string, ProfileRow[]> = Object.fromEntries(variants.map((v) => [v, []]));
  const scores: AupAnalysis["scores"] = Object.fromEntries(variants.map((v) => [v, {}]));
  const directions: Record<string, Direction> = {};
  const leftOut: AupAnalysis["leftOut"] = [];

  for (const task of tasks) {
    const taskRows = [...byTask.get(task)!].sort((a, b) =>
      compareCodePoints(labels.get(a.agentId) ?? "", labels.get(b.agentId) ?? ""),
    );
    const baselines = taskRows
      .flatMap((r) => [r.baselineMin, r.baselineMax])
      .filter((v): v is number => v !== null);
    if (baselines.length === 0) {
      leftOut.push({ task, reason: "no baseline score" });
      continue;
    }
    if (Math.min(...baselines) !== Math.max(...baselines)) {
      throw new BenchError(
        "DATA_MISSING",
        `the runs of task "${task}" record different baseline scores (${Math.min(...baselines)} to ${Math.max(...baselines)}), so its feasibility is ambiguous.`,
        { hint: "report one result set at a time: --run-group, --sweep or --since." },
      );
    }
    const direction = taskRows.map(directionOf).find((d) => d !== null) ?? null;
    if (direction === null) {
      leftOut.push({ task, reason: "no direction (higher or lower is better)" });
      continue;
    }
    directions[task] = direction;
    const best = (high: number | null, low: number | null) => (direction === "minimize" ? low : high);
    for (const variant of variants) {
      const taskScores: Record<string, number | null> = { [baseline]: baselines[0]! };
      profileRows[variant]!.push({ task, method: baseline, direction, score: baselines[0]! });
      for (const row of taskRows) {
        const method = labels.get(row.agentId) ?? `agent ${row.agentId}`;
        const score =
          variant === "best_attempt"
            ? best(row.scoreMax, row.scoreMin)
            : best(row.lastScoreMax, row.lastScoreMin);
        taskScores[method] = score;
        profileRows[variant]!.push({ task, method, direction, score });
      }
      scores[variant]![task] = taskScores;
    }
  }

  if (Object.keys(directions).length === 0) {
    throw new BenchError(
      "DATA_MISSING",
      "no task in the selection has a baseline score, so there is no profile to draw.",
      {
        hint: "AUP needs results imported with a baseline column (e.g. MLGym's scores), or check the filters.",
      },
    );
  }
  let result: AupResult;
  try {
    result = performanceProfiles(profileRows, { baseline });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new BenchError("DATA_MISSING", `performance profiles cannot be computed: ${error.message}.`, {
      hint: "a task needs at least one method scoring ≥ 0 and at least as well as the baseline.",
    });
  }
  const dataTauMax = result.tauMax;
  if (options.tauMax !== undefined) result = profilesOnGrid(result, options.tauMax);
  return {
    result,
    baseline,
    variants,
    scores,
    directions,
    leftOut,
    tauMaxGiven: options.tauMax !== undefined,
    dataTauMax,
    notes,
  };
}
