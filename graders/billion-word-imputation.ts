// billion-word-imputation: mean Levenshtein distance (code points, no normalisation) between each
// predicted and original sentence, rows paired by id (shared/mlebench/full-grading/g2-sets-and-text.md).
// Lower is better. Quirk kept from the reference: an empty (or NA-word: "NA", "null", "None", ...)
// sentence is NaN after parsing and the distance function rejects it, so the whole file is invalid.

import { alignById } from "../src/grading/align-by-id.js";
import { meanLevenshtein } from "../src/grading/blocks/mean-levenshtein.js";
import { textCells } from "../src/grading/blocks/python-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "sentence";

export const grader: Grader = {
  id: "billion-word-imputation",
  version: 1,
  grade(submission, answers) {
    requireColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const advice =
      "every row needs its sentence as text (an empty cell or a word such as NA reads as missing).";
    const predicted = textCells(submission, TARGET, false, advice);
    const truth = textCells(answers, TARGET, false, "the answers must hold sentences.");
    return { score: meanLevenshtein(truth, predicted, rowOf), notes: [] };
  },
};
