// facebook-recruiting-iii-keyword-extraction: micro F1 over the space-separated tags, rows paired by Id
// (shared/mlebench/full-grading/g2-sets-and-text.md; shared shape: src/grading/blocks/multilabel-f1-grader.ts).
// Labels unknown to the answers are ignored, not false positives; empty predictions are valid (only
// false negatives); labels are case-sensitive. Extra columns (Title, Body) are ignored.

import { multilabelF1Grader } from "../src/grading/blocks/multilabel-f1-grader.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = multilabelF1Grader({
  id: "facebook-recruiting-iii-keyword-extraction",
  idColumn: "Id",
  targetColumn: "Tags",
  advice: "write the tags as text separated by spaces.",
});
