// The graders of MLE-bench's regression and ranking family (rules: shared/mlebench/full-grading/g4-regression-and-ranking.md), one
// module per competition in graders/<competition-id>.ts; graders/index.ts registers this list.

import type { Grader } from "../../src/grading/grader.js";

export const G4_GRADERS: readonly Grader[] = [];
