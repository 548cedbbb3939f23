// whale-categorization-playground: MAP@5 of the space-separated whale labels against the image's one
// label, rows paired by Image (shared/mlebench/full-grading/g2-sets-and-text.md). The column set must be
// exactly Image, Id (an extra column is invalid, as in the reference). Predictions are pandas'
// astype(str) split at single spaces: an empty cell is the token "nan"; labels are case-sensitive.

import { alignById } from "../src/grading/align-by-id.js";
import { meanAveragePrecision } from "../src/grading/blocks/map-at-k-rows.js";
import { astypeStrCell, textCells } from "../src/grading/blocks/python-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { columnOf, requireExactColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "Image";
const TARGET = "Id";

export const grader: Grader = {
  id: "whale-categorization-playground",
  version: 1,
  grade(submission, answers) {
    requireExactColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const truth = textCells(answers, TARGET, false, "the answers must hold whale labels.");
    const predicted = columnOf(submission, TARGET);
    const score = meanAveragePrecision(
      answers.rowCount,
      (r) => truth[r]!.split(" "),
      (r) => astypeStrCell(predicted, rowOf[r]!).split(" "),
      5,
    );
    return { score, notes: [] };
  },
};
