// nomad2018-predict-transparent-conductors: mean over the two targets (formation_energy_ev_natom,
// bandgap_energy_ev) of scikit-learn 1.5.1's RMSLE, which rejects any negative value.
// The reference never reads the id column: it pairs submission and answers rows by FILE POSITION.
// Bench:
//   - ids exactly the test set's but rows in another order (well-formed): the reference's positional
//     score, plus a note with the score matched by id;
//   - no "id" column (well-formed: the id is optional in the reference, issue 8 item 7): the rows are
//     paired by position, exactly as the reference does, with a note saying so;
//   - unknown or duplicated ids (malformed; the reference scores them by position): rejected, with the
//     reference's number in the note;
//   - a missing target column, a wrong row count, text, NaN/inf or a negative value: rejected, as by
//     the reference.

import { alignById, permute } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { rmsle } from "../src/grading/metrics/regression.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { numericValues, requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGETS = ["formation_energy_ev_natom", "bandgap_energy_ev"] as const;

/** (RMSLE of target 1 + RMSLE of target 2) / 2, `predicted` already paired with the answers' rows. */
function meanRmsle(
  submission: Frame,
  answers: Frame,
  truth: readonly Float64Array[],
  predicted: readonly Float64Array[],
  submissionRowOf: (position: number) => number,
): number {
  const [first, second] = TARGETS.map((name, t) =>
    callMetric({ submission, answers, columns: [name], submissionRowOf }, () =>
      rmsle(truth[t]!, predicted[t]!),
    ),
  ) as [number, number];
  return (first + second) / 2;
}

export const grader: Grader = {
  id: "nomad2018-predict-transparent-conductors",
  version: 2,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [TARGETS[0]]);
    requireColumns(submission, [TARGETS[1]]);
    requireRowCount(submission, answers.rowCount);
    const values = TARGETS.map((name) => numericValues(submission, name));
    const truth = TARGETS.map((name) => numericValues(answers, name));
    // What the reference computes; it also runs every check the reference runs.
    const positional = meanRmsle(submission, answers, truth, values, (p) => p);
    const reference = roundHalfEven(positional, 5);

    const malformed = (problem: string): InvalidSubmission =>
      new InvalidSubmission(problem, {
        referenceNote: `The reference ignores ids and pairs rows by their position in the file; it would accept this file and report ${reference}.`,
      });
    if (!submission.has(ID)) {
      return {
        score: positional,
        notes: [
          `${submission.source} has no "${ID}" column: its rows were paired with the test set's rows by position, as the reference does. Write the rows in the order of the test set's ids.`,
        ],
      };
    }
    let rowOf: Int32Array;
    try {
      rowOf = alignById(answers, submission, ID);
    } catch (error) {
      if (error instanceof InvalidSubmission) throw malformed(error.message);
      throw error;
    }
    if (rowOf.every((row, position) => row === position)) return { score: positional, notes: [] };

    const matched = meanRmsle(
      submission,
      answers,
      truth,
      values.map((v) => permute(v, rowOf)),
      (p) => rowOf[p]!,
    );
    return {
      score: positional,
      notes: [
        `Rows are not in the test set's order. The reference pairs rows by position, not by id, so this score (${reference}) compares predictions with other materials' targets; matched by id the score would be ${roundHalfEven(matched, 5)}. Write the rows in the order of the test set's ids.`,
      ],
    };
  },
};
