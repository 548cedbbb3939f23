// The grader shape of facebook-recruiting-iii-keyword-extraction, imet-2020-fgvc7 and
// plant-pathology-2021-fgvc8: micro F1 over space-separated labels (MultiLabelBinarizer + f1_score
// micro, scikit-learn 1.5.1), rows paired by id. Labels are Python str.split() tokens of
// fillna("") text; the vocabulary is the answers' labels only, so unknown labels are ignored (never false
// positives) and a repeated label counts once. A label column that pandas read as numbers (every row
// one numeric label) cannot be split: invalid, as in the reference.

import { alignById } from "../align-by-id.js";
import type { Frame } from "../csv/frame.js";
import type { Grader } from "../grader.js";
import type { GradeOutcome } from "../invalid-submission.js";
import { microF1, multilabelCounts } from "../metrics/multilabel-micro-f1.js";
import { requireColumns, requireRowCount } from "../submission-checks.js";
import { splitTextCells } from "./python-cells.js";

export interface MultilabelF1Options {
  readonly id: string;
  readonly idColumn: string;
  readonly targetColumn: string;
  /** What a label looks like, for the error on a numeric column. */
  readonly advice: string;
}

export function multilabelF1Grader({ id, idColumn, targetColumn, advice }: MultilabelF1Options): Grader {
  return {
    id,
    version: 1,
    grade(submission: Frame, answers: Frame): GradeOutcome {
      requireColumns(submission, [idColumn, targetColumn]);
      requireRowCount(submission, answers.rowCount);
      const rowOf = alignById(answers, submission, idColumn);
      const truth = splitTextCells(answers, targetColumn, "the answers must hold text labels.");
      const predicted = splitTextCells(submission, targetColumn, advice);
      const counts = multilabelCounts(
        answers.rowCount,
        (r) => truth[r]!,
        (r) => predicted[rowOf[r]!]!,
      );
      return { score: microF1(counts), notes: [] };
    },
  };
}
