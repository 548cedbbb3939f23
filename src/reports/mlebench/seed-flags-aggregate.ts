// The MLE-bench aggregation of SCORING.md §2 computed from packed seed-ordered flags (one string per
// competition, see run-flags.ts) instead of one object per run, so that a leaderboard over a million
// runs stays within a few megabytes and milliseconds. It returns exactly what stats/mlebench-aggregate's
// aggregateMlebench returns for the same runs (the tests check the two agree field for field): same
// seed rule (complete seeds, or padded), same percentages, and summarize() for mean ± SEM.

import { BenchError } from "../../errors.js";
import {
  type AggregateOptions,
  compareCodePoints,
  type MetricSummary,
  MLEBENCH_METRICS,
  type MlebenchAggregate,
  type MlebenchMetric,
} from "../stats/mlebench-aggregate.js";
import { summarize } from "../stats/summary.js";
import { FLAG_CHAR_OFFSET, metricMask } from "./run-flags.js";

/**
 * Aggregates one agent over one split. `flagsByCompetition` maps a competition id to its runs' flags in
 * seed order; competitions outside the split are ignored.
 */
export function aggregateSeedFlags(
  flagsByCompetition: ReadonlyMap<string, string>,
  splitCompetitionIds: readonly string[],
  options: AggregateOptions,
): MlebenchAggregate {
  const split = [...new Set(splitCompetitionIds)].sort(compareCodePoints);
  if (split.length === 0) {
    throw new RangeError("Expected `splitCompetitionIds` to name at least one competition, got none");
  }
  const flags = split.map((id) => flagsByCompetition.get(id) ?? "");
  const counts = flags.map((s) => s.length);
  const missing = split.filter((_, i) => counts[i] === 0);
  if (!options.padMissing && missing.length > 0) {
    throw new BenchError(
      "DATA_MISSING",
      `No graded run for ${missing.length === 1 ? "competition" : "competitions"} ` +
        `${missing.map((id) => `"${id}"`).join(", ")} of the split, so no seed is complete.`,
      {
        hint:
          "Run or import the missing competitions, choose the split that matches the runs, or use " +
          "--pad-missing to count missing runs as having no submission.",
      },
    );
  }
  const seeds = options.padMissing ? Math.max(...counts) : Math.min(...counts);
  if (seeds === 0) {
    throw new BenchError("DATA_MISSING", "No graded run for any competition of the split.", {
      hint: "Check the filters (--agents, --since, --sweep) and that the runs belong to this split.",
    });
  }

  // Each flags string is read once, in order, counting each seed's runs by their six bits (64 patterns):
  // one increment per run. The metrics' counts per seed then come from the patterns that occur.
  const masks = Int32Array.from(MLEBENCH_METRICS, metricMask);
  const metricCount = masks.length;
  const medalMask = metricMask("any_medal");
  const medalOf = Uint8Array.from({ length: 64 }, (_, bits) => ((bits & medalMask) !== 0 ? 1 : 0));
  const patterns = new Int32Array(seeds * 64);
  const medals = new Int32Array(split.length);
  flags.forEach((s, c) => {
    const runs = Math.min(s.length, seeds);
    let won = 0;
    for (let seed = 0; seed < runs; seed++) {
      const bits = (s.charCodeAt(seed) - FLAG_CHAR_OFFSET) & 63;
      patterns[seed * 64 + bits]!++;
      won += medalOf[bits]!;
    }
    medals[c] = won;
  });
  const hits = new Int32Array(seeds * metricCount);
  for (let seed = 0; seed < seeds; seed++) {
    for (let bits = 0; bits < 64; bits++) {
      const runs = patterns[seed * 64 + bits]!;
      if (runs === 0) continue;
      for (let m = 0; m < metricCount; m++) {
        if ((bits & masks[m]!) !== 0) hits[seed * metricCount + m]! += runs;
      }
    }
  }
  // One object literal per seed (a fixed shape: filling keys in a loop made each row a slow dictionary).
  const column = Object.fromEntries(MLEBENCH_METRICS.map((metric, m) => [metric, m])) as Record<
    MlebenchMetric,
    number
  >;
  const percent = (seed: number, metric: MlebenchMetric) =>
    (hits[seed * metricCount + column[metric]]! / split.length) * 100;
  const perSeed: Record<MlebenchMetric, number>[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    perSeed.push({
      submission_exists: percent(seed, "submission_exists"),
      valid_submission: percent(seed, "valid_submission"),
      above_median: percent(seed, "above_median"),
      gold_medal: percent(seed, "gold_medal"),
      silver_medal: percent(seed, "silver_medal"),
      bronze_medal: percent(seed, "bronze_medal"),
      any_medal: percent(seed, "any_medal"),
    });
  }

  const metrics = {} as Record<MlebenchMetric, MetricSummary>;
  for (const metric of MLEBENCH_METRICS) {
    const { mean, sem, ci95 } = summarize(perSeed.map((row) => row[metric]));
    metrics[metric] = { mean, sem, seeds, ci95 };
  }

  const perCompetition = split.map((id, c) => ({
    competition_id: id,
    entries: flags[c]!.length,
    runs: seeds,
    medals: medals[c]!,
  }));

  return { seeds, competitions: split.length, perSeed, metrics, perCompetition, missing };
}
