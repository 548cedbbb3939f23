// The reference's accuracy helper (prepare_for_accuracy_metric + accuracy_score), used by
// tabular-playground-series-dec-2021; the text-normalization graders share its alignment.
//   row count equal to the answers'; target column present; id column present (case-sensitive);
//   sorted ids equal to the answers'; then accuracy_score with scikit-learn's label checks: NaN and
//   non-whole numbers are invalid, whole floats (2.0) equal the integer labels, True/False equal 1/0.
// One non-numeric label makes pandas read the whole column as text; the reference then compares text
// with numbers, nothing is equal, and it reports a VALID 0.0 (or, when both sides have at most two
// labels, rejects it). A text label is not a class label, so bench rejects the file and says what the
// reference would have reported.

import { alignById, permute } from "../align-by-id.js";
import { type Column, cellDisplay, isNumericColumn, parseNumberCell } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import type { Grader } from "../grader.js";
import { type GradeOutcome, InvalidSubmission } from "../invalid-submission.js";
import { accuracy, type LabelArray, type LabelValue } from "../metrics/accuracy.js";
import { MetricInputError } from "../metrics/metric-input-error.js";
import { roundHalfEven } from "../metrics/round-score.js";
import { columnOf, requireColumns, requireRowCount, rowLabel } from "../submission-checks.js";
import { callMetric } from "./metric-call.js";

export interface AccuracyColumns {
  readonly idColumn: string;
  readonly targetColumn: string;
}

/** The helper's checks, in its order; returns the submission row of each answers row. */
export function alignForAccuracy(submission: Frame, answers: Frame, columns: AccuracyColumns): Int32Array {
  requireRowCount(submission, answers.rowCount);
  requireColumns(submission, [columns.targetColumn]);
  requireColumns(submission, [columns.idColumn]);
  return alignById(answers, submission, columns.idColumn);
}

/** A column as the label array numpy would hand to scikit-learn: numbers, booleans, text; NaN for gaps. */
export function labelArray(column: Column): LabelArray {
  if (column.kind === "int" || column.kind === "float") return column.values;
  if (column.kind === "bool") return Array.from(column.values, (v) => v === 1);
  return column.values.map((v): LabelValue => (v === null ? Number.NaN : v));
}

/** Reorders a label array into answers-row order. */
export function permuteLabels(labels: LabelArray, submissionRowOf: Int32Array): LabelArray {
  if (!Array.isArray(labels)) {
    // A plain loop (permute): Float64Array.from with a map function is ~100x slower at 700k rows.
    return permute(labels as ArrayLike<number>, submissionRowOf);
  }
  return Array.from(submissionRowOf, (row) => (labels as readonly LabelValue[])[row]!);
}

/**
 * The row of the first cell that is text pandas could not read as a number (the one that turned the
 * column into text), or of the first text cell, or -1.
 */
export function firstTextCell(values: readonly (string | boolean | null)[]): number {
  const nonNumeric = values.findIndex((v) => typeof v === "string" && parseNumberCell(v) === undefined);
  return nonNumeric >= 0 ? nonNumeric : values.findIndex((v) => typeof v === "string");
}

/** What the reference reports for text labels: its score, or undefined when it raises too. */
function referenceScoreOnText(truth: LabelArray, predicted: LabelArray): number | undefined {
  try {
    return accuracy(truth, predicted);
  } catch (error) {
    if (error instanceof MetricInputError) return undefined;
    throw error;
  }
}

/** A grader for a competition scored by the accuracy helper on whole-number class labels. */
export function accuracyGrader(
  options: AccuracyColumns & { readonly id: string; readonly version?: number },
): Grader {
  const { idColumn, targetColumn } = options;
  return {
    id: options.id,
    version: options.version ?? 1,
    grade(submission: Frame, answers: Frame): GradeOutcome {
      const rowOf = alignForAccuracy(submission, answers, options);
      const column = columnOf(submission, targetColumn);
      const truth = labelArray(columnOf(answers, targetColumn));
      const predicted = permuteLabels(labelArray(column), rowOf);
      const textRow = column.kind === "object" ? firstTextCell(column.values) : -1;
      if (textRow >= 0 && isNumericColumn(columnOf(answers, targetColumn))) {
        const reference = referenceScoreOnText(truth, predicted);
        throw new InvalidSubmission(
          `${submission.source}: column "${targetColumn}", ${rowLabel(submission, textRow)} holds ${cellDisplay(column, textRow)}, which is not a class label; write every label as a whole number, as in the answers.`,
          reference === undefined
            ? undefined
            : {
                referenceNote: `The reference reads the whole column as text, compares text with the numeric labels (never equal), and reports a valid score of ${roundHalfEven(reference, 5)}.`,
              },
        );
      }
      const score = callMetric(
        { submission, answers, columns: [targetColumn], submissionRowOf: (p) => rowOf[p]!, idColumn },
        () => accuracy(truth, predicted),
      );
      return { score, notes: [] };
    },
  };
}
