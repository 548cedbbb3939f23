// seti-breakthrough-listen: ROC AUC of the predicted probability in "target", paired by "id".
// Scored by the reference's binary AUROC helper (src/grading/blocks/binary-auroc.ts): values must be
// numbers in [0, 1] (no NaN/inf), ids exactly the answers' once each; extra columns and row order do
// not matter.

import { binaryAurocGrader } from "../src/grading/blocks/binary-auroc.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = binaryAurocGrader({
  id: "seti-breakthrough-listen",
  idColumn: "id",
  targetColumn: "target",
});
