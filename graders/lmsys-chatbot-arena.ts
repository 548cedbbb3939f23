// lmsys-chatbot-arena: multi-class log loss over winner_model_a, winner_model_b, winner_tie (classes
// matched by name), paired by id. The reference's checks, in order: id and the three class columns
// present; same row count; every class value a number in [0, 1] (NaN and text fail); every row's three
// values summing to 1 after pandas' round(6) (src/grading/blocks/rounded-row-sum.ts: |sum - 1| within
// about 5e-7, much tighter than the Lite graders' 1.1e-5); ids exactly the answers' once each. Then
// scikit-learn 1.5.1's log_loss: clip to [eps, 1 - eps] (eps = 2.22e-16), NO renormalisation, mean of
// -ln(p_true); a 0 on the true class costs 36.04. The answers' prompt/response text is never read.

import { requireProbabilities, scoreOneHotLogLoss } from "../src/grading/blocks/multiclass-log-loss.js";
import { requireRowsRoundToOne } from "../src/grading/blocks/rounded-row-sum.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import {
  numericValues,
  requireColumns,
  requireFinite,
  requireRowCount,
} from "../src/grading/submission-checks.js";

const ID = "id";
const CLASSES = ["winner_model_a", "winner_model_b", "winner_tie"] as const;

export const grader: Grader = {
  id: "lmsys-chatbot-arena",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID, ...CLASSES]);
    requireRowCount(submission, answers.rowCount);
    const columns = CLASSES.map((name) => numericValues(submission, name));
    // NaN fails the reference's `0 <= p <= 1` test (and inf its upper bound).
    CLASSES.forEach((name, c) => {
      requireFinite(submission, name, columns[c]!);
    });
    requireProbabilities(submission, CLASSES, columns);
    requireRowsRoundToOne(submission, CLASSES, columns, 6);
    return { score: scoreOneHotLogLoss(submission, answers, ID, CLASSES, columns), notes: [] };
  },
};
