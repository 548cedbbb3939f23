// aptos2019-blindness-detection: quadratic weighted kappa of the predicted grade (diagnosis 0-4) against
// the answers, paired by id_code; scikit-learn's cohen_kappa_score(y_pred, y_true, weights="quadratic").
// Reference quirks and how bench handles them:
//   - no explicit row-count check: a duplicated row fails only through scikit-learn's length check, so
//     the reference rejects duplicates too; bench rejects them with the ids named;
//   - text labels fail ("Mix of label input types"); NaN and non-whole numbers fail (continuous);
//     whole floats (2.0) equal 2: all as in the reference;
//   - the weights use POSITIONS in the sorted union of labels present, not grade values: a grade absent
//     from both sides, or a prediction outside 0-4, changes the weights. Bench scores exactly what the
//     reference scores and adds a note saying so;
//   - a single label overall makes kappa 0/0 = NaN, which the reference reports as a valid NaN score.

import { alignById } from "../src/grading/align-by-id.js";
import { quadraticKappaOfLabels } from "../src/grading/blocks/kappa-labels.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { requireColumns } from "../src/grading/submission-checks.js";

const ID = "id_code";
const TARGET = "diagnosis";
const GRADES = [0, 1, 2, 3, 4];

function weightNotes(labels: readonly number[], consecutive: boolean): string[] {
  const notes: string[] = [];
  const outside = labels.filter((v) => !GRADES.includes(v));
  if (outside.length > 0) {
    notes.push(
      `Predictions ${outside.join(", ")} are not grades (0-4). The reference accepts them as extra labels, which also changes every kappa weight; bench scores the same way.`,
    );
  }
  // Positions equal values only when the labels present are consecutive integers.
  if (!consecutive) {
    notes.push(
      `The labels present (${labels.join(", ")}) are not consecutive. scikit-learn weighs a disagreement by the distance between the labels' POSITIONS among those present, not by their values (e.g. with labels 0, 1, 2, 4, a 2 against a 4 counts as one step); bench scores exactly as the reference does.`,
    );
  }
  if (labels.length === 1) {
    notes.push(
      "Only one grade appears in the predictions and the answers together: kappa is 0/0, undefined. The reference reports NaN as a valid score; bench does the same.",
    );
  }
  return notes;
}

export const grader: Grader = {
  id: "aptos2019-blindness-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [TARGET]);
    if (submission.rowCount === 0) {
      throw new InvalidSubmission(
        `${submission.source}: has no data rows; write one row per ${ID} of the test set.`,
      );
    }
    requireColumns(submission, [ID]);
    // Covers the reference's id-set comparison and, for duplicates, scikit-learn's length check.
    const rowOf = alignById(answers, submission, ID);
    const { score, present, consecutive } = quadraticKappaOfLabels(submission, answers, {
      idColumn: ID,
      targetColumn: TARGET,
      rowOf,
      notALabel: "which is not a grade; write each diagnosis as a whole number 0-4.",
    });
    return { score, notes: weightNotes(present, consecutive) };
  },
};
