// Mean column-wise root mean squared error (stanford-covid-vaccine): the unweighted mean over columns of
// scikit-learn's root_mean_squared_error on each column (numpy's mean of the per-column values).
// Each column goes through rmse's checks: NaN or ±Infinity anywhere rejects the input.

import { MetricInputError } from "./metric-input-error.js";
import { rmse } from "./regression.js";
import { pairwiseMean } from "./summation.js";

/** mean_k rmse(yTrue[k], yPred[k]); a MetricInputError names the failing column's index. */
export function mcrmse(yTrue: readonly ArrayLike<number>[], yPred: readonly ArrayLike<number>[]): number {
  if (yTrue.length !== yPred.length || yTrue.length === 0) {
    throw new MetricInputError(
      `MCRMSE needs the same non-zero number of columns (${yTrue.length} and ${yPred.length})`,
    );
  }
  const perColumn = yTrue.map((truth, k) => {
    try {
      return rmse(truth, yPred[k]!);
    } catch (error) {
      if (error instanceof MetricInputError) throw error.inColumn(k);
      throw error;
    }
  });
  return pairwiseMean(perColumn);
}
