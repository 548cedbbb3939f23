// The weighted multi-label log loss of rsna-2022-cervical-spine-fracture-detection: per sample (study)
// a weighted mean of binary log losses over its labels, then the plain mean over samples.
//   p = clip(pred, eps, 1 - eps) with eps = 1e-15 (NOT machine epsilon); l = -(y ln p + (1 - y) ln(1 - p));
//   w = positiveWeight[j] if y = 1 else negativeWeight[j]; L_i = sum_j w_ij l_ij / sum_j w_ij;
//   score = mean_i L_i (numpy: row sums in pairwise order, mean in pairwise order).
// Each sample counts equally whatever its weights. Inputs are finite (the grader checks ranges first).

import { MetricInputError } from "./metric-input-error.js";
import { pairwiseMean, pairwiseSum } from "./summation.js";

export const MULTILABEL_LOG_LOSS_EPS = 1e-15;

export interface LabelWeights {
  /** Weight of label j when y = 1. */
  readonly positive: readonly number[];
  /** Weight of label j when y = 0. */
  readonly negative: readonly number[];
}

/**
 * `yTrue` and `yPred` are row-major n x k matrices (row i = sample i, column j = label j); labels must
 * be 0 or 1. Returns the mean over samples of each sample's weighted mean log loss.
 */
export function weightedMultilabelLogLoss(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights: LabelWeights,
  eps: number = MULTILABEL_LOG_LOSS_EPS,
): number {
  const k = weights.positive.length;
  if (weights.negative.length !== k || k === 0) {
    throw new MetricInputError(`weights: ${k} positive and ${weights.negative.length} negative weights`);
  }
  if (yTrue.length !== yPred.length || yTrue.length % k !== 0) {
    throw new MetricInputError(
      `y_true has ${yTrue.length} values and y_pred ${yPred.length}: both must be n x ${k} matrices`,
    );
  }
  const n = yTrue.length / k;
  if (n === 0) throw new MetricInputError("y_true has no rows");
  const losses = new Float64Array(n);
  const terms = new Float64Array(k);
  const w = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const y = yTrue[i * k + j] as number;
      if (y !== 0 && y !== 1) {
        throw new MetricInputError(`y_true holds ${y} at position ${i * k + j}: labels must be 0 or 1`, {
          argument: "y_true",
          position: i * k + j,
        });
      }
      const p = Math.min(Math.max(yPred[i * k + j] as number, eps), 1 - eps);
      w[j] = y === 1 ? weights.positive[j]! : weights.negative[j]!;
      terms[j] = -(y * Math.log(p) + (1 - y) * Math.log(1 - p)) * w[j]!;
    }
    losses[i] = pairwiseSum(terms) / pairwiseSum(w);
  }
  return pairwiseMean(losses);
}
