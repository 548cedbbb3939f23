// statoil-iceberg-classifier-challenge: binary log loss of P(iceberg) against the answers' is_iceberg
// (0/1), paired by id (8 hex chars). The reference checks the columns, then the id SET, then
// 0 <= is_iceberg <= 1 (NaN fails, text raises), and has no row-count check of its own: a duplicated
// row fails only through scikit-learn's length check. Checking the exact ids once each gives the same
// verdicts. Scored by scikit-learn 1.5.1's log_loss: clip to [eps, 1 - eps] (eps = 2.22e-16), no
// renormalisation; hard 0/1 predictions are allowed and cost up to 36.04 per wrong row.

import { gradeBinaryLogLoss } from "../src/grading/blocks/binary-log-loss-grade.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = {
  id: "statoil-iceberg-classifier-challenge",
  version: 1,
  grade: (submission, answers) => gradeBinaryLogLoss(submission, answers, "id", "is_iceberg"),
};
