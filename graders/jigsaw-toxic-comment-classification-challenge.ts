// jigsaw-toxic-comment-classification-challenge: mean of six column-wise ROC AUCs (toxic ... identity_hate)
// over the rows the answers score (rows labelled -1 in all six columns are not scored).
// The reference indexes both files by id, sorts them, drops unscored rows BY ID LABEL, then pairs rows by
// position and COLUMNS BY POSITION (every non-id submission column, in file order, against the answers'
// six in theirs). Bench:
//   - same verdicts: missing class or id column, wrong row count, an extra column (the reference fails on
//     a seventh score column), an id not in the test set, NaN or text in a scored row -> invalid; values
//     in unscored rows are ignored (anything goes); no range check (logits are fine);
//   - class columns in another order are well-formed, so bench returns the reference's (misaligned) score
//     and a note with the score matched by name;
//   - duplicated ids, which the reference can accept (then a duplicate is scored against a neighbour's
//     labels), are rejected, with the reference's number in the note.

import { alignById } from "../src/grading/align-by-id.js";
import { numberAt } from "../src/grading/blocks/cell-number.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { sortedRows } from "../src/grading/blocks/sort-order.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerptList } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { meanColumnwiseRocAuc } from "../src/grading/metrics/roc-auc.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "id";

type IdKey = string | number | boolean;

function idKey(column: Column, row: number): IdKey | null {
  if (column.kind === "object") return column.values[row] ?? null;
  const v = column.values[row]!;
  return column.kind === "bool" ? v === 1 : Number.isNaN(v) ? null : v;
}

/** Answers rows the reference scores: labels summing to >= 0 (pandas' row sum; -1 rows are dropped). */
function scoredRows(answers: Frame, classes: readonly string[]): number[] {
  const labels = classes.map((c) => numericValues(answers, c));
  const rows: number[] = [];
  for (let r = 0; r < answers.rowCount; r++) {
    let sum = 0;
    for (const column of labels) sum += Number.isNaN(column[r]!) ? 0 : column[r]!;
    if (sum >= 0) rows.push(r);
  }
  return rows;
}

/** The submission's numbers for `name` at `rows` (submission rows); text, NaN or inf -> invalid. */
function scoresAt(submission: Frame, name: string, rows: ArrayLike<number>): Float64Array {
  const column = columnOf(submission, name);
  return Float64Array.from(rows, (row) => {
    const v = numberAt(column, row);
    if (v === undefined || !Number.isFinite(v)) {
      const what =
        v === undefined
          ? `${cellDisplay(column, row)} is not a number`
          : `is ${Number.isNaN(v) ? "empty or NaN" : v}`;
      const id = cellDisplay(columnOf(submission, ID), row); // quoted and cut short: ids can be huge
      throw new InvalidSubmission(
        `${submission.source}: column "${name}", ${rowLabel(submission, row)} (id ${id}) ${what}; every scored row needs a finite number (only rows the answers do not score may hold anything).`,
      );
    }
    return v;
  });
}

/**
 * What the reference does with ids that are not exactly the test set's: undefined when it rejects them
 * too, else its score (rows sorted by id, unscored ids dropped, the rest paired by position).
 */
function referenceScoreForBadIds(
  submission: Frame,
  answers: Frame,
  classes: readonly string[],
): number | undefined {
  const answerIds = columnOf(answers, ID);
  const submissionIds = columnOf(submission, ID);
  const scored = new Set(scoredRows(answers, classes));
  const scoredById = new Map<IdKey, boolean>();
  for (let r = 0; r < answers.rowCount; r++) {
    const key = idKey(answerIds, r);
    if (key !== null) scoredById.set(key, scored.has(r));
  }
  const subOrder = sortedRows(submissionIds);
  const ansOrder = sortedRows(answerIds);
  if (subOrder === undefined || ansOrder === undefined) return undefined;
  const subKept: number[] = [];
  for (const row of subOrder) {
    const key = idKey(submissionIds, row);
    const keep = key === null ? undefined : scoredById.get(key);
    if (keep === undefined) return undefined; // an id the answers lack: "Unalignable boolean Series"
    if (keep) subKept.push(row);
  }
  const ansKept = Array.from(ansOrder).filter((r) => scored.has(r));
  if (subKept.length !== ansKept.length) return undefined; // lengths differ after masking
  const positional = submission.columns.filter((c) => c !== ID);
  try {
    const truth = classes.map((c) => {
      const labels = numericValues(answers, c);
      return Float64Array.from(ansKept, (r) => labels[r]!);
    });
    const scores = positional.map((c) => scoresAt(submission, c, subKept));
    return meanColumnwiseRocAuc(truth, scores);
  } catch {
    return undefined; // the reference's scikit-learn call fails as well
  }
}

export const grader: Grader = {
  id: "jigsaw-toxic-comment-classification-challenge",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const classes = answers.columns.filter((c) => c !== ID);
    requireColumns(submission, [ID, ...classes]);
    requireRowCount(submission, answers.rowCount);
    const extra = submission.columns.filter((c) => c !== ID && !classes.includes(c));
    if (extra.length > 0) {
      throw new InvalidSubmission(
        `${submission.source}: unexpected column(s) ${excerptList(extra)}; write exactly "${ID}" and the six classes ${classes.join(", ")}. (The reference scores every non-id column against the six labels by position, and fails with a seventh.)`,
      );
    }

    let rowOf: Int32Array;
    try {
      rowOf = alignById(answers, submission, ID);
    } catch (error) {
      if (!(error instanceof InvalidSubmission)) throw error;
      const reference = referenceScoreForBadIds(submission, answers, classes);
      if (reference === undefined) throw error;
      throw new InvalidSubmission(error.message, {
        referenceNote: `The reference accepts these ids: it sorts both files by id, drops the unscored rows by id and pairs the rest by position, so a duplicated row is scored against another id's labels. It would report ${roundHalfEven(reference, 5)} (pandas' quicksort may order equal ids differently from file order, which can change that number).`,
      });
    }

    const scored = scoredRows(answers, classes);
    const truth = classes.map((c) => {
      const labels = numericValues(answers, c);
      return Float64Array.from(scored, (r) => labels[r]!);
    });
    const rows = Int32Array.from(scored, (r) => rowOf[r]!);
    const byName = classes.map((c) => scoresAt(submission, c, rows));
    const site = {
      submission,
      answers,
      columns: classes,
      submissionRowOf: (p: number) => rows[p]!,
      idColumn: ID,
    };
    const matched = callMetric(site, () => meanColumnwiseRocAuc(truth, byName));

    const positional = submission.columns.filter((c) => c !== ID);
    if (positional.every((c, i) => c === classes[i])) return { score: matched, notes: [] };
    const misaligned = meanColumnwiseRocAuc(
      truth,
      positional.map((c) => byName[classes.indexOf(c)]!),
    );
    return {
      score: misaligned,
      notes: [
        `The class columns are in the order ${positional.join(", ")}, not ${classes.join(", ")}. The reference pairs them by position, so this score (${roundHalfEven(misaligned, 5)}) compares each column with another class's labels; matched by name the score would be ${roundHalfEven(matched, 5)}. Write the columns in the answers' order to be scored by name.`,
      ],
    };
  },
};
