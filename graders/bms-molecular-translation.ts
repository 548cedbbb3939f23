// bms-molecular-translation: mean Levenshtein distance between each predicted and true InChI string,
// rows paired by image_id (shared/mlebench/full-grading/g2-sets-and-text.md). Lower is better. Both
// sides go through pandas' astype(str), so an empty prediction is the 3-character text "nan" and is
// scored, as in the reference; the "InChI=" prefix is part of the string.

import { alignById } from "../src/grading/align-by-id.js";
import { meanLevenshtein } from "../src/grading/blocks/mean-levenshtein.js";
import { astypeStrCell } from "../src/grading/blocks/python-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { columnOf, requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "image_id";
const TARGET = "InChI";

export const grader: Grader = {
  id: "bms-molecular-translation",
  version: 1,
  grade(submission, answers) {
    requireRowCount(submission, answers.rowCount);
    requireColumns(submission, [ID, TARGET]);
    const rowOf = alignById(answers, submission, ID);
    const predictedColumn = columnOf(submission, TARGET);
    const truthColumn = columnOf(answers, TARGET);
    const predicted = Array.from({ length: submission.rowCount }, (_, s) =>
      astypeStrCell(predictedColumn, s),
    );
    const truth = Array.from({ length: answers.rowCount }, (_, r) => astypeStrCell(truthColumn, r));
    return { score: meanLevenshtein(truth, predicted, rowOf), notes: [] };
  },
};
