// dogs-vs-cats-redux-kernels-edition: binary log loss of P(dog) against the answers' label (1 = dog),
// paired by id. The reference checks the id SET and the row count (together: the exact ids, once each),
// then `0 <= label <= 1` on every value (NaN fails it, text raises), then scikit-learn 1.5.1's log_loss
// (clip to [eps, 1 - eps]: hard 0/1 predictions are allowed and cost up to 36.04 per wrong row).

import { gradeBinaryLogLoss } from "../src/grading/blocks/binary-log-loss-grade.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = {
  id: "dogs-vs-cats-redux-kernels-edition",
  version: 1,
  grade: (submission, answers) => gradeBinaryLogLoss(submission, answers, "id", "label"),
};
