// rsna-breast-cancer-detection: probabilistic F1 (pfbeta, beta = 1) of the cancer probability, rows
// paired by prediction_id (shared/mlebench/full-grading/g2-sets-and-text.md). Predictions are clipped
// to [0, 1] without a range check, as in the reference. Quirk: the reference lets a NaN prediction
// through (Python's min/max keep it) and reports a valid 0.0; bench rejects it and says so.

import { alignById } from "../src/grading/align-by-id.js";
import type { Grader } from "../src/grading/grader.js";
import { InvalidSubmission } from "../src/grading/invalid-submission.js";
import {
  numericValues,
  requireColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "prediction_id";
const TARGET = "cancer";

/** pfbeta with beta = 1, in the reference's order of operations; 0 unless precision and recall > 0. */
export function probabilisticF1(labels: ArrayLike<number>, predictions: ArrayLike<number>): number {
  let positives = 0;
  let ctp = 0;
  let cfp = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(predictions[i]!, 0), 1);
    if (labels[i]) {
      positives++;
      ctp += p;
    } else {
      cfp += p;
    }
  }
  const precision = ctp / (ctp + cfp);
  const recall = ctp / positives;
  return precision > 0 && recall > 0 ? (2 * (precision * recall)) / (precision + recall) : 0;
}

export const grader: Grader = {
  id: "rsna-breast-cancer-detection",
  version: 1,
  grade(submission, answers) {
    requireColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const values = numericValues(submission, TARGET);
    const predictions = Float64Array.from(rowOf, (row) => values[row]!);
    const truth = numericValues(answers, TARGET);
    const nan = predictions.findIndex((v) => Number.isNaN(v));
    if (nan >= 0) {
      throw new InvalidSubmission(
        `${submission.source}: column "${TARGET}", ${rowLabel(submission, rowOf[nan]!)} is empty or NaN; every row needs a probability of cancer.`,
        {
          referenceNote:
            "The reference lets NaN through its clipping and reports a valid score of 0: any NaN makes its precision or recall NaN, hence 0.",
        },
      );
    }
    return { score: probabilisticF1(truth, predictions), notes: [] };
  },
};
