// rsna-miccai-brain-tumor-radiogenomic-classification: ROC AUC of the predicted probability in "MGMT_value", paired by "BraTS21ID".
// Scored by the reference's binary AUROC helper (src/grading/blocks/binary-auroc.ts): values must be
// numbers in [0, 1] (no NaN/inf), ids exactly the answers' once each; extra columns and row order do
// not matter.
// Quirk: the answers write BraTS21ID zero-padded ('00012'), which pandas (and bench) read as the
// integer 12, so '00012' and '12' in a submission are the same id.

import { binaryAurocGrader } from "../src/grading/blocks/binary-auroc.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = binaryAurocGrader({
  id: "rsna-miccai-brain-tumor-radiogenomic-classification",
  idColumn: "BraTS21ID",
  targetColumn: "MGMT_value",
});
