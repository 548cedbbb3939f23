// learning-agency-lab-automated-essay-scoring-2: quadratic weighted kappa of the predicted essay score
// (1-6) against the answers, paired by essay_id: scikit-learn's cohen_kappa_score(y_pred, y_true,
// weights="quadratic").
// The reference checks, in order: 'score' present, 'essay_id' present, at least one row, both sorted by
// essay_id must hold the same ids (a different row count or a repeated id fails), then scikit-learn's
// label checks: NaN, non-whole numbers (2.5, "continuous") and text mixed with numbers are invalid;
// whole floats (3.0) equal 3. Scores outside 1-6 are accepted and enlarge the label set, which changes
// every weight (weights use POSITIONS among the labels present, as in aptos2019): bench scores exactly
// as the reference and says so in a note.

import { quadraticKappaOfLabels } from "../src/grading/blocks/kappa-labels.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { requireColumns } from "../src/grading/submission-checks.js";

const ID = "essay_id";
const TARGET = "score";

function labelNotes(labels: readonly number[], consecutive: boolean): string[] {
  const notes: string[] = [];
  const outside = labels.filter((v) => v < 1 || v > 6);
  if (outside.length > 0 || !consecutive) {
    notes.push(
      `The labels present (${labels.join(", ")}) are not exactly consecutive essay scores: scikit-learn weighs a disagreement by the distance between label POSITIONS among those present, so predictions outside 1-6 or a missing score change every weight. Bench scores exactly as the reference does.`,
    );
  }
  return notes;
}

export const grader: Grader = {
  id: "learning-agency-lab-automated-essay-scoring-2",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [TARGET]);
    requireColumns(submission, [ID]);
    if (submission.rowCount === 0) {
      throw new InvalidSubmission(
        `${submission.source}: has no data rows; write one row per ${ID} of the test set.`,
      );
    }
    const rowOf = matchSortedIds(submission, answers, ID);
    const { score, present, consecutive } = quadraticKappaOfLabels(submission, answers, {
      idColumn: ID,
      targetColumn: TARGET,
      rowOf,
      notALabel: "which is not a score; write each score as a whole number 1-6.",
    });
    return { score, notes: labelNotes(present, consecutive) };
  },
};
