// The contract between the grading pipeline and the code that scores one competition. A grader is
// pure: two parsed tables in, a raw score (or InvalidSubmission thrown) out. The pipeline reads the
// files, rounds the score, and adds medals; graders never touch the filesystem.

import type { Frame } from "./csv/frame.js";
import type { GradeOutcome } from "./invalid-submission.js";

export interface Grader {
  /** Stable id, stored with every grade so that results from an older grader can be told apart. */
  readonly id: string;
  /** Bump when the grader's scores or verdicts change; resumed sweeps re-grade older results. */
  readonly version: number;
  /**
   * For answers that are not a CSV (JSON Lines, read by file extension): the top-level fields to keep
   * as columns; the others are dropped while reading (default: all).
   */
  readonly answersFields?: readonly string[];
  /**
   * How the reference rounds the score to 5 decimals: "numpy" (the default) where grade() returns a
   * numpy.float64, so round() is numpy's; "python" where it returns a plain float, so round() is
   * Python's correctly rounded decimal rounding (kuzushiji-recognition, tweet-sentiment-extraction).
   */
  readonly scoreRounding?: "numpy" | "python";
  /**
   * Scores `submission` against `answers`. Throws InvalidSubmission (or MetricInputError from a
   * metric) when the submission cannot be scored; any other exception is a bug in bench.
   */
  grade(submission: Frame, answers: Frame): GradeOutcome;
}
