// ventilator-pressure-prediction: mean absolute error of pressure over the inspiratory rows only (the
// ANSWERS' u_out == 0), paired by id. (The reference's config names a dice-hausdorff grader; its grade
// function computes this MAE.)
// The reference checks, in order: 'id' and 'pressure' present, the row count, both sorted by id must
// hold the same ids (ids written as floats match), then scikit-learn casts and checks only the scored
// cells: NaN, ±inf or text on an inspiratory row is invalid; anything on an expiratory (u_out == 1) row
// is ignored, even text (a text cell makes pandas read the column as text; the scored cells that hold
// numbers are still converted one by one). Extra columns and row order do not matter.

import { numberAt } from "../src/grading/blocks/cell-number.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { mae } from "../src/grading/metrics/regression.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "pressure";
const PHASE = "u_out";

export const grader: Grader = {
  id: "ventilator-pressure-prediction",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, [TARGET]);
    const rowOf = matchSortedIds(submission, answers, ID);
    const phase = numericValues(answers, PHASE);
    const truthAll = numericValues(answers, TARGET);
    const column = columnOf(submission, TARGET);
    let scored = 0;
    for (let r = 0; r < phase.length; r++) if (phase[r] === 0) scored++;
    const truth = new Float64Array(scored);
    const predicted = new Float64Array(scored);
    const rowAt = new Int32Array(scored);
    for (let r = 0, i = 0; r < phase.length; r++) {
      if (phase[r] !== 0) continue;
      const row = rowOf[r]!;
      const v = numberAt(column, row);
      if (v === undefined) {
        throw new InvalidSubmission(
          `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)} holds ${cellDisplay(column, row)}, which is not a number; every inspiratory row (u_out = 0) needs a pressure.`,
        );
      }
      truth[i] = truthAll[r]!;
      predicted[i] = v;
      rowAt[i++] = row;
    }
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowAt[p]!, idColumn: ID },
      () => mae(truth, predicted),
    );
    return { score, notes: [] };
  },
};
