// plant-seedlings-classification: micro F1 (= accuracy) of the species name, rows paired by file
// (shared/mlebench/full-grading/g2-sets-and-text.md). Names compare as exact, case-sensitive text
// ("sugar beet" is simply wrong); an empty cell or numeric class indices are invalid, as scikit-learn's
// label checks reject a mix of text and numbers.

import { alignById } from "../src/grading/align-by-id.js";
import { labelArray, permuteLabels } from "../src/grading/blocks/accuracy-helper.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Grader } from "../src/grading/grader.js";
import { f1Micro } from "../src/grading/metrics/f1.js";
import { columnOf, requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "file";
const TARGET = "species";

export const grader: Grader = {
  id: "plant-seedlings-classification",
  version: 1,
  grade(submission, answers) {
    requireColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const truth = labelArray(columnOf(answers, TARGET));
    const predicted = permuteLabels(labelArray(columnOf(submission, TARGET)), rowOf);
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => f1Micro(truth, predicted),
    );
    return { score, notes: [] };
  },
};
