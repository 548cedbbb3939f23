// plant-pathology-2021-fgvc8: micro F1 over the space-separated disease labels, rows paired by image
// (shared/mlebench/full-grading/g2-sets-and-text.md; shared shape: src/grading/blocks/multilabel-f1-grader.ts).
// Labels unknown to the answers are ignored, not false positives; empty predictions are valid (only
// false negatives); labels are case-sensitive.

import { multilabelF1Grader } from "../src/grading/blocks/multilabel-f1-grader.js";
import type { Grader } from "../src/grading/grader.js";

export const grader: Grader = multilabelF1Grader({
  id: "plant-pathology-2021-fgvc8",
  idColumn: "image",
  targetColumn: "labels",
  advice: "write the disease names as text separated by spaces.",
});
