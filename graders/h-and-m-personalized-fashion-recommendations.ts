// h-and-m-personalized-fashion-recommendations: MAP@12 of the space-separated article ids over the
// customers in the answers (those who bought something in the test week), rows paired by customer_id
// (shared/mlebench/full-grading/g2-sets-and-text.md). Extra customers are allowed and ignored (the
// intended use is to predict for everyone); the column set must be exactly customer_id, prediction.
// Tokens are pandas' astype(str) split at single spaces, as in the reference: Kaggle's article ids with
// a leading zero never match the answers' ids (unless the whole column was read as integers), an empty
// cell is the token "nan", double spaces make empty tokens that occupy ranks.
// Quirk: the reference accepts a customer listed twice and pairs the sorted rows by position, which
// shifts every later customer onto another's answers; bench rejects such a file and gives that number.

import { meanAveragePrecision } from "../src/grading/blocks/map-at-k-rows.js";
import { astypeStrCell } from "../src/grading/blocks/python-cells.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import { cellText, textCells } from "../src/grading/csv/text-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { InvalidSubmission } from "../src/grading/invalid-submission.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, requireExactColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "customer_id";
const TARGET = "prediction";
const K = 12;

function idKey(column: Column, row: number): string | number | null {
  if (column.kind === "object") {
    const v = column.values[row];
    return v === null || v === undefined ? null : typeof v === "boolean" ? Number(v) : v;
  }
  const v = column.values[row]!;
  return Number.isNaN(v) ? null : v;
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The reference's score on a file with repeated customers: both sides sorted, zipped by position. */
function positionalScore(
  answers: Frame,
  submission: Frame,
  kept: number[],
  actual: (r: number) => string[],
): number {
  const answerIds = columnOf(answers, ID);
  const submissionIds = columnOf(submission, ID);
  const prediction = columnOf(submission, TARGET);
  const answerOrder = Array.from({ length: answers.rowCount }, (_, r) => r).sort((a, b) =>
    compareKeys(idKey(answerIds, a)!, idKey(answerIds, b)!),
  );
  const submissionOrder = [...kept].sort(
    (a, b) => compareKeys(idKey(submissionIds, a)!, idKey(submissionIds, b)!) || a - b,
  );
  return meanAveragePrecision(
    answerOrder.length,
    (i) => actual(answerOrder[i]!),
    (i) => astypeStrCell(prediction, submissionOrder[i]!).split(" "),
    K,
  );
}

export const grader: Grader = {
  id: "h-and-m-personalized-fashion-recommendations",
  version: 1,
  grade(submission, answers) {
    requireExactColumns(submission, [ID, TARGET]);
    const answerIds = columnOf(answers, ID);
    const truth = columnOf(answers, TARGET);
    const rowOfId = new Map<string | number, number>();
    for (let r = 0; r < answers.rowCount; r++) {
      const key = idKey(answerIds, r);
      if (key !== null) rowOfId.set(key, r);
    }
    // The submission lists every customer (1.4 million rows) and the answers only the buyers: when both
    // of its columns are plain text, its cells are read from the file's bytes as they are needed, instead
    // of decoding 2.8 million strings (csv/text-cells.ts).
    const idText =
      answerIds.kind === "object" ? textCells(submission.rawCells(ID), submission.rowCount) : null;
    const predictionText = idText && textCells(submission.rawCells(TARGET), submission.rowCount);
    const bytesOf = idText && predictionText ? { id: idText, prediction: predictionText } : null;
    const submissionKey = bytesOf
      ? (s: number) => cellText(bytesOf.id, s)
      : (s: number) => idKey(columnOf(submission, ID), s);
    const rowOf = new Int32Array(answers.rowCount).fill(-1);
    const kept: number[] = [];
    let repeated = -1;
    for (let s = 0; s < submission.rowCount; s++) {
      const key = submissionKey(s);
      const r = key === null ? undefined : rowOfId.get(key);
      if (r === undefined) continue;
      kept.push(s);
      if (rowOf[r] === -1) rowOf[r] = s;
      else if (repeated < 0) repeated = s;
    }
    const missing = rowOf.indexOf(-1);
    if (missing >= 0) {
      const count = rowOf.reduce((n, s) => n + (s === -1 ? 1 : 0), 0);
      throw new InvalidSubmission(
        `${submission.source}: ${count} customer(s) of the test week have no row, e.g. ${cellDisplay(answerIds, missing)}; write a prediction for every customer (the sample submission lists them all).`,
      );
    }
    const actual = (r: number) => astypeStrCell(truth, r).split(" ");
    if (repeated >= 0) {
      const reference = positionalScore(answers, submission, kept, actual);
      const submissionIds = columnOf(submission, ID);
      throw new InvalidSubmission(
        `${submission.source}: customer ${cellDisplay(submissionIds, repeated)} appears more than once (again at ${rowLabel(submission, repeated)}); write one row per customer.`,
        {
          referenceNote: `The reference pairs the sorted rows by position, so every customer after the repeated one is scored against another customer's purchases; it reports ${roundHalfEven(reference, 5)}.`,
        },
      );
    }
    // astype(str) of a text column: the text itself, "nan" for a missing cell.
    const predicted = bytesOf
      ? (s: number) => cellText(bytesOf.prediction, s) ?? "nan"
      : (s: number) => astypeStrCell(columnOf(submission, TARGET), s);
    const score = meanAveragePrecision(answers.rowCount, actual, (r) => predicted(rowOf[r]!).split(" "), K);
    return { score, notes: [] };
  },
};
