// The leaderboard's "exceeds % of humans" column (issue 8 item 5): per seed, the mean over the split's
// competitions of the percentage of real leaderboard entries each run strictly beats; then mean ± SEM
// over seeds, as for the medal columns. A run with no such percentage (no valid finite score, or a
// competition without a leaderboard) and a padded missing run count as 0: they beat nobody.
//
// Like the medal flags (run-flags.ts), a run's percentage travels from SQLite packed in one character,
// in hundredths of a percent: code = 48 + round(pct × 100) (48 to 10048, below the UTF-16 surrogates),
// and 47 for none. One string per agent and competition, in seed order.

import type { MetricSummary } from "../stats/mlebench-aggregate.js";
import { summarize } from "../stats/summary.js";

export const EXCEEDS_CHAR_OFFSET = 48;
const NO_VALUE = EXCEEDS_CHAR_OFFSET - 1;

/** Packs one run's percentage: the inverse of the SQL expression in queries/mlebench-seed-flags.ts. */
export function encodeExceeds(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return String.fromCharCode(NO_VALUE);
  return String.fromCharCode(EXCEEDS_CHAR_OFFSET + Math.round(Math.min(100, Math.max(0, pct)) * 100));
}

export interface ExceedsHumansAggregate {
  summary: MetricSummary;
  /** The percentage of seed i at index i. */
  perSeed: number[];
  /** Counted runs that had no percentage (counted as 0). */
  withoutValue: number;
}

/**
 * Aggregates one agent's runs over the split competitions `splitIds` for `seeds` seeds (the count the
 * medal aggregation chose: complete or padded). Competitions without a string count 0 in every seed.
 */
export function aggregateExceedsHumans(
  exceedsByCompetition: ReadonlyMap<string, string>,
  splitIds: readonly string[],
  seeds: number,
): ExceedsHumansAggregate {
  if (splitIds.length === 0 || seeds < 1) {
    throw new RangeError(
      `Expected at least one competition and one seed, got ${splitIds.length} and ${seeds}`,
    );
  }
  const sums = new Float64Array(seeds);
  let withoutValue = 0;
  for (const id of splitIds) {
    const runs = exceedsByCompetition.get(id) ?? "";
    const counted = Math.min(runs.length, seeds);
    for (let seed = 0; seed < counted; seed++) {
      const code = runs.charCodeAt(seed);
      if (code === NO_VALUE) withoutValue++;
      else sums[seed] = sums[seed]! + (code - EXCEEDS_CHAR_OFFSET) / 100;
    }
  }
  const perSeed = Array.from(sums, (sum) => sum / splitIds.length);
  const { mean, sem, ci95 } = summarize(perSeed);
  return { summary: { mean, sem, seeds, ci95 }, perSeed, withoutValue };
}
