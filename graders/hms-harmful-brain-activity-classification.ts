// hms-harmful-brain-activity-classification: KL divergence (src/grading/metrics/kl-divergence.ts) of
// the six predicted class probabilities from the experts' vote shares, rows paired by eeg_id.
// The answers hold vote COUNTS; each row is divided by its total. eeg_id is NOT unique (one row per
// labelled window). The reference's checks, in order: 'eeg_id' and the six *_vote columns present;
// same row count; each row's six values (NaN skipped) summing to 1 at 5 decimals (Python round(sum, 5)
// == 1: 0.999995 < sum < 1.000005); the SET of eeg_ids equal to the answers'; then Kaggle's
// verify_valid_probabilities on EVERY submission column but eeg_id: all numeric (a text column, or a
// True/False one among numbers, fails), none < 0 or > 1, every row sum (extra columns included, NaN
// skipped) within numpy.allclose of 1. So an extra numeric column (e.g. spectrogram_id) is invalid.
// A NaN cell whose row still sums to 1 is accepted and its term dropped. Both files are sorted by
// eeg_id and paired by position: bench sorts stably (file order within an eeg_id); the reference's
// quicksort pairs repeated ids in an unspecified order, which changes nothing when those answers rows
// carry the same votes (a note says when they do not). With equal sets and counts the per-id counts
// can still differ (one id twice, another id's second row missing): the reference grades that file
// by position; bench rejects it and states the reference's score.

import { permute } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Column } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { klDivergence } from "../src/grading/metrics/kl-divergence.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "eeg_id";
const CLASSES = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"] as const;

/** pandas' row sum with NaN skipped, left to right. */
function rowSum(columns: readonly ArrayLike<number>[], row: number): number {
  let sum = 0;
  for (const column of columns) {
    const v = column[row]!;
    if (!Number.isNaN(v)) sum += v;
  }
  return sum;
}

/** Python's round(sum, 5) == 1 on a double. */
function roundsToOneAt5(sum: number): boolean {
  return sum > 0.999995 && sum < 1.000005;
}

/** The id column as numbers (pandas' int/float), or undefined when pandas read it as text. */
function numericIds(column: Column): Float64Array | undefined {
  return column.kind === "int" || column.kind === "float" ? column.values : undefined;
}

/** Row indexes sorted by id, stably. */
function stableOrder(ids: Float64Array): Int32Array {
  const order = Array.from({ length: ids.length }, (_, i) => i);
  order.sort((a, b) => ids[a]! - ids[b]! || a - b);
  return Int32Array.from(order);
}

/** verify_valid_probabilities over every column but the id: numeric, in [0, 1], rows close to 1. */
function verifyProbabilities(submission: Frame): void {
  const names = submission.columns.filter((c) => c !== ID);
  const columns = names.map((name) => columnOf(submission, name));
  const allBool = columns.every((c) => c.kind === "bool");
  const bad = columns.findIndex((c) => !(c.kind === "int" || c.kind === "float" || allBool));
  if (bad >= 0) {
    throw new InvalidSubmission(
      `${submission.source}: column "${names[bad]}" is not numeric; every column except "${ID}" must hold probabilities (the reference checks all of them, not only the six classes). Remove extra columns.`,
    );
  }
  const values = names.map((name) => numericValues(submission, name));
  values.forEach((column, c) => {
    for (let row = 0; row < column.length; row++) {
      const v = column[row]!;
      if (v < 0 || v > 1) {
        throw new InvalidSubmission(
          `${submission.source}: column "${names[c]}", ${rowLabel(submission, row)} is ${v}; every column except "${ID}" must hold probabilities in [0, 1]${CLASSES.includes(names[c] as never) ? "" : " (the reference checks extra columns too: remove it)"}.`,
        );
      }
    }
  });
  for (let row = 0; row < submission.rowCount; row++) {
    const sum = rowSum(values, row);
    if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5)) {
      throw new InvalidSubmission(
        `${submission.source}: ${rowLabel(submission, row)}: the ${names.length} columns besides "${ID}" sum to ${sum}; they must sum to 1 (within 1.001e-5). Extra columns count in this sum: remove them.`,
      );
    }
  }
}

/** Rows that share an eeg_id in the answers but carry different votes, where the submission differs too. */
function looselyPairedIds(
  answerIds: Float64Array,
  order: Int32Array,
  solution: readonly Float64Array[],
  predicted: readonly Float64Array[],
): number {
  let count = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && answerIds[order[end]!] === answerIds[order[start]!]) end++;
    if (end - start > 1) {
      const differs = (columns: readonly Float64Array[]) =>
        columns.some((col) => {
          for (let k = start + 1; k < end; k++) if (!Object.is(col[k], col[start])) return true;
          return false;
        });
      if (differs(solution) && differs(predicted)) count++;
    }
    start = end;
  }
  return count;
}

/** The set check's failure, naming unknown and missing eeg_ids (ids may repeat: the SET must match). */
function idSetMismatch(
  submission: Frame,
  answerSet: ReadonlySet<number>,
  submissionIds: Float64Array | undefined,
): InvalidSubmission {
  if (submissionIds === undefined) {
    return new InvalidSubmission(
      `${submission.source}: column "${ID}" holds text, but the answers' eeg_ids are integers; write the sample submission's eeg_ids.`,
    );
  }
  const present = new Set(submissionIds);
  const unknown = submissionIds.findIndex((id) => !answerSet.has(id));
  const missing = [...answerSet].filter((id) => !present.has(id));
  const parts: string[] = [];
  if (unknown >= 0)
    parts.push(
      `${rowLabel(submission, unknown)} has eeg_id ${submissionIds[unknown]}, which is not in the test set`,
    );
  if (missing.length > 0)
    parts.push(`${missing.length} test eeg_id(s) are missing (e.g. ${missing.slice(0, 3).join(", ")})`);
  return new InvalidSubmission(
    `${submission.source}: ${parts.join("; ")}. Write one row per answers row, with the sample submission's eeg_ids (some repeat: one row per labelled window).`,
  );
}

export const grader: Grader = {
  id: "hms-harmful-brain-activity-classification",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, CLASSES);
    requireRowCount(submission, answers.rowCount);
    const votes = CLASSES.map((name) => numericValues(submission, name));
    for (let row = 0; row < submission.rowCount; row++) {
      const sum = rowSum(votes, row);
      if (!roundsToOneAt5(sum)) {
        throw new InvalidSubmission(
          `${submission.source}: ${rowLabel(submission, row)}: the six class probabilities sum to ${sum}, not 1 at 5 decimals. Normalise every row (divide by its sum) before writing the file.`,
        );
      }
    }
    const answerIds = numericValues(answers, ID);
    const submissionIds = numericIds(columnOf(submission, ID));
    const answerSet = new Set(answerIds);
    if (
      submissionIds === undefined ||
      submissionIds.some((id) => !answerSet.has(id)) ||
      new Set(submissionIds).size !== answerSet.size
    ) {
      throw idSetMismatch(submission, answerSet, submissionIds);
    }
    verifyProbabilities(submission);

    // Both sorted by eeg_id and paired by position, as the reference does.
    const answerOrder = stableOrder(answerIds);
    const submissionOrder = stableOrder(submissionIds);
    const answerVotes = CLASSES.map((name) => numericValues(answers, name));
    const solution = CLASSES.map(() => new Float64Array(answers.rowCount));
    answerOrder.forEach((row, k) => {
      const total = rowSum(answerVotes, row);
      CLASSES.forEach((_, c) => {
        solution[c]![k] = answerVotes[c]![row]! / total;
      });
    });
    const predicted = votes.map((column) => permute(column, submissionOrder));
    const score = callMetric({ submission, answers, columns: [...CLASSES], idColumn: ID }, () =>
      klDivergence(solution, predicted),
    );
    const mismatched = answerOrder.findIndex(
      (row, k) => answerIds[row] !== submissionIds[submissionOrder[k]!],
    );
    if (mismatched >= 0) {
      const id = answerIds[answerOrder[mismatched]!];
      throw new InvalidSubmission(
        `${submission.source}: eeg_id ${id} appears a different number of times than in the test set (which repeats some eeg_ids, one row per labelled window); write exactly one row per answers row: the sample submission's ids, in any order.`,
        {
          referenceNote: `The reference checks only the set of eeg_ids and the row count, pairs the sorted rows by position, and reports a valid score of ${roundHalfEven(score, 5)}.`,
        },
      );
    }
    const notes: string[] = [];
    const empty = votes.reduce((count, column) => count + column.filter(Number.isNaN).length, 0);
    if (empty > 0) {
      notes.push(
        `${empty} empty class cell(s) were skipped (their terms count 0), as the reference does; write 0 instead to make this explicit.`,
      );
    }
    const loose = looselyPairedIds(answerIds, answerOrder, solution, predicted);
    if (loose > 0) {
      notes.push(
        `${loose} eeg_id(s) repeat in the answers with different votes and different predictions: bench pairs their rows in file order; the reference sorts with an unstable quicksort, so its pairing (and score) there is unspecified.`,
      );
    }
    return { score, notes };
  },
};
