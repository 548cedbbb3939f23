// google-quest-challenge: mean column-wise Spearman correlation (scipy spearmanr, average ranks for
// ties) over the 30 target columns of the answers (qa_id first, then CLASSES in order).
// The reference checks, in order: 'qa_id' present, every target present (matched by name, any order),
// exactly 31 columns (no extra column at all), the row count. It then sorts EACH file by its own qa_id
// and pairs rows by position: qa_ids are never compared. Bench pairs rows by qa_id and:
//   - rejects ids that are not exactly the test set's (unknown, repeated, missing), stating the number
//     the reference would report (policy 2);
//   - rejects text in a target column (the reference ranks it as text, in string order, and reports a
//     finite number, given in the note) and empty (NaN) or infinite predictions (NaN in the reference);
//   - reports NaN, as a valid score, when a prediction column is constant (spearmanr is undefined there:
//     the reference's result for a well-formed file).

import { alignById, permute } from "../src/grading/align-by-id.js";
import { firstTextCell } from "../src/grading/blocks/accuracy-helper.js";
import { numberAt } from "../src/grading/blocks/cell-number.js";
import { sortedRows } from "../src/grading/blocks/sort-order.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { compareCodePoints } from "../src/grading/metrics/classification-targets.js";
import { pearson, spearman } from "../src/grading/metrics/correlation.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "qa_id";

function targetsOf(answers: Frame): string[] {
  return answers.columns.filter((c) => c !== ID);
}

/** Average ranks (1-based, ties share the mean position) of numbers or of strings in code-point order. */
function ranksOf(values: readonly (number | string)[]): Float64Array {
  const order = Array.from(values, (_, i) => i).sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return typeof x === "string" ? compareCodePoints(x, y as string) : (x as number) - (y as number);
  });
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    for (let i = start; i < end; i++) ranks[order[i]!] = (start + 1 + end) / 2;
    start = end;
  }
  return ranks;
}

/** spearman_1d as the reference computes it on a pandas column: numbers, or text ranked as text. */
function referenceSpearman(truth: readonly number[], predicted: readonly (number | string)[]): number {
  if (truth.length < 2) return Number.NaN;
  if (predicted.some((v) => typeof v === "number" && Number.isNaN(v))) return Number.NaN;
  if (predicted.every((v) => v === predicted[0]) || truth.every((v) => v === truth[0])) return Number.NaN;
  return pearson(ranksOf(truth), ranksOf(predicted));
}

function cellValue(column: Column, row: number): number | string {
  if (column.kind === "object") {
    const v = column.values[row];
    return v === null || v === undefined ? Number.NaN : typeof v === "boolean" ? Number(v) : v;
  }
  return column.values[row]!;
}

/** The reference's score: each file sorted by its own qa_id, rows paired by position; undefined if it raises. */
function referenceScore(submission: Frame, answers: Frame): number | undefined {
  const subOrder = sortedRows(columnOf(submission, ID));
  const ansOrder = sortedRows(columnOf(answers, ID));
  if (subOrder === undefined || ansOrder === undefined) return undefined;
  const perColumn = targetsOf(answers).map((name) => {
    const sub = columnOf(submission, name);
    const ans = numericValues(answers, name);
    const predicted = Array.from(subOrder, (r) => cellValue(sub, r));
    if (predicted.some((v) => typeof v === "string") && predicted.some((v) => typeof v === "number")) {
      return undefined; // text next to empty cells: the reference's ranking fails
    }
    return referenceSpearman(
      Array.from(ansOrder, (r) => ans[r]!),
      predicted,
    );
  });
  if (perColumn.some((v) => v === undefined)) return undefined;
  return pairwiseMean(perColumn as number[]);
}

function describe(score: number | undefined): string {
  if (score === undefined) return "The reference would reject this file too.";
  if (Number.isNaN(score)) return "The reference would report a valid score of NaN.";
  return `The reference would report ${roundHalfEven(score, 5)}.`;
}

export const grader: Grader = {
  id: "google-quest-challenge",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const targets = targetsOf(answers);
    requireColumns(submission, [ID]);
    requireColumns(submission, targets);
    if (submission.columns.length !== answers.columns.length) {
      const extra = submission.columns.filter((c) => c !== ID && !targets.includes(c));
      throw new InvalidSubmission(
        `${submission.source}: has ${submission.columns.length} columns, expected exactly ${answers.columns.length} ("${ID}" and the ${targets.length} targets); remove ${extra.map((c) => `"${c}"`).join(", ") || "the repeated columns"}.`,
        { referenceNote: "The reference also rejects any column beyond qa_id and the targets." },
      );
    }
    if (submission.rowCount !== answers.rowCount) {
      throw new InvalidSubmission(
        `${submission.source}: has ${submission.rowCount} data rows, expected ${answers.rowCount} (one per ${ID} of the test set).`,
      );
    }
    let rowOf: Int32Array;
    try {
      rowOf = alignById(answers, submission, ID);
    } catch (error) {
      if (!(error instanceof InvalidSubmission)) throw error;
      throw new InvalidSubmission(error.message, {
        referenceNote: `The reference never compares qa_ids: it sorts each file by its own qa_id and pairs rows by position, so it would accept this file. ${describe(referenceScore(submission, answers))}`,
      });
    }
    const perColumn = targets.map((name) => {
      const column = columnOf(submission, name);
      const textRow = column.kind === "object" ? firstTextCell(column.values) : -1;
      for (let row = 0; row < submission.rowCount; row++) {
        const v = row === textRow ? Number.NaN : (numberAt(column, row) ?? Number.NaN);
        if (row === textRow || !Number.isFinite(v)) {
          const what =
            row === textRow
              ? `holds ${cellDisplay(column, row)}, which is not a number`
              : Number.isNaN(v)
                ? "is empty or NaN"
                : `is ${v}`;
          throw new InvalidSubmission(
            `${submission.source}: column "${name}", ${rowLabel(submission, row)} ${what}; every prediction must be a finite number.`,
            { referenceNote: describe(referenceScore(submission, answers)) },
          );
        }
      }
      return spearman(numericValues(answers, name), permute(numericValues(submission, name), rowOf));
    });
    return { score: pairwiseMean(perColumn), notes: [] };
  },
};
