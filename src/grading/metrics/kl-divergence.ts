// Kaggle's kullback_leibler_divergence.score(solution, submission, id, epsilon=1e-15,
// micro_average=True), as hms-harmful-brain-activity-classification's reference calls it, after the
// probability checks (which the grader runs: kl-divergence checks live with the data they name).
//   For each class column c and row i: p = clip(sub[i][c], eps, 1 - eps) (numpy.clip keeps NaN);
//   y = solution[i][c]; term = y * ln(y / p) when y != 0, else 0 (a NaN p with y != 0 gives NaN).
//   row_i = pandas' row sum of the terms, NaN SKIPPED (left to right); score = numpy mean of the rows.
// A row whose whole mass sits on a class predicted 0 costs ln(1 / 1e-15) = 34.5388.

import { MetricInputError } from "./metric-input-error.js";
import { pairwiseMean } from "./summation.js";

export const KL_EPS = 1e-15;

/**
 * Mean over rows of sum_c y_c ln(y_c / clip(p_c)); `solution[c]` and `submission[c]` are class c's
 * columns, rows already paired by position.
 */
export function klDivergence(
  solution: readonly ArrayLike<number>[],
  submission: readonly ArrayLike<number>[],
  eps: number = KL_EPS,
): number {
  if (solution.length !== submission.length || solution.length === 0) {
    throw new MetricInputError(
      `solution has ${solution.length} class columns and submission ${submission.length}: they must match`,
    );
  }
  const n = solution[0]!.length;
  for (let c = 0; c < solution.length; c++) {
    if (solution[c]!.length !== n || submission[c]!.length !== n) {
      throw new MetricInputError(`class column ${c} has a different number of rows`);
    }
  }
  if (n === 0) throw new MetricInputError("no rows to score");
  const rows = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < solution.length; c++) {
      const y = solution[c]![i]!;
      if (y === 0) continue; // a zero term adds nothing, as pandas adds 0.0
      const p = submission[c]![i]!;
      const clipped = Number.isNaN(p) ? p : Math.min(Math.max(p, eps), 1 - eps);
      const term = y * Math.log(y / clipped);
      if (!Number.isNaN(term)) sum += term;
    }
    rows[i] = sum;
  }
  return pairwiseMean(rows);
}
