// One agent's metric in one sweep, as the MLE-bench leaderboard computes its numbers (SCORING.md §2):
// seeds are positions (the i-th run of each competition, in seed order, belongs to seed i), as many
// seeds as the smallest run count among the sweep's competitions (runs beyond it are dropped), each
// seed's value the mean over the competitions (for a flag counted 0 or 100: the percentage of
// competitions), then mean ± SEM over the seeds (n − 1; 0 for a single seed).

import { summarize } from "../stats/summary.js";

export interface TrendRun {
  competition: string;
  /** The value of the run (a flag as 0 or 100, a normalized score). Runs come in seed order. */
  value: number;
}

export interface SweepSummary {
  /** Runs counted, before dropping the ones beyond the last complete seed. */
  runs: number;
  competitions: number;
  seeds: number;
  /** Runs left out because their competition has more runs than the others. */
  dropped: number;
  /** The value of seed i at index i. */
  perSeed: number[];
  mean: number;
  sem: number;
}

export function summarizeSweep(runs: readonly TrendRun[]): SweepSummary {
  if (runs.length === 0) throw new RangeError("Expected at least one run, got none");
  const byCompetition = new Map<string, number[]>();
  for (const run of runs) {
    if (!Number.isFinite(run.value)) {
      throw new RangeError(`Expected finite values, got ${String(run.value)} for "${run.competition}"`);
    }
    byCompetition.set(run.competition, [...(byCompetition.get(run.competition) ?? []), run.value]);
  }
  const columns = [...byCompetition.values()];
  const seeds = Math.min(...columns.map((values) => values.length));
  const perSeed = Array.from(
    { length: seeds },
    (_, i) => columns.reduce((sum, values) => sum + values[i]!, 0) / columns.length,
  );
  const { mean, sem } = summarize(perSeed);
  return {
    runs: runs.length,
    competitions: columns.length,
    seeds,
    dropped: runs.length - seeds * columns.length,
    perSeed,
    mean,
    sem,
  };
}
