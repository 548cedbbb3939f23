// google-research-identify-contrails-reduce-global-warming: ONE global Dice over all pixels of all
// records (not a per-image mean: images without contrails count only through false positives). Masks
// are column-major RLEs on each answers row's height × width; a cell that is exactly "-" is an empty
// mask. Reference rules kept, in its order: record_id and encoded_pixels are required (other columns,
// the submission's height and width included, are ignored); the row count and the record_id multiset
// must equal the answers' (ids compared as numbers); a blank cell is invalid (only "-" means empty);
// every RLE must decode. Both masks empty everywhere would give NaN (real answers always have contrails).
// Limitation: record_ids have up to 19 digits and bench holds numeric ids as float64, so two ids that
// differ only beyond 2^53 (about 1 in 10^10 for random pairs) compare equal here, not in pandas' int64.

import { alignById } from "../src/grading/align-by-id.js";
import { intersectionArea } from "../src/grading/blocks/rle-decode.js";
import { decodeAnswerRle, decodeSubmissionRle } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireRowCount,
} from "../src/grading/submission-checks.js";

const ID = "record_id";
const MASK = "encoded_pixels";
const RULES = { missing: "invalid", dashIsEmpty: true } as const;

export const grader: Grader = {
  id: "google-research-identify-contrails-reduce-global-warming",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID, MASK]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const ids = columnOf(answers, ID);
    const heights = numericValues(answers, "height");
    const widths = numericValues(answers, "width");
    let inter = 0;
    let predArea = 0;
    let truthArea = 0;
    for (let r = 0; r < answers.rowCount; r++) {
      const pixels = heights[r]! * widths[r]!;
      const pred = decodeSubmissionRle(submission, MASK, rowOf[r]!, pixels, RULES, cellDisplay(ids, r));
      const truth = decodeAnswerRle(answers, MASK, r, pixels, RULES);
      inter += intersectionArea(pred, truth);
      predArea += pred.area;
      truthArea += truth.area;
    }
    const score = predArea + truthArea === 0 ? Number.NaN : (2 * inter) / (predArea + truthArea);
    return { score, notes: [] };
  },
};
