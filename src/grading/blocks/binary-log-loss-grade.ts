// The grade of dogs-vs-cats-redux-kernels-edition and statoil-iceberg-classifier-challenge: binary log
// loss of a probability column against the answers' 0/1 column of the same name, rows paired by id.
// Checks the id column, then the target column, the row count and the exact ids (once each), then
// finite values in [0, 1] (NaN fails, text raises). Scored by scikit-learn 1.5.1's log_loss: clip to
// [eps, 1 - eps], no renormalisation; hard 0/1 predictions are allowed and cost up to 36.04 per wrong row.

import { alignById, permute } from "../align-by-id.js";
import type { Frame } from "../csv/frame.js";
import type { GradeOutcome } from "../invalid-submission.js";
import { logLossBinary } from "../metrics/log-loss.js";
import {
  numericValues,
  requireColumns,
  requireFinite,
  requireRange,
  requireRowCount,
} from "../submission-checks.js";
import { callMetric } from "./metric-call.js";

export function gradeBinaryLogLoss(
  submission: Frame,
  answers: Frame,
  idColumn: string,
  targetColumn: string,
): GradeOutcome {
  requireColumns(submission, [idColumn]);
  requireColumns(submission, [targetColumn]);
  requireRowCount(submission, answers.rowCount);
  const rowOf = alignById(answers, submission, idColumn);
  const values = numericValues(submission, targetColumn);
  requireFinite(submission, targetColumn, values);
  requireRange(submission, targetColumn, values, 0, 1);
  const truth = numericValues(answers, targetColumn);
  const score = callMetric(
    {
      submission,
      answers,
      columns: [targetColumn],
      submissionRowOf: (p) => rowOf[p]!,
      idColumn,
    },
    () => logLossBinary(truth, permute(values, rowOf)),
  );
  return { score, notes: [] };
}
