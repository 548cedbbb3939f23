// vesuvius-challenge-ink-detection: mean over rows (upstream: one fragment) of the pixel F0.5 score,
// 1.25·tp / (1.25·tp + 0.25·fn + fp), 0 when both masks are empty. Masks are ROW-major RLEs on the
// answers' width × height (the reference decodes with the dimensions swapped, then transposes; the pixel
// counts are the same either way). Reference rules kept, in its order: the row count must equal the
// answers'; the submission must have exactly the two columns Id and Predicted (in any order); rows are
// paired by POSITION and each Id must equal the answers' Id at that position; a blank cell is invalid;
// every RLE must decode. A column-major RLE is not detected: it is decoded row-major and scores badly.

import { cellKey } from "../src/grading/blocks/cell-key.js";
import { intersectionArea } from "../src/grading/blocks/rle-decode.js";
import { decodeAnswerRle, decodeSubmissionRle } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import {
  columnOf,
  numericValues,
  requireExactColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "Id";
const MASK = "Predicted";

/** sklearn's F-beta with beta = 0.5 from pixel counts; 0 when there is nothing to score. */
export function fHalf(tp: number, fp: number, fn: number): number {
  const denominator = 0.25 * (tp + fn) + (tp + fp);
  return denominator === 0 ? 0 : (1.25 * tp) / denominator;
}

export const grader: Grader = {
  id: "vesuvius-challenge-ink-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireRowCount(submission, answers.rowCount);
    if (submission.rowCount > 0) requireExactColumns(submission, [ID, MASK]);
    const widths = numericValues(answers, "width");
    const heights = numericValues(answers, "height");
    const ids = columnOf(answers, ID);
    const scores = new Float64Array(answers.rowCount);
    for (let r = 0; r < answers.rowCount; r++) {
      if (cellKey(columnOf(submission, ID), r) !== cellKey(ids, r)) {
        throw new InvalidSubmission(
          `${submission.source}: ${rowLabel(submission, r)} has Id ${cellDisplay(columnOf(submission, ID), r)}, but the answers' row ${r + 1} is Id ${cellDisplay(ids, r)}; rows are matched by position, so keep the sample submission's order.`,
        );
      }
      const pixels = widths[r]! * heights[r]!;
      const pred = decodeSubmissionRle(
        submission,
        MASK,
        r,
        pixels,
        { missing: "invalid" },
        cellDisplay(ids, r),
      );
      const truth = decodeAnswerRle(answers, MASK, r, pixels, { missing: "empty" });
      const tp = intersectionArea(pred, truth);
      scores[r] = fHalf(tp, pred.area - tp, truth.area - tp);
    }
    return { score: pairwiseMean(scores), notes: [] };
  },
};
