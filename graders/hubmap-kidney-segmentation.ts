// hubmap-kidney-segmentation: mean over images of the Dice coefficient of the glomeruli masks, with 1.0
// for an image where both masks are empty. Masks are column-major RLEs on the answers' height_pixels ×
// width_pixels (images of over a billion pixels: the masks stay run lists, never pixel buffers). Reference
// rules kept, in its order: id and predicted are required; the row count and the id multiset must equal
// the answers'; a blank cell is an empty mask; every RLE must decode; a cell pandas read as a number (a
// column of single integers) is invalid. Extra columns are ignored.

import { alignById } from "../src/grading/align-by-id.js";
import { intersectionArea } from "../src/grading/blocks/rle-decode.js";
import { decodeAnswerRle, decodeSubmissionRle } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireRowCount,
} from "../src/grading/submission-checks.js";

const ID = "id";
const MASK = "predicted";

export const grader: Grader = {
  id: "hubmap-kidney-segmentation",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, [MASK]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const ids = columnOf(answers, ID);
    const heights = numericValues(answers, "height_pixels");
    const widths = numericValues(answers, "width_pixels");
    const dice = new Float64Array(answers.rowCount);
    for (let r = 0; r < answers.rowCount; r++) {
      const pixels = heights[r]! * widths[r]!;
      const pred = decodeSubmissionRle(
        submission,
        MASK,
        rowOf[r]!,
        pixels,
        { missing: "empty" },
        cellDisplay(ids, r),
      );
      const truth = decodeAnswerRle(answers, "encoding", r, pixels, { missing: "empty" });
      const total = pred.area + truth.area;
      dice[r] = total === 0 ? 1 : (2 * intersectionArea(pred, truth)) / total;
    }
    return { score: pairwiseMean(dice), notes: [] };
  },
};
