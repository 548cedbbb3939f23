// scikit-learn 1.5.1's average_precision_score for binary labels: step-wise area under the
// precision-recall curve with no interpolation, over the DISTINCT scores in descending order (tied scores
// form one step): AP = sum_k (R_k - R_{k-1}) * P_k. Summed in sklearn's order (its reversed arrays, numpy
// pairwise) so that the last bits agree. The caller guarantees at least one positive and finite scores.

import { pairwiseSum } from "./summation.js";

export function binaryAveragePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (labels[i]) tp++;
    else fp++;
    // A threshold ends where the next score differs (or at the end).
    if (k === n - 1 || scores[order[k + 1]!] !== scores[i]) {
      tps.push(tp);
      fps.push(fp);
    }
  }
  const positives = tps[tps.length - 1]!;
  const count = tps.length;
  // sklearn: recall and precision reversed (lowest threshold first) and ended with 0 and 1; AP is
  // -sum(diff(recall) * precision[:-1]).
  const terms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const k = count - 1 - i; // threshold index, highest score first
    const recall = tps[k]! / positives;
    const previousRecall = k === 0 ? 0 : tps[k - 1]! / positives;
    const precision = tps[k]! / (tps[k]! + fps[k]!);
    terms[i] = (previousRecall - recall) * precision;
  }
  return -pairwiseSum(terms);
}
