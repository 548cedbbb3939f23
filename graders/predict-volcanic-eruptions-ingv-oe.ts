// predict-volcanic-eruptions-ingv-oe: mean absolute error of time_to_eruption, rounded to an integer
// with Python's round (half to even: 2.5 -> 2), paired by segment_id.
// The reference: 'time_to_eruption' then 'segment_id' present; set of submission ids == set of answers
// ids (5 equals 5.0); NO row-count check, then an inner merge on segment_id, so a repeated id is
// accepted and that segment is scored once per copy. Bench rejects repeated ids (policy 2) and states
// the reference's number. NaN, ±inf or text predictions are invalid in both (scikit-learn). No range
// check: negative predictions are scored.

import { permute } from "../src/grading/align-by-id.js";
import {
  alignBySetThenMerge,
  type MergedPairs,
  repeatedIdsNote,
} from "../src/grading/blocks/id-set-merge.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { parseNumberCell } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { mae } from "../src/grading/metrics/regression.js";
import { rint } from "../src/grading/metrics/round-score.js";
import { columnOf, numericValues } from "../src/grading/submission-checks.js";

const ID = "segment_id";
const TARGET = "time_to_eruption";

/** The column as floats, or undefined when a cell is text (the reference's cast fails). */
function floatsOrUndefined(frame: Frame): Float64Array | undefined {
  const column = columnOf(frame, TARGET);
  if (column.kind !== "object") return numericValues(frame, TARGET);
  const out = new Float64Array(column.values.length);
  for (let i = 0; i < out.length; i++) {
    const v = column.values[i] ?? null;
    const parsed = v === null ? Number.NaN : typeof v === "boolean" ? Number(v) : parseNumberCell(v);
    if (parsed === undefined) return undefined;
    out[i] = parsed;
  }
  return out;
}

function referenceNote(submission: Frame, answers: Frame, pairs: MergedPairs): string {
  const truth = numericValues(answers, TARGET);
  return repeatedIdsNote(() => {
    const predicted = floatsOrUndefined(submission);
    if (predicted === undefined) throw new InvalidSubmission("a prediction is not a number");
    return rint(
      mae(
        Float64Array.from(pairs.answerRows, (r) => truth[r]!),
        Float64Array.from(pairs.submissionRows, (s) => predicted[s]!),
      ),
    );
  });
}

export const grader: Grader = {
  id: "predict-volcanic-eruptions-ingv-oe",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignBySetThenMerge(submission, answers, { idColumn: ID, targetColumn: TARGET }, (pairs) =>
      referenceNote(submission, answers, pairs),
    );
    const predicted = permute(numericValues(submission, TARGET), rowOf);
    const truth = numericValues(answers, TARGET);
    const error = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => mae(truth, predicted),
    );
    // Python's round() on a float: to the nearest integer, ties to even.
    return { score: rint(error), notes: [] };
  },
};
