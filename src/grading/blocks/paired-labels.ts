// The label columns of a scikit-learn label metric (cohen_kappa_score, matthews_corrcoef), once the
// rows are paired: a text cell in the submission's label column is invalid (scikit-learn's "Mix of label
// input types"); otherwise the labels as numpy would hand them to scikit-learn, the submission's in the
// answers' order. NaN and non-whole numbers are left to the metric's own checks.

import { cellDisplay } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import type { LabelArray } from "../metrics/accuracy.js";
import { columnOf, rowLabel } from "../submission-checks.js";
import { firstTextCell, labelArray, permuteLabels } from "./accuracy-helper.js";

export interface PairedLabels {
  readonly predicted: LabelArray;
  readonly truth: LabelArray;
}

/**
 * `rowOf`: the submission row of each answers row. `notALabel` ends the error on a text cell, e.g.
 * "which is not a label; write 1 for contact and 0 for none."
 */
export function pairedLabels(
  submission: Frame,
  answers: Frame,
  targetColumn: string,
  rowOf: Int32Array,
  notALabel: string,
): PairedLabels {
  const column = columnOf(submission, targetColumn);
  if (column.kind === "object") {
    const row = firstTextCell(column.values);
    if (row >= 0) {
      throw new InvalidSubmission(
        `${submission.source}: column "${targetColumn}", ${rowLabel(submission, row)} holds ${cellDisplay(column, row)}, ${notALabel}`,
      );
    }
  }
  return {
    predicted: permuteLabels(labelArray(column), rowOf),
    truth: labelArray(columnOf(answers, targetColumn)),
  };
}
