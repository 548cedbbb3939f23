// MLE-bench's mean_average_precision_at_k on token rows: per row, `actual` is a SET (its size, after
// de-duplication, is the divisor min(|actual|, k)) and `predicted` a list whose first k tokens count,
// empty tokens included; a repeated token is a hit only once but still occupies its rank. The mean is
// numpy's (pairwise summation).

import { averagePrecisionAtK } from "../metrics/map-at-k.js";
import { pairwiseMean } from "../metrics/summation.js";

/** Average precision at k of one row, with `actual` de-duplicated first. */
export function rowAveragePrecision(
  actual: readonly string[],
  predicted: readonly string[],
  k: number,
): number {
  return averagePrecisionAtK([...new Set(actual)], predicted, k);
}

/** Mean over `rows` of rowAveragePrecision(actual(r), predicted(r), k). */
export function meanAveragePrecision(
  rows: number,
  actual: (row: number) => readonly string[],
  predicted: (row: number) => readonly string[],
  k: number,
): number {
  const scores = new Float64Array(rows);
  for (let r = 0; r < rows; r++) scores[r] = rowAveragePrecision(actual(r), predicted(r), k);
  return pairwiseMean(scores);
}
