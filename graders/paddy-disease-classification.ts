// paddy-disease-classification: accuracy of the disease name (one of 10 lower-case strings), paired by
// image_id ('<6 digits>.jpg'). Own checks, not the accuracy helper: 'image_id' and 'label' present,
// same row count, ids exactly the answers' once each; then every empty/NaN label becomes '' (counted
// wrong, not rejected: the blank sample submission is valid and scores 0.0), and accuracy_score applies
// scikit-learn's label rules (src/grading/metrics/classification-targets.ts): exact, case-sensitive
// text equality; numbers never equal text (a class-index column is valid and scores 0 unless both
// sides have at most two labels, which scikit-learn rejects); non-whole numbers are invalid; a column
// mixing numbers and blanks is invalid.

import { alignForAccuracy, labelArray, permuteLabels } from "../src/grading/blocks/accuracy-helper.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Column } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { accuracy, type LabelArray, type LabelValue } from "../src/grading/metrics/accuracy.js";
import { columnOf } from "../src/grading/submission-checks.js";

const ID = "image_id";
const TARGET = "label";

/** submission.label.fillna(''): a missing cell becomes the empty string, other values stay as parsed. */
function blanksAsEmptyText(column: Column): LabelArray {
  switch (column.kind) {
    case "int":
      return column.values;
    case "float": {
      if (!column.values.some(Number.isNaN)) return column.values;
      return Array.from(column.values, (v): LabelValue => (Number.isNaN(v) ? "" : v));
    }
    case "bool":
      return Array.from(column.values, (v) => v === 1);
    case "object":
      return column.values.map((v): LabelValue => v ?? "");
  }
}

function notesFor(predicted: Column, answers: Column, predictedLabels: LabelArray): string[] {
  const notes: string[] = [];
  if (predicted.kind !== "object" && answers.kind === "object") {
    notes.push(
      `column "${TARGET}" holds numbers or True/False, but the answers are disease names: no label can match; write the names (e.g. "blast").`,
    );
  }
  if (Array.isArray(predictedLabels)) {
    const blanks = (predictedLabels as readonly LabelValue[]).filter((v) => v === "").length;
    if (blanks > 0) notes.push(`${blanks} empty label(s) were counted as wrong.`);
  }
  return notes;
}

export const grader: Grader = {
  id: "paddy-disease-classification",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignForAccuracy(submission, answers, { idColumn: ID, targetColumn: TARGET });
    const column = columnOf(submission, TARGET);
    const answersColumn = columnOf(answers, TARGET);
    const labels = blanksAsEmptyText(column);
    const predicted = permuteLabels(labels, rowOf);
    const truth = labelArray(answersColumn);
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => accuracy(truth, predicted),
    );
    return { score, notes: notesFor(column, answersColumn, labels) };
  },
};
