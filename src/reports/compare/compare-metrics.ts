// The per-run values `bench compare` and `bench report trend` read: an MLE-bench flag counted as 0 or 100
// (so that means are percentages), or RE-bench's normalized score (a failed run counting 0). Every one
// of them is higher-is-better whatever the competition's direction: the grader applies the direction
// when it awards a medal or places a run above the median, and the normalized score's formula turns a
// lower-is-better raw score the right way round (SCORING.md §1, §3). Raw scores are not offered: they
// have no common scale or direction across competitions.

import { type SQL, sql } from "drizzle-orm";
import { runsTable } from "../../store/schema.js";
import { metricMask } from "../mlebench/run-flags.js";
import type { RunOutcomeRow } from "../queries/run-outcomes.js";
import { MLEBENCH_METRICS, type MlebenchMetric } from "../stats/mlebench-aggregate.js";

export const COMPARE_METRICS = [...MLEBENCH_METRICS, "normalized_score"] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

/** How a metric's values print: the unit of a mean, of a difference, and the decimals. */
export interface MetricDisplay {
  /** The metric in prose: "any medal rate". */
  text: string;
  /** Unit of a mean ("%"), none for the normalized score. */
  unit: string | undefined;
  /** Unit of a difference of means. */
  differenceUnit: string;
  decimals: number;
}

export function metricDisplay(metric: CompareMetric): MetricDisplay {
  if (metric === "normalized_score") {
    return { text: "normalized score", unit: undefined, differenceUnit: "normalized points", decimals: 3 };
  }
  return { text: `${metric.replace(/_/g, " ")} rate`, unit: "%", differenceUnit: "points", decimals: 1 };
}

/** What the metric is about: MLE-bench competitions, or RE-bench tasks. */
export function metricCompetitionKind(metric: CompareMetric): "kaggle" | "rebench" {
  return metric === "normalized_score" ? "rebench" : "kaggle";
}

function hasFlag(row: RunOutcomeRow, metric: MlebenchMetric): boolean {
  switch (metric) {
    case "any_medal":
      // Recomputed from the three medal flags, as the reference does.
      return row.goldMedal || row.silverMedal || row.bronzeMedal;
    case "gold_medal":
      return row.goldMedal;
    case "silver_medal":
      return row.silverMedal;
    case "bronze_medal":
      return row.bronzeMedal;
    case "above_median":
      return row.aboveMedian;
    case "valid_submission":
      return row.validSubmission;
    case "submission_exists":
      return row.submissionExists;
  }
}

/** The run's value, or undefined for a run of a competition the metric does not apply to. */
export function runValue(row: RunOutcomeRow, metric: CompareMetric): number | undefined {
  if (row.kind !== metricCompetitionKind(metric)) return undefined;
  if (metric === "normalized_score") {
    const score = row.normalizedScore;
    return score === null || Number.isNaN(score) ? 0 : score;
  }
  return hasFlag(row, metric) ? 100 : 0;
}

/**
 * The same value as runValue, as an SQL expression over the run's copy of its grade (runs.grade_*), for
 * the runs of the metric's kind of competition (selectRunValues): SQLite computes it while reading.
 */
export function metricValueSql(metric: CompareMetric): SQL<number> {
  if (metric === "normalized_score") return sql<number>`coalesce(${runsTable.gradeNormalizedScore}, 0)`;
  return sql<number>`((${runsTable.gradeFlags} & ${metricMask(metric)}) != 0) * 100`;
}
