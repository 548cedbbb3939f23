// The band-weighted ROC AUC of alaska2-image-steganalysis (the competition's alaska_weighted_auc with
// MLE-bench's insert_thresholds, on scikit-learn 1.5.1's roc_curve and auc):
//   1. roc_curve(y_true, y_score, pos_label=1): one point per distinct score (highest first), with
//      cumulative false/true positive counts; collinear points dropped (drop_intermediate, exact on
//      integer counts); (0, 0) prepended; divided by the totals.
//   2. If no point has TPR exactly 0.4, one is inserted before the first point with TPR > 0.4, at
//      FPR = x0 + (x1 - x0) * (0.4 - y0) / (y1 - y0) (linear interpolation).
//   3. For each band [a, b] with weight w, ([0, 0.4], 2) and ([0.4, 1], 1): the points with
//      a <= TPR <= b, then numpy.linspace(last FPR, 1, 100) at height b, TPR - a, and the trapezoid
//      area (numpy.trapz: (dx * (y1 + y0)) / 2 summed pairwise). That is the integral of
//      clamp(TPR, a, b) - a along the ROC polyline.
//   4. score = (2 * A[0, 0.4] + 1 * A[0.4, 1]) / (0.4 * 2 + 0.6 * 1).
// The same float operations in the same order as the reference, so the result matches to the last
// bits. Rank-based: any finite scores work (no range check). O(n log n) with typed-array sorts.

import { assertAllFinite, assertNonEmpty, assertSameLength, describeNumber } from "./input-checks.js";
import { MetricInputError } from "./metric-input-error.js";
import { pairwiseSum } from "./summation.js";

const TPR_THRESHOLDS = [0.0, 0.4, 1.0] as const;
const WEIGHTS = [2, 1] as const;
const PADDING_POINTS = 100;

/** roc_curve's points (drop_intermediate=True), as FPR and TPR arrays starting at (0, 0). */
export function rocCurvePoints(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
): { readonly fpr: Float64Array; readonly tpr: Float64Array } {
  const n = yTrue.length;
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i] as number;
    if (y !== 0 && y !== 1) {
      throw new MetricInputError(
        `y_true holds ${describeNumber(y)} at position ${i}: labels must be 0 (cover) or 1 (stego)`,
        { argument: "y_true", position: i },
      );
    }
    if (y === 1) nPositive++;
  }
  if (nPositive === 0) {
    throw new MetricInputError("y_true has no positive (1) label: the ROC curve is undefined");
  }
  const pos = new Float64Array(nPositive);
  const neg = new Float64Array(n - nPositive);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (yTrue[i] === 1) pos[p++] = yScore[i] as number;
    else neg[q++] = yScore[i] as number;
  }
  pos.sort();
  neg.sort();
  // Cumulative counts at each distinct score, highest first (sklearn's _binary_clf_curve).
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let m = 0;
  let pi = pos.length - 1;
  let ni = neg.length - 1;
  let tp = 0;
  let fp = 0;
  while (pi >= 0 || ni >= 0) {
    const threshold = pi < 0 ? neg[ni]! : ni < 0 ? pos[pi]! : Math.max(pos[pi]!, neg[ni]!);
    while (pi >= 0 && pos[pi] === threshold) {
      tp++;
      pi--;
    }
    while (ni >= 0 && neg[ni] === threshold) {
      fp++;
      ni--;
    }
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  let k = 1;
  for (let i = 0; i < m; i++) {
    if (m > 2 && i > 0 && i < m - 1) {
      const fp2 = fps[i + 1]! - fps[i]! - (fps[i]! - fps[i - 1]!);
      const tp2 = tps[i + 1]! - tps[i]! - (tps[i]! - tps[i - 1]!);
      if (fp2 === 0 && tp2 === 0) continue;
    }
    // With no negatives fps[m-1] is 0 and FPR is NaN, as in scikit-learn (the score is then NaN).
    fpr[k] = fps[i]! / fps[m - 1]!;
    tpr[k] = tps[i]! / tps[m - 1]!;
    k++;
  }
  if (fps[m - 1] === 0) fpr[0] = Number.NaN;
  return { fpr: fpr.subarray(0, k), tpr: tpr.subarray(0, k) };
}

/** Inserts the point with TPR = `threshold` by linear interpolation, unless one is there already. */
export function insertTprPoint(
  fpr: Float64Array,
  tpr: Float64Array,
  threshold: number,
): { readonly fpr: Float64Array; readonly tpr: Float64Array } {
  if (tpr.includes(threshold)) return { fpr, tpr };
  const i = tpr.findIndex((t) => t > threshold);
  if (i <= 0) return { fpr, tpr };
  const x = fpr[i - 1]! + ((fpr[i]! - fpr[i - 1]!) * (threshold - tpr[i - 1]!)) / (tpr[i]! - tpr[i - 1]!);
  const outF = new Float64Array(fpr.length + 1);
  const outT = new Float64Array(tpr.length + 1);
  outF.set(fpr.subarray(0, i));
  outT.set(tpr.subarray(0, i));
  outF[i] = x;
  outT[i] = threshold;
  outF.set(fpr.subarray(i), i + 1);
  outT.set(tpr.subarray(i), i + 1);
  return { fpr: outF, tpr: outT };
}

/** numpy.linspace(start, stop, num) for num >= 2. */
function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const step = (stop - start) / div;
  for (let k = 0; k < num; k++) out[k] = step === 0 ? (k / div) * (stop - start) + start : k * step + start;
  out[num - 1] = stop;
  return out;
}

/** The area of band [a, b]: the masked points, the padding at height b, shifted down by a. */
function bandArea(fpr: Float64Array, tpr: Float64Array, a: number, b: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < tpr.length; i++) {
    if (a <= tpr[i]! && tpr[i]! <= b) {
      xs.push(fpr[i]!);
      ys.push(tpr[i]! - a);
    }
  }
  if (xs.length === 0) throw new MetricInputError(`no ROC point has a TPR in [${a}, ${b}]`);
  const padding = linspace(xs[xs.length - 1]!, 1, PADDING_POINTS);
  for (const x of padding) {
    xs.push(x);
    ys.push(b - a);
  }
  const terms = new Float64Array(xs.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = ((xs[i + 1]! - xs[i]!) * (ys[i + 1]! + ys[i]!)) / 2.0;
  return pairwiseSum(terms);
}

/** alaska2's weighted AUC of `yScore` against 0/1 labels `yTrue`. */
export function weightedBandAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  assertSameLength(yTrue, yScore, "y_true", "y_score");
  assertNonEmpty(yTrue, "y_true");
  assertAllFinite(yScore, "y_score");
  const curve = rocCurvePoints(yTrue, yScore);
  const { fpr, tpr } = insertTprPoint(curve.fpr, curve.tpr, TPR_THRESHOLDS[1]);
  let normalization = 0;
  let total = 0;
  for (let band = 0; band < WEIGHTS.length; band++) {
    const a = TPR_THRESHOLDS[band]!;
    const b = TPR_THRESHOLDS[band + 1]!;
    normalization += (b - a) * WEIGHTS[band]!;
    total += bandArea(fpr, tpr, a, b) * WEIGHTS[band]!;
  }
  return total / normalization;
}
