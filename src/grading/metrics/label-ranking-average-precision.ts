// Label-weighted label-ranking average precision (lwlrap, freesound-audio-tagging-2019): scikit-learn
// 1.5.1's label_ranking_average_precision_score(truth, scores, sample_weight=number of true labels per
// row).
//
// Reference behaviour reproduced (sklearn/metrics/_ranking.py):
// - shapes must agree; scores must be finite (check_array); truth is a 0/1 indicator matrix.
// - For each row and each true label j: rank_j = how many of the row's scores are >= s_j (ties count
//   AGAINST the label: rankdata "max" on the negated scores), L_j = how many TRUE labels have a score
//   >= s_j; the row's value is mean(L_j / rank_j) (numpy's mean), or 1.0 when the row has no true label
//   or every label is true. Each row's value is multiplied by its weight and added in row order; the
//   total is divided by the sum of the weights. Rows with no true label weigh 0 here.
// Cost: O(labels) per true label of a row, i.e. rows x labels x true labels; 80 labels and a handful of
// true labels per clip keep it linear in practice.

import { assertAllFinite } from "./input-checks.js";
import { MetricInputError } from "./metric-input-error.js";
import { pairwiseMean } from "./summation.js";

/**
 * lwlrap of row-major matrices: `truth[r * labels + j]` non-zero when label j is true for row r,
 * `scores` the same shape.
 */
export function labelWeightedLrap(
  truth: ArrayLike<number>,
  scores: ArrayLike<number>,
  labels: number,
): number {
  if (truth.length !== scores.length || labels <= 0 || truth.length % labels !== 0) {
    throw new MetricInputError(
      `y_true and y_score must have the same shape (${truth.length} and ${scores.length} values for ${labels} labels)`,
    );
  }
  assertAllFinite(scores, "y_score");
  const rows = truth.length / labels;
  let total = 0;
  let weights = 0;
  const relevant: number[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * labels;
    relevant.length = 0;
    for (let j = 0; j < labels; j++) if (truth[base + j] !== 0) relevant.push(j);
    const weight = relevant.length;
    weights += weight;
    if (weight === 0) continue; // value 1.0 times weight 0
    if (weight === labels) {
      total += weight;
      continue;
    }
    const precisions = new Float64Array(weight);
    relevant.forEach((j, i) => {
      const s = scores[base + j] as number;
      let rank = 0;
      for (let k = 0; k < labels; k++) if ((scores[base + k] as number) >= s) rank++;
      let above = 0;
      for (const k of relevant) if ((scores[base + k] as number) >= s) above++;
      precisions[i] = above / rank;
    });
    total += pairwiseMean(precisions) * weight;
  }
  if (weights === 0) {
    throw new MetricInputError("no row has a true label: the label-weighted average is 0/0");
  }
  return total / weights;
}
