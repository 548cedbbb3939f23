// playground-series-s3e18: macro ROC AUC over the two scored enzyme classes EC1 and EC2 (the answers'
// EC3..EC6 are NOT scored), paired by id: (AUC(EC1) + AUC(EC2)) / 2, as scikit-learn's
// roc_auc_score(average="macro") on the two columns selected by name. There is NO range check: logits
// are fine (AUC is rank-based); scores must be finite numbers. Extra columns, column order and row
// order do not matter.

import { alignById, permute } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { meanColumnwiseRocAuc } from "../src/grading/metrics/roc-auc.js";
import {
  numericValues,
  requireColumns,
  requireFinite,
  requireRowCount,
} from "../src/grading/submission-checks.js";

const ID = "id";
const SCORED = ["EC1", "EC2"] as const;

export const grader: Grader = {
  id: "playground-series-s3e18",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, SCORED);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const scores = SCORED.map((name) => {
      const values = permute(numericValues(submission, name), rowOf);
      requireFinite(submission, name, values, (p) => rowOf[p]!);
      return values;
    });
    const truth = SCORED.map((name) => numericValues(answers, name));
    const score = callMetric(
      { submission, answers, columns: SCORED, submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => meanColumnwiseRocAuc(truth, scores),
    );
    return { score, notes: [] };
  },
};
