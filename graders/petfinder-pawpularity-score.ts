// petfinder-pawpularity-score: RMSE of Pawpularity (1-100) against the answers, paired by Id.
// The reference checks, in order: 'Id' present, 'Pawpularity' present, every value within [1, 100]
// (NaN fails pandas' between; text fails the comparison), then both files sorted by Id must hold the
// same ids (a different row count or a repeated id fails). 1 and 100 themselves and fractional values
// are fine; extra columns and row order do not matter. Bench decides the same verdicts, by id.

import { permute } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { rmse } from "../src/grading/metrics/regression.js";
import { numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "Id";
const TARGET = "Pawpularity";

export const grader: Grader = {
  id: "petfinder-pawpularity-score",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, [TARGET]);
    const values = numericValues(submission, TARGET);
    for (let row = 0; row < values.length; row++) {
      const v = values[row]!;
      if (!(v >= 1 && v <= 100)) {
        const what = Number.isNaN(v) ? "is empty or NaN" : `is ${v}`;
        throw new InvalidSubmission(
          `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)} ${what}; every prediction must be a number from 1 to 100.`,
        );
      }
    }
    const rowOf = matchSortedIds(submission, answers, ID);
    const truth = numericValues(answers, TARGET);
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => rmse(truth, permute(values, rowOf)),
    );
    return { score, notes: [] };
  },
};
