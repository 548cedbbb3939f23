// imet-2020-fgvc7: micro F1 over the space-separated attribute ids, rows paired by id
// (shared/mlebench/full-grading/g2-sets-and-text.md; shared shape: src/grading/blocks/multilabel-f1-grader.ts).
// Labels unknown to the answers are ignored, not false positives; empty predictions are valid (only
// false negatives); labels are case-sensitive. Quirk kept from the reference: when every row predicts exactly one attribute the column is read as numbers and the file is invalid.

import { multilabelF1Grader } from "../src/grading/blocks/multilabel-f1-grader.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = multilabelF1Grader({
  id: "imet-2020-fgvc7",
  idColumn: "id",
  targetColumn: "attribute_ids",
  advice:
    "write the attribute ids separated by spaces; a column where every row holds one number is read as numbers and cannot be split (the reference rejects it too), so predict two or more attributes in at least one row.",
});
