// Matthews correlation coefficient as scikit-learn 1.5.1's matthews_corrcoef(y_true, y_pred) computes it
// (nfl-player-contact-detection).
//
// Reference behaviour reproduced (sklearn/metrics/_classification.py):
// - _check_targets: NaN, non-whole numbers ("continuous") and text mixed with numbers are rejected;
//   booleans are numbers (True = 1); whole floats equal ints (checkTargets does all of this).
// - Labels L = the sorted union of the values present; C = confusion matrix over L (rows true, cols pred).
//   t = row sums, p = column sums (float64), c = trace, s = n:
//   cov_tp = c*s - t.p; cov_pp = s^2 - p.p; cov_tt = s^2 - t.t.
//   cov_pp * cov_tt == 0 (a constant prediction or truth) -> 0.0; else cov_tp / sqrt(cov_tt * cov_pp).
// Counts are whole numbers far below 2^53, so every step before the final product is exact, and the
// float operations after it are the reference's, in its order.

import { checkTargets, type LabelArray, uniqueLabels } from "./classification-targets.js";

/** sklearn.metrics.matthews_corrcoef(y_true, y_pred). */
export function matthewsCorrcoef(yTrue: LabelArray, yPred: LabelArray): number {
  const targets = checkTargets(yTrue, yPred);
  const labels = uniqueLabels(targets);
  const index = new Map<number | string, number>();
  labels.forEach((label, i) => {
    index.set(label, i);
  });
  const k = labels.length;
  const trueSums = new Float64Array(k);
  const predSums = new Float64Array(k);
  let correct = 0;
  const n = targets.yTrue.values.length;
  const t = targets.yTrue.values as ArrayLike<number | string>;
  const p = targets.yPred.values as ArrayLike<number | string>;
  for (let r = 0; r < n; r++) {
    // +0 folds -0 into 0, as the Map keys of uniqueLabels were built.
    const a = index.get(typeof t[r] === "number" ? (t[r] as number) + 0 : t[r]!)!;
    const b = index.get(typeof p[r] === "number" ? (p[r] as number) + 0 : p[r]!)!;
    trueSums[a]!++;
    predSums[b]!++;
    if (a === b) correct++;
  }
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < k; i++) {
    tp += trueSums[i]! * predSums[i]!;
    pp += predSums[i]! * predSums[i]!;
    tt += trueSums[i]! * trueSums[i]!;
  }
  const covTp = correct * n - tp;
  const covPp = n * n - pp;
  const covTt = n * n - tt;
  if (covPp * covTt === 0) return 0;
  return covTp / Math.sqrt(covTt * covPp);
}
