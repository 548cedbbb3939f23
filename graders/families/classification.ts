// The graders of MLE-bench's classification family (rules: shared/mlebench/full-grading/g3-classification.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";

export const G3_GRADERS: readonly Grader[] = [];
