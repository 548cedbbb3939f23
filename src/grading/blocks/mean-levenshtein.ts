// The mean Levenshtein distance of billion-word-imputation and bms-molecular-translation: one distance
// per answers row against its paired submission text, numpy's mean over rows. Code-point buffers are
// reused across rows, so a few hundred thousand rows allocate almost nothing.

import { codePoints, levenshteinSymbols } from "../metrics/levenshtein.js";
import { pairwiseMean } from "../metrics/summation.js";

/** Mean over answers rows of the distance to the paired submission text (code points). */
export function meanLevenshtein(
  truth: readonly string[],
  predicted: readonly string[],
  rowOf: Int32Array,
): number {
  const distances = new Float64Array(truth.length);
  let a = new Int32Array(256);
  let b = new Int32Array(256);
  for (let r = 0; r < truth.length; r++) {
    const t = truth[r]!;
    const p = predicted[rowOf[r]!]!;
    if (t === p) continue;
    if (a.length < t.length) a = new Int32Array(t.length * 2);
    if (b.length < p.length) b = new Int32Array(p.length * 2);
    distances[r] = levenshteinSymbols(codePoints(t, a), codePoints(p, b));
  }
  return pairwiseMean(distances);
}
