// Average precision of one class in one sample, as Lyft's mAP_evaluation.py computes it (the 3D-detection
// competition's metric): predictions by score (descending, stable); each is a true positive when its
// highest IoU over ALL truth boxes (matched or not; the first box on ties) exceeds the threshold and that
// box is not yet matched, otherwise a false positive (no fall-back to the second-best box); then the
// all-points interpolated AP of the VOC devkit: precision made non-increasing from the right and summed
// over the recall steps, with recall sentinels 0 and 1 and precision sentinels 0 and 0.

import { pairwiseSum } from "./summation.js";

const EPS = 2.220446049250313e-16;

/** get_ap(recalls, precisions) with the sentinels, the envelope and the sum over recall changes. */
export function interpolatedAp(recalls: ArrayLike<number>, precisions: ArrayLike<number>): number {
  const n = recalls.length;
  const r = new Float64Array(n + 2);
  const p = new Float64Array(n + 2);
  for (let i = 0; i < n; i++) {
    r[i + 1] = recalls[i]!;
    p[i + 1] = precisions[i]!;
  }
  r[n + 1] = 1;
  for (let i = n + 1; i > 0; i--) if (p[i]! > p[i - 1]! || Number.isNaN(p[i]!)) p[i - 1] = p[i]!;
  const terms: number[] = [];
  for (let i = 0; i < n + 1; i++) if (r[i + 1] !== r[i]) terms.push((r[i + 1]! - r[i]!) * p[i + 1]!);
  return pairwiseSum(terms);
}

/**
 * recall_precision(...)'s AP. `ious[k][j]` is prediction k's IoU with truth box j, predictions already in
 * descending score order; `truthCount` >= 1.
 */
export function lyftAveragePrecision(
  ious: readonly Float64Array[],
  truthCount: number,
  threshold: number,
): number {
  const matched = new Uint8Array(truthCount);
  const recalls = new Float64Array(ious.length);
  const precisions = new Float64Array(ious.length);
  let tp = 0;
  let fp = 0;
  ious.forEach((row, k) => {
    // numpy.max propagates NaN; numpy.argmax returns the first maximum (or the first NaN).
    let best = Number.NEGATIVE_INFINITY;
    let at = -1;
    for (let j = 0; j < row.length; j++) {
      const v = row[j]!;
      if (Number.isNaN(v)) {
        best = v;
        at = j;
        break;
      }
      if (v > best) {
        best = v;
        at = j;
      }
    }
    if (best > threshold && matched[at] === 0) {
      tp++;
      matched[at] = 1;
    } else fp++;
    recalls[k] = tp / truthCount;
    precisions[k] = tp / Math.max(tp + fp, EPS);
  });
  return interpolatedAp(recalls, precisions);
}
