// stanford-covid-vaccine: MCRMSE, the mean over reactivity, deg_Mg_pH10 and deg_Mg_50C of the RMSE over
// the scored positions (the answers' keep == True: the first 68 of each sequence). deg_pH10 and deg_50C
// must be present but are never scored. (The config names the metric multi-class log loss; the grade
// function computes MCRMSE.)
// The reference checks, in order: the row count, the six columns, both sorted by id_seqpos must hold
// the same ids; then NaN, ±inf or text in a scored column on a kept row is invalid (anything on the
// other rows is ignored).
// Quirk: it applies the keep mask to the submission by FILE POSITION (row j of the submission is kept
// when row j of the answers is), then pairs the kept rows of both files in id_seqpos order. That is the
// id alignment only when the submission keeps the answers' row order (as the sample does). Bench always
// pairs by id_seqpos; when the row order differs it adds a note with the number the reference would
// report (or says the reference would reject the file).

import { numberAt } from "../src/grading/blocks/cell-number.js";
import { metricErrorToInvalid } from "../src/grading/blocks/metric-call.js";
import { sortedRows } from "../src/grading/blocks/sort-order.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { mcrmse } from "../src/grading/metrics/mcrmse.js";
import { MetricInputError } from "../src/grading/metrics/metric-input-error.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id_seqpos";
const SCORED = ["reactivity", "deg_Mg_pH10", "deg_Mg_50C"] as const;
const REQUIRED = [ID, "reactivity", "deg_Mg_pH10", "deg_Mg_50C", "deg_pH10", "deg_50C"];
const KEEP = "keep";

/** The scored values of `frame` at `rows`, column by column; text throws with the row named. */
function scoredValues(frame: Frame, rows: ArrayLike<number>): Float64Array[] {
  return SCORED.map((name) => {
    const column = columnOf(frame, name);
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const v = numberAt(column, row);
      if (v === undefined) {
        throw new InvalidSubmission(
          `${frame.source}: column "${name}", ${rowLabel(frame, row)} holds ${cellDisplay(column, row)}, which is not a number; every scored position needs a finite number.`,
        );
      }
      out[i] = v;
    }
    return out;
  });
}

function keptRows(answers: Frame): boolean[] {
  const keep = columnOf(answers, KEEP);
  return Array.from({ length: answers.rowCount }, (_, r) => numberAt(keep, r) === 1);
}

/** The reference's pairing: keep mask by file position, kept rows of both files in id order. */
function referenceNote(submission: Frame, answers: Frame, keep: readonly boolean[]): string {
  const subOrder = sortedRows(columnOf(submission, ID));
  const ansOrder = sortedRows(columnOf(answers, ID));
  const how =
    "The submission's rows are not in the answers' order. The reference applies the keep mask by file position (row j of the submission is scored when row j of the answers is), then pairs rows in id_seqpos order, so it scores other rows than those of each id";
  if (subOrder === undefined || ansOrder === undefined) return `${how}.`;
  const subRows = Array.from(subOrder).filter((j) => keep[j]);
  const ansRows = Array.from(ansOrder).filter((r) => keep[r]);
  try {
    const score = mcrmse(scoredValues(answers, ansRows), scoredValues(submission, subRows));
    return `${how}: it would report ${roundHalfEven(score, 5)}; bench pairs rows by id_seqpos.`;
  } catch (error) {
    if (error instanceof InvalidSubmission || error instanceof MetricInputError) {
      return `${how}: it would reject this file (a scored cell it reads is not a finite number); bench pairs rows by id_seqpos.`;
    }
    throw error;
  }
}

export const grader: Grader = {
  id: "stanford-covid-vaccine",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    if (submission.rowCount !== answers.rowCount) {
      throw new InvalidSubmission(
        `${submission.source}: has ${submission.rowCount} data rows, expected ${answers.rowCount} (one per id_seqpos: every position of every test sequence, in the sample submission's order).`,
      );
    }
    requireColumns(submission, REQUIRED);
    const rowOf = matchSortedIds(submission, answers, ID);
    const keep = keptRows(answers);
    const ansRows = Int32Array.from(keep.flatMap((k, r) => (k ? [r] : [])));
    const subRows = Int32Array.from(ansRows, (r) => rowOf[r]!);
    const predicted = scoredValues(submission, subRows);
    let score: number;
    try {
      score = mcrmse(scoredValues(answers, ansRows), predicted);
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      throw metricErrorToInvalid(error, {
        submission,
        answers,
        columns: [...SCORED],
        submissionRowOf: (p) => subRows[p]!,
        idColumn: ID,
      });
    }
    const inOrder = rowOf.every((s, r) => s === r);
    return { score, notes: inOrder ? [] : [referenceNote(submission, answers, keep)] };
  },
};
