// hotel-id-2021-fgvc8: MAP@5 of the space-separated hotel ids against the one true hotel_id, rows
// paired by image (shared/mlebench/full-grading/g2-sets-and-text.md). Tokens are pandas' astype(str)
// of the parsed column split at single spaces, as in the reference: a column read as floats (single ids
// plus an empty cell) renders "36363.0", which never matches; an empty cell is the token "nan".

import { alignById } from "../src/grading/align-by-id.js";
import { meanAveragePrecision } from "../src/grading/blocks/map-at-k-rows.js";
import { astypeStrCell } from "../src/grading/blocks/python-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { columnOf, requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "image";
const TARGET = "hotel_id";

export const grader: Grader = {
  id: "hotel-id-2021-fgvc8",
  version: 1,
  grade(submission, answers) {
    requireColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const truth = columnOf(answers, TARGET);
    const predicted = columnOf(submission, TARGET);
    const score = meanAveragePrecision(
      answers.rowCount,
      (r) => [astypeStrCell(truth, r)],
      (r) => astypeStrCell(predicted, rowOf[r]!).split(" "),
      5,
    );
    return { score, notes: [] };
  },
};
