// jigsaw-unintended-bias-in-toxicity-classification: the Jigsaw bias metric (a quarter each of the
// overall AUC and the -5 power means of the subgroup, BPSN and BNSP AUCs over 9 identities), on
// BINARISED predictions: the reference thresholds every prediction at 0.5 (>= 0.5 is toxic) before the
// AUCs, so only which side of 0.5 a value falls on matters (the competition itself ranked raw scores).
// Answers' toxicity and the 9 identities are binarised at 0.5 too (an empty identity cell is 0).
// The reference checks, in order: 'id' present; a 'prediction' column, or instead a 'toxicity' column
// (it renames prediction -> toxicity, so a copy of the answers is accepted; bench accepts it too, with a
// note); both sorted by id must hold the same ids; not both 'prediction' and 'toxicity' (two columns of
// one name fail); no text prediction; every AUC needs both classes among its rows.
// Empty (NaN) predictions count as non-toxic in the reference: bench rejects them (policy 2) and states
// the reference's number. No range check: any number is scored by its side of 0.5.

import { permute } from "../src/grading/align-by-id.js";
import { firstTextCell } from "../src/grading/blocks/accuracy-helper.js";
import { metricErrorToInvalid } from "../src/grading/blocks/metric-call.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { jigsawBiasAuc } from "../src/grading/metrics/jigsaw-bias-auc.js";
import { MetricInputError } from "../src/grading/metrics/metric-input-error.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const PREDICTION = "prediction";
const TOXICITY = "toxicity";
const IDENTITIES = [
  "male",
  "female",
  "homosexual_gay_or_lesbian",
  "christian",
  "jewish",
  "muslim",
  "black",
  "white",
  "psychiatric_or_mental_illness",
];

/** x >= 0.5 -> 1, else 0 (NaN -> 0), as pandas' comparison gives. */
function binarise(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! >= 0.5 ? 1 : 0;
  return out;
}

export const grader: Grader = {
  id: "jigsaw-unintended-bias-in-toxicity-classification",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    const hasPrediction = submission.has(PREDICTION);
    const hasToxicity = submission.has(TOXICITY);
    if (!hasPrediction && !hasToxicity) requireColumns(submission, [PREDICTION]);
    const rowOf = matchSortedIds(submission, answers, ID);
    if (hasPrediction && hasToxicity) {
      throw new InvalidSubmission(
        `${submission.source}: has both "${PREDICTION}" and "${TOXICITY}" columns; keep only "${PREDICTION}" (the reference renames it to "${TOXICITY}" and fails on the two columns of one name).`,
      );
    }
    const name = hasPrediction ? PREDICTION : TOXICITY;
    const column = columnOf(submission, name);
    if (column.kind === "object") {
      const row = firstTextCell(column.values);
      if (row >= 0) {
        throw new InvalidSubmission(
          `${submission.source}: column "${name}", ${rowLabel(submission, row)} holds ${cellDisplay(column, row)}, which is not a number; write a toxicity score per comment.`,
        );
      }
    }
    const raw = numericValues(submission, name);
    const values = permute(raw, rowOf);
    const truth = binarise(numericValues(answers, TOXICITY));
    const identities = IDENTITIES.map((g) => binarise(numericValues(answers, g)));
    const compute = () => jigsawBiasAuc(truth, binarise(values), identities, IDENTITIES).score;
    const empty = values.findIndex((v) => Number.isNaN(v));
    if (empty >= 0) {
      let reference: string;
      try {
        reference = `report ${roundHalfEven(compute(), 5)}`;
      } catch (error) {
        if (!(error instanceof MetricInputError)) throw error;
        reference = "still reject the file";
      }
      throw new InvalidSubmission(
        `${submission.source}: column "${name}", ${rowLabel(submission, rowOf[empty]!)} is empty or NaN; write a toxicity score for every comment.`,
        {
          referenceNote: `The reference counts an empty prediction as non-toxic (0) and would ${reference}.`,
        },
      );
    }
    let score: number;
    try {
      score = compute();
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      throw metricErrorToInvalid(error, { submission, answers, columns: [name] });
    }
    const notes = hasPrediction
      ? []
      : [
          `The predictions were read from a "${TOXICITY}" column (the reference accepts it in place of "${PREDICTION}"); name it "${PREDICTION}".`,
        ];
    return { score, notes };
  },
};
