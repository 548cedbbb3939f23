// OSIC's modified Laplace log-likelihood: per prediction, sd = max(confidence, 70), delta =
// min(|true - pred|, 1000), metric = -sqrt(2)*delta/sd - ln(sqrt(2)*sd); the score is the mean. NaN
// inputs propagate (numpy.maximum and numpy.minimum return NaN when either side is NaN).

import { pairwiseMean } from "./summation.js";

const SQRT2 = Math.SQRT2;

/** numpy.maximum / numpy.minimum: NaN when either argument is NaN. */
const npMax = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b));
const npMin = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b));

export function laplaceLogLikelihood(actual: number, predicted: number, confidence: number): number {
  const sd = npMax(confidence, 70);
  const delta = npMin(Math.abs(actual - predicted), 1000);
  return (-SQRT2 * delta) / sd - Math.log(SQRT2 * sd);
}

export function meanLaplaceLogLikelihood(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  confidence: ArrayLike<number>,
): number {
  const values = new Float64Array(actual.length);
  for (let i = 0; i < values.length; i++)
    values[i] = laplaceLogLikelihood(actual[i]!, predicted[i]!, confidence[i]!);
  return pairwiseMean(values);
}
