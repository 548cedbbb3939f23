// The grader shape shared by herbarium-2020/2021/2022 and iwildcam-2019: macro F1 (scikit-learn 1.5.1)
// on [int(v) for v in answers[target]] vs [int(v) for v in submission[target]], rows paired by id.
// The macro mean runs over the union of labels present in either side, so predicting a category the
// answers never use adds a zero-F1 label. Non-integral numbers are truncated toward zero, as Python's
// int() does in the reference; bench grades them the same way and says so in a note.

import { alignById } from "../align-by-id.js";
import type { Frame } from "../csv/frame.js";
import type { Grader } from "../grader.js";
import type { GradeOutcome } from "../invalid-submission.js";
import { f1Macro } from "../metrics/f1.js";
import { requireColumns, requireRowCount } from "../submission-checks.js";
import { callMetric } from "./metric-call.js";
import { intCells, truncationNote } from "./python-cells.js";

export interface IntLabelF1Options {
  readonly id: string;
  readonly idColumn: string;
  readonly targetColumn: string;
}

export function intLabelMacroF1Grader({ id, idColumn, targetColumn }: IntLabelF1Options): Grader {
  return {
    id,
    version: 1,
    grade(submission: Frame, answers: Frame): GradeOutcome {
      requireRowCount(submission, answers.rowCount);
      requireColumns(submission, [idColumn, targetColumn]);
      const rowOf = alignById(answers, submission, idColumn);
      const predicted = intCells(submission, targetColumn);
      const truth = intCells(answers, targetColumn).values;
      const yPred = Float64Array.from(rowOf, (row) => predicted.values[row]!);
      const score = callMetric(
        { submission, answers, columns: [targetColumn], submissionRowOf: (p) => rowOf[p]!, idColumn },
        () => f1Macro(truth, yPred),
      );
      return { score, notes: truncationNote(submission, targetColumn, predicted) };
    },
  };
}
