// AI4Code: Kendall tau between the true and the submitted order of each notebook's cells, pooled over
// all notebooks: 1 - 4 * sum(inversions) / sum(n * (n - 1)) (not a mean of per-notebook taus).
// The reference: the row count, 'id' and 'cell_order' present, the set of ids equal to the answers'
// (with the row count: every notebook once), then for each notebook the submitted cell ids (split on
// any run of whitespace, as Python's str.split(); an empty cell becomes the one token 'nan') must be as
// many as the true cells and contain every true cell id: i.e. a permutation of them (ids are exact,
// case-sensitive strings). If no notebook has two cells the score is 0/0 (invalid).
// Inversions are counted by merge sort (n log n per notebook).

import { alignById } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { PooledKendallTau } from "../src/grading/metrics/kendall-tau-orders.js";
import { columnOf, requireColumns, requireRowCount, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "cell_order";
/** The characters Python's str.split() separates on (JS's \s differs: it has U+FEFF, lacks U+001C-1F and U+0085). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's str.split() separates on U+001C-U+001F too.
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** pandas astype(str) then str.split(). */
function tokens(column: Column, row: number): string[] {
  let text: string;
  if (column.kind === "object") {
    const v = column.values[row];
    text = v === null || v === undefined ? "nan" : typeof v === "boolean" ? (v ? "True" : "False") : v;
  } else if (column.kind === "bool") {
    text = column.values[row] ? "True" : "False";
  } else {
    const v = column.values[row]!;
    // A numeric column (every order a single number-like token): Python's str() of the value.
    text = Number.isNaN(v)
      ? "nan"
      : column.kind === "int"
        ? String(v)
        : Number.isInteger(v)
          ? `${v}.0`
          : String(v);
  }
  return text.split(PYTHON_WHITESPACE).filter((t) => t.length > 0);
}

export const grader: Grader = {
  id: "AI4Code",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireRowCount(submission, answers.rowCount);
    requireColumns(submission, [ID, TARGET]);
    const rowOf = alignById(answers, submission, ID);
    const truthColumn = columnOf(answers, TARGET);
    const submitted = columnOf(submission, TARGET);
    const ids = columnOf(answers, ID);
    const tau = new PooledKendallTau();
    for (let r = 0; r < answers.rowCount; r++) {
      const truth = tokens(truthColumn, r);
      const row = rowOf[r]!;
      const order = tokens(submitted, row);
      const where = `${submission.source}: notebook ${cellDisplay(ids, r)}, ${rowLabel(submission, row)}`;
      if (order.length !== truth.length) {
        throw new InvalidSubmission(
          `${where}: lists ${order.length} cell id(s), but the notebook has ${truth.length} cells; "${TARGET}" must list every cell id once, separated by spaces.`,
        );
      }
      const position = new Map<string, number>();
      order.forEach((cell, i) => {
        if (!position.has(cell)) position.set(cell, i);
      });
      const positions = new Float64Array(truth.length);
      truth.forEach((cell, i) => {
        const p = position.get(cell);
        if (p === undefined) {
          const seen = new Set<string>();
          const repeated = order.find((c) => seen.size === seen.add(c).size);
          const why = repeated !== undefined ? `; ${excerpt(repeated)} is listed twice` : "";
          throw new InvalidSubmission(
            `${where}: cell ${excerpt(cell)} of the notebook is not in "${TARGET}"${why}; list each of the notebook's cell ids exactly once.`,
          );
        }
        positions[i] = p;
      });
      tau.add(positions);
    }
    const score = callMetric({ submission, answers, columns: [TARGET] }, () => tau.score());
    return { score, notes: [] };
  },
};
