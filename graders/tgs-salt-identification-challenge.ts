// tgs-salt-identification-challenge: mean over images of the precision averaged over the IoU thresholds
// 0.5, 0.55, ..., 0.95 (numpy arange values), one object per image. Masks are 101×101 column-major RLEs.
// Reference quirks kept: the column set must be exactly {id, rle_mask}; a blank cell is an empty mask;
// a cell pandas did not read as text (a column of single integers) is invalid; an EMPTY prediction on an
// image with salt counts as the FULL image (a numpy histogram artefact), so it earns IoU |T|/10201; an
// empty truth scores 1 for an empty prediction and 0 otherwise. Rows are paired by id.

import { alignById } from "../src/grading/align-by-id.js";
import { intersectionArea } from "../src/grading/blocks/rle-decode.js";
import {
  decodeAnswerRle,
  decodeSubmissionRle,
  NOT_TEXT,
  rleText,
} from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import {
  columnOf,
  requireExactColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "id";
const MASK = "rle_mask";
const SIDE = 101;
const PIXELS = SIDE * SIDE;
/** numpy.arange(0.5, 1, 0.05): start + i * step, so 0.6000000000000001 and so on. */
const THRESHOLDS = Array.from({ length: 10 }, (_, i) => 0.5 + i * 0.05);

/** The per-image score from the truth's area, the prediction's area and their overlap. */
export function imagePrecision(truthArea: number, predArea: number, overlap: number): number {
  if (truthArea === 0) return predArea === 0 ? 1 : 0;
  const iou = predArea === 0 ? truthArea / PIXELS : overlap / (truthArea + predArea - overlap);
  return THRESHOLDS.filter((t) => iou > t).length / 10;
}

function requireTextColumn(frame: Frame, name: string): void {
  const column = columnOf(frame, name);
  for (let row = 0; row < frame.rowCount; row++) {
    if (rleText(column, row) === NOT_TEXT) {
      throw new InvalidSubmission(
        `${frame.source}: column "${name}", ${rowLabel(frame, row)} is ${cellDisplay(column, row)}, which was read as a ${column.kind === "object" || column.kind === "bool" ? "True/False value" : "number"}; the reference requires every cell of "${name}" to be text (write RLE "start length" pairs, and ids as text).`,
      );
    }
  }
}

export const grader: Grader = {
  id: "tgs-salt-identification-challenge",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireExactColumns(submission, [ID, MASK]);
    requireRowCount(submission, answers.rowCount);
    requireTextColumn(submission, ID);
    requireTextColumn(submission, MASK);
    const rowOf = alignById(answers, submission, ID);
    const ids = columnOf(answers, ID);
    const values = new Float64Array(answers.rowCount);
    for (let r = 0; r < answers.rowCount; r++) {
      const truth = decodeAnswerRle(answers, MASK, r, PIXELS, { missing: "empty" });
      const pred = decodeSubmissionRle(
        submission,
        MASK,
        rowOf[r]!,
        PIXELS,
        { missing: "empty" },
        cellDisplay(ids, r),
      );
      values[r] = imagePrecision(truth.area, pred.area, intersectionArea(truth, pred));
    }
    return { score: pairwiseMean(values), notes: [] };
  },
};
