// "Each row's probabilities sum to 1" as lmsys-chatbot-arena's reference checks it:
// numpy.all(submission[classes].sum(axis=1).round(6) == 1). pandas' round(6) is numpy's: rint(sum * 1e6)
// / 1e6 (half to even, on the product as a double), so a row passes iff rint(fl(sum * 1e6)) == 1e6,
// i.e. |sum - 1| within about 5e-7. The row sum skips NaN and adds the columns left to right
// (row-sum-tolerance.ts's rowSum). Rows that pass are not renormalised.

import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { roundHalfEven } from "../metrics/round-score.js";
import { rowLabel } from "../submission-checks.js";
import { rowSum } from "./row-sum-tolerance.js";

/** numpy.round(sum, decimals) == 1. */
export function roundsToOne(sum: number, decimals: number): boolean {
  return roundHalfEven(sum, decimals) === 1;
}

/** Throws on the first row whose values over `names` do not round to 1 at `decimals` decimals. */
export function requireRowsRoundToOne(
  frame: Frame,
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
  decimals: number,
): void {
  for (let row = 0; row < frame.rowCount; row++) {
    const sum = rowSum(columns, row);
    if (!roundsToOne(sum, decimals)) {
      throw new InvalidSubmission(
        `${frame.source}: ${rowLabel(frame, row)}: ${names.map((n) => `"${n}"`).join(", ")} sum to ${sum}, which is not 1 at ${decimals} decimals; each row must sum to 1 within ${0.5 * 10 ** -decimals}. Normalise every row (divide by its sum) before writing the file.`,
      );
    }
  }
}
