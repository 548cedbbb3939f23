// The graders of MLE-bench's sets and text family (rules: shared/mlebench/full-grading/g2-sets-and-text.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";

export const G2_GRADERS: readonly Grader[] = [];
