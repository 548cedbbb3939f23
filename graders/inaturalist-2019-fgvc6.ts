// inaturalist-2019-fgvc6: top-1 classification ERROR (1 - accuracy; lower is better) of the category
// id, paired by image id. The reference's own preparation, not the accuracy helper: row count, then
// 'id' and 'predicted' present, ids exactly the answers' once each; then each prediction is
//   - the integer itself when pandas read the column as integers;
//   - otherwise the cell must be text, and only its FIRST whitespace-separated token counts, read by
//     Python's int(): '12 7 33 4 5' (a top-5 list) scores as 12, so a correct 2nd..5th label earns
//     nothing. int() takes an optional sign, digits and single underscores between digits ('1_0' is
//     10), and rejects '5.0', 'abc' and an empty token.
// A column pandas read as FLOAT (any '5.0', or an empty cell among integers) or as True/False is
// invalid: those cells have no split(). Answers are int(category id) 0..1009.

import { permute } from "../src/grading/align-by-id.js";
import { alignForAccuracy } from "../src/grading/blocks/accuracy-helper.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { firstTokenInteger } from "../src/grading/blocks/python-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { accuracy } from "../src/grading/metrics/accuracy.js";
import { columnOf, numericValues, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "predicted";

/** The submission's category per file row, as the reference's int(v.split()[0]) reads it. */
function categories(submission: Frame): Float64Array {
  const column = columnOf(submission, TARGET);
  if (column.kind === "int") return column.values;
  if (column.kind === "object") {
    const out = new Float64Array(column.values.length);
    column.values.forEach((v, row) => {
      const parsed = typeof v === "string" ? firstTokenInteger(v) : undefined;
      if (parsed === undefined) {
        const why =
          typeof v === "string"
            ? "its first word is not a whole number"
            : "it is empty (every row needs a category id)";
        throw new InvalidSubmission(
          `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)} holds ${cellDisplay(column, row)}: ${why}. Write the category id as an integer (e.g. 654), optionally followed by more ids separated by spaces; only the first is scored.`,
        );
      }
      out[row] = parsed;
    });
    return out;
  }
  const bad = column.kind === "float" ? column.values.findIndex((v) => !Number.isInteger(v)) : 0;
  const row = Math.max(bad, 0);
  throw new InvalidSubmission(
    `${submission.source}: column "${TARGET}" was read as ${column.kind === "bool" ? "True/False" : "decimal numbers"} (${rowLabel(submission, row)} holds ${cellDisplay(column, row)}); the reference accepts only whole-number category ids (e.g. 654, not 654.0) and no empty cell.`,
  );
}

export const grader: Grader = {
  id: "inaturalist-2019-fgvc6",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignForAccuracy(submission, answers, { idColumn: ID, targetColumn: TARGET });
    const values = categories(submission);
    const predicted = permute(values, rowOf);
    const truth = numericValues(answers, TARGET);
    const correct = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => accuracy(truth, predicted),
    );
    return { score: 1 - correct, notes: [] };
  },
};
