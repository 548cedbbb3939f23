// The scoring step of the quadratic-weighted-kappa graders (aptos2019-blindness-detection,
// learning-agency-lab-automated-essay-scoring-2), once the rows are paired: the paired labels (a text
// cell is invalid: paired-labels.ts), then scikit-learn's cohen_kappa_score(y_pred, y_true,
// weights="quadratic") with its own label checks (NaN and non-whole numbers fail; whole floats equal
// integers).

import type { Frame } from "../csv/frame.js";
import { quadraticWeightedKappa } from "../metrics/quadratic-weighted-kappa.js";
import { callMetric } from "./metric-call.js";
import { pairedLabels } from "./paired-labels.js";

export interface KappaLabelsOptions {
  readonly idColumn: string;
  readonly targetColumn: string;
  /** The submission's row of each answers row. */
  readonly rowOf: Int32Array;
  /** Ends the error on a text cell: "which is not a grade; write each diagnosis as a whole number 0-4." */
  readonly notALabel: string;
}

export interface KappaLabels {
  readonly score: number;
  /** The predictions in the answers' order, as numbers (booleans became 0/1 in the metric's checks). */
  readonly predicted: number[];
  readonly truth: ArrayLike<number>;
  /**
   * The distinct labels of both sides, sorted: kappa's weights use their POSITIONS in this list, which
   * equal the label values only when the labels are consecutive integers.
   */
  readonly present: number[];
  readonly consecutive: boolean;
}

export function quadraticKappaOfLabels(
  submission: Frame,
  answers: Frame,
  { idColumn, targetColumn, rowOf, notALabel }: KappaLabelsOptions,
): KappaLabels {
  const { predicted, truth } = pairedLabels(submission, answers, targetColumn, rowOf, notALabel);
  const score = callMetric(
    {
      submission,
      answers,
      columns: [targetColumn],
      submissionArguments: ["y1"],
      submissionRowOf: (p) => rowOf[p]!,
      idColumn,
    },
    () => quadraticWeightedKappa(predicted, truth),
  );
  // After the metric's checks every label is a whole number.
  const numbers = Array.from(predicted as ArrayLike<number | boolean>, Number);
  const present = [...new Set<number>([...Array.from(truth as ArrayLike<number>), ...numbers])].sort(
    (a, b) => a - b,
  );
  const consecutive = present.every((v, i) => i === 0 || v === present[i - 1]! + 1);
  return { score, predicted: numbers, truth: truth as ArrayLike<number>, present, consecutive };
}
