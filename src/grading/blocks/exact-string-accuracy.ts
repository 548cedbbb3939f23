// Accuracy by exact string match, as the two text-normalization graders compute it: the accuracy
// helper's checks (row count, 'after' and 'id' present, sorted ids equal to the answers'), then both
// 'after' columns through pandas' astype(str) (see pandas-str.ts) and accuracy_score on the strings.
// Case, whitespace and every character count; nothing is normalised. Because astype(str) follows the
// type pandas inferred, a cell can fail to match although the file holds the same characters as the
// answers (an all-number column where a cell "1" renders as "1.0"): bench scores what the reference
// scores and adds a note saying how many cells that affected.

import type { Column } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { sameText, textCells } from "../csv/text-cells.js";
import type { Grader } from "../grader.js";
import type { GradeOutcome } from "../invalid-submission.js";
import { accuracy } from "../metrics/accuracy.js";
import { columnOf } from "../submission-checks.js";
import { alignForAccuracy } from "./accuracy-helper.js";
import { callMetric } from "./metric-call.js";
import { pandasAstypeStr } from "./pandas-str.js";

const ID = "id";
const RENDERING = {
  int: ["integers", '"007" becomes "7"'],
  float: ["decimal numbers", '"1" becomes "1.0"'],
  bool: ["True/False", '"true" becomes "True"'],
} as const;
const TARGET = "after";

function missingCount(column: Column): number {
  if (column.kind === "object") return column.values.reduce((n, v) => (v === null ? n + 1 : n), 0);
  if (column.kind === "float") return column.values.reduce((n, v) => (Number.isNaN(v) ? n + 1 : n), 0);
  return 0;
}

/**
 * The same accuracy on the files' bytes when both 'after' columns are certainly text (csv/text-cells.ts):
 * astype(str) leaves text as it is and renders NA as "nan", so a cell matches exactly when both hold the
 * same bytes or both are NA. A million rows then cost no string per cell. Null when the view does not
 * apply; the caller decodes the columns.
 */
function textAccuracy(submission: Frame, answers: Frame, rowOf: Int32Array): GradeOutcome | null {
  const n = answers.rowCount;
  if (n === 0) return null;
  const truth = textCells(answers.rawCells(TARGET), n);
  const predicted = truth && textCells(submission.rawCells(TARGET), submission.rowCount);
  if (!truth || !predicted) return null;
  let matches = 0;
  for (let r = 0; r < n; r++) if (sameText(truth, r, predicted, rowOf[r]!)) matches++;
  let missing = 0;
  for (let s = 0; s < predicted.rowCount; s++) missing += predicted.na[s]!;
  return { score: matches / n, notes: missing > 0 ? [missingNote(missing)] : [] };
}

function missingNote(missing: number): string {
  return `${missing} cell(s) of "${TARGET}" are empty or NA-like ("NA", "null", "None", ...): pandas reads them as missing and they are compared as the text "nan", as the reference does.`;
}

/** A grader for a text-normalization competition (English or Russian: the rules are identical). */
export function exactStringAccuracyGrader(options: {
  readonly id: string;
  readonly version?: number;
}): Grader {
  return {
    id: options.id,
    version: options.version ?? 1,
    grade(submission: Frame, answers: Frame): GradeOutcome {
      const rowOf = alignForAccuracy(submission, answers, { idColumn: ID, targetColumn: TARGET });
      const fast = textAccuracy(submission, answers, rowOf);
      if (fast !== null) return fast;
      const submitted = columnOf(submission, TARGET);
      const truth = pandasAstypeStr(columnOf(answers, TARGET));
      const rendered = pandasAstypeStr(submitted);
      const predicted = Array.from(rowOf, (row) => rendered[row]!);
      const score = callMetric({ submission, answers, columns: [TARGET] }, () => accuracy(truth, predicted));

      const notes: string[] = [];
      const missing = missingCount(submitted);
      if (missing > 0) {
        notes.push(missingNote(missing));
      }
      if (submitted.kind !== "object" && missing < submission.rowCount) {
        const [what, example] = RENDERING[submitted.kind];
        notes.push(
          `pandas read the whole "${TARGET}" column as ${what}, so each cell is compared as Python prints that value (e.g. ${example}), as the reference does.`,
        );
      }
      return { score, notes };
    },
  };
}
