// The graders of MLE-bench's geometry family (rules: shared/mlebench/full-grading/g1-geometry.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";

export const G1_GRADERS: readonly Grader[] = [];
