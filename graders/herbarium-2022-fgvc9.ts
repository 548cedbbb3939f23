// herbarium-2022-fgvc9: macro F1 (scikit-learn 1.5.1) of int(Predicted) against the answers, rows paired by Id
// (shared/mlebench/full-grading/g2-sets-and-text.md). Quirks kept from the reference: non-integral
// predictions are truncated toward zero by int() (graded, with a note); a category absent from the
// answers adds a zero-F1 label to the macro mean.

import { intLabelMacroF1Grader } from "../src/grading/blocks/int-label-f1.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = intLabelMacroF1Grader({
  id: "herbarium-2022-fgvc9",
  idColumn: "Id",
  targetColumn: "Predicted",
});
