// freesound-audio-tagging-2019: label-weighted label-ranking average precision (lwlrap) of the 80 class
// scores against the clips' true labels (answers: fname, then the 80 classes of the reference's
// vocabulary CLASS_NAMES, 0/1).
// The reference checks, in order: the row count; the first column named 'fname'; columns 2..81 exactly
// the 80 class names in vocabulary order (a missing, extra, renamed or reordered column fails: the file
// must have the sample's layout); both sorted by fname must hold the same ids; every class column
// numeric (pandas.to_numeric); no NaN or ±inf (scikit-learn). Only the order of the scores within a row
// matters (no range check); ties count against the true label.

import { numberAt } from "../src/grading/blocks/cell-number.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { labelWeightedLrap } from "../src/grading/metrics/label-ranking-average-precision.js";
import {
  columnOf,
  numericValues,
  requireFinite,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const ID = "fname";

function requireLayout(submission: Frame, classes: readonly string[]): void {
  const expected = [ID, ...classes];
  const got = submission.columns;
  const at = expected.findIndex((name, i) => got[i] !== name);
  if (at < 0 && got.length === expected.length) return;
  const what =
    at < 0
      ? `has ${got.length - expected.length} column(s) after the last class: ${got
          .slice(expected.length)
          .map((c) => excerpt(c))
          .join(", ")}`
      : got[at] === undefined
        ? `ends after ${got.length} columns; column ${at + 1} should be "${expected[at]}"`
        : `has ${excerpt(got[at]!)} as column ${at + 1}, where "${expected[at]}" should be`;
  throw new InvalidSubmission(
    `${submission.source}: ${what}. The file must have exactly the sample submission's columns, in its order: "${ID}" then the ${classes.length} class names.`,
  );
}

export const grader: Grader = {
  id: "freesound-audio-tagging-2019",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const classes = answers.columns.slice(1);
    requireRowCount(submission, answers.rowCount);
    requireLayout(submission, classes);
    const rowOf = matchSortedIds(submission, answers, ID);
    const n = answers.rowCount;
    const k = classes.length;
    const truth = new Uint8Array(n * k);
    const scores = new Float64Array(n * k);
    classes.forEach((name, j) => {
      const column = columnOf(submission, name);
      if (column.kind === "object") {
        for (let row = 0; row < column.values.length; row++) {
          if (numberAt(column, row) === undefined) {
            throw new InvalidSubmission(
              `${submission.source}: column "${name}", ${rowLabel(submission, row)} holds ${cellDisplay(column, row)}, which is not a number; every class column needs a numeric score.`,
            );
          }
        }
      }
      const values = numericValues(submission, name);
      requireFinite(submission, name, values);
      const truthValues = numericValues(answers, name);
      for (let r = 0; r < n; r++) {
        truth[r * k + j] = truthValues[r]! > 0 ? 1 : 0;
        scores[r * k + j] = values[rowOf[r]!]!;
      }
    });
    const score = callMetric(
      {
        submission,
        answers,
        columns: classes,
        submissionRowOf: (p) => rowOf[Math.floor(p / k)]!,
        idColumn: ID,
      },
      () => labelWeightedLrap(truth, scores, k),
    );
    return { score, notes: [] };
  },
};
