// Kendall tau between ranked lists, pooled over many lists, as the AI4Code grader computes it: for each
// list, the number of discordant pairs between the true order and the submitted order (inversions),
// summed over all lists; score = 1 - 4 * sum(inversions) / sum(n * (n - 1)). This is NOT the mean of
// per-list taus: a long list weighs more. One-item lists add 0 to both sums.
//
// Inversions are counted by merge sort, O(n log n) per list, so a 1,000-cell notebook costs ~10^4 steps
// rather than the reference's pairwise 5 * 10^5. Lists are given as positions (the submitted position
// of each true item, in true order); ties (equal positions) are not inversions, as in the reference's
// strict `>` test.

import { MetricInputError } from "./metric-input-error.js";

/** Pairs i < j with values[i] > values[j]; `values` is left unchanged. */
export function countInversions(values: ArrayLike<number>): number {
  const n = values.length;
  let a = Float64Array.from(values);
  let b = new Float64Array(n);
  let inversions = 0;
  // Bottom-up merge sort: each pass merges runs of `width`; a right-run element placed before
  // left-run elements is out of order with every one of those still waiting.
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (a[j]! < a[i]!) {
          inversions += mid - i;
          b[k++] = a[j++]!;
        } else {
          b[k++] = a[i++]!;
        }
      }
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    [a, b] = [b, a];
  }
  return inversions;
}

/** Accumulates the pooled statistic list by list, without keeping the lists. */
export class PooledKendallTau {
  private inversions = 0;
  private pairs = 0;

  /** Adds one list: `positions[i]` is where the i-th true item stands in the submitted order. */
  add(positions: ArrayLike<number>): void {
    const n = positions.length;
    this.inversions += countInversions(positions);
    this.pairs += n * (n - 1);
  }

  /** 1 - 4 * inversions / sum(n(n-1)); throws when no list has two items (the reference divides by 0). */
  score(): number {
    if (this.pairs === 0) {
      throw new MetricInputError(
        "every list has at most one item: Kendall tau is 0/0 (the reference fails with a division by zero)",
      );
    }
    return 1 - (4 * this.inversions) / this.pairs;
  }
}
