// tensorflow2-question-answering: micro F1 (= accuracy) over the submission's rows, two per example
// (`<example_id>_long`, `<example_id>_short`), against the answers' JSON Lines records
// (shared/mlebench/full-grading/g2-sets-and-text.md; the pipeline reads test.jsonl by its extension,
// keeping only the two fields below). A row is correct when its stripped PredictionString ("start:end",
// "YES", "NO") equals one of the valid answers of its kind (the long answer span; any short span or the
// yes/no answer of annotations[0]), or when it is empty and there is no valid answer. Any other text
// ("12-15", "yes", "12.0:15") is invalid, as in the reference; cells are fillna("").astype(str) first.

import { astypeStrCell, pythonInt } from "../src/grading/blocks/python-cells.js";
import { stripWhitespace } from "../src/grading/blocks/python-split.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { InvalidSubmission } from "../src/grading/invalid-submission.js";
import { columnOf, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "example_id";
const TARGET = "PredictionString";

interface Span {
  readonly start_token: number;
  readonly end_token: number;
}
interface Annotation {
  readonly long_answer: Span;
  readonly short_answers: readonly Span[];
  readonly yes_no_answer: string;
}

/** The valid answers of one example as comparable strings: "start:end" spans, "YES", "NO". */
function validAnswers(answers: Frame, row: number): { long: Set<string>; short: Set<string> } {
  const text =
    columnOf(answers, "annotations").kind === "object"
      ? (columnOf(answers, "annotations").values[row] as string)
      : "";
  const annotation = (JSON.parse(text) as Annotation[])[0]!;
  const long = new Set<string>();
  if (annotation.long_answer.start_token !== -1) {
    long.add(`${annotation.long_answer.start_token}:${annotation.long_answer.end_token}`);
  }
  const short = new Set<string>(annotation.short_answers.map((s) => `${s.start_token}:${s.end_token}`));
  if (annotation.yes_no_answer !== "NONE") short.add(annotation.yes_no_answer);
  return { long, short };
}

/** The prediction in the same comparable form ("" for none), or an error for text the reference rejects. */
function normalise(submission: Frame, row: number, cell: string): string {
  const pred = stripWhitespace(cell);
  if (pred.includes(":")) {
    const parts = pred.split(":");
    if (parts.length === 2) {
      const start = pythonInt(parts[0]!, { asciiDigits: true });
      const end = pythonInt(parts[1]!, { asciiDigits: true });
      if (start !== undefined && end !== undefined) return `${start}:${end}`;
    }
  } else if (pred === "" || pred === "YES" || pred === "NO") {
    return pred;
  }
  throw new InvalidSubmission(
    `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)} is "${pred}"; a prediction is a token span "start:end" (two whole numbers), YES, NO, or empty.`,
  );
}

export const grader: Grader = {
  id: "tensorflow2-question-answering",
  version: 1,
  answersFields: ["example_id", "annotations"],
  grade(submission, answers) {
    if (submission.rowCount !== 2 * answers.rowCount) {
      throw new InvalidSubmission(
        `${submission.source}: has ${submission.rowCount} data rows, expected ${2 * answers.rowCount}: two per example of the test set (<example_id>_long and <example_id>_short).`,
      );
    }
    requireColumns(submission, [ID, TARGET]);
    const answerIds = columnOf(answers, ID);
    const rowOfExample = new Map<string, number>();
    for (let r = 0; r < answers.rowCount; r++) rowOfExample.set(astypeStrCell(answerIds, r, ""), r);
    const ids = columnOf(submission, ID);
    const predictions = columnOf(submission, TARGET);
    const seen = new Set<string>();
    const cache = new Map<number, { long: Set<string>; short: Set<string> }>();
    let correct = 0;
    for (let s = 0; s < submission.rowCount; s++) {
      const id = astypeStrCell(ids, s, "");
      const cut = id.lastIndexOf("_");
      const kind = id.slice(cut + 1);
      const r =
        cut < 0 || (kind !== "long" && kind !== "short") ? undefined : rowOfExample.get(id.slice(0, cut));
      if (r === undefined) {
        throw new InvalidSubmission(
          `${submission.source}: ${rowLabel(submission, s)} has example_id "${id}", which is not <id>_long or <id>_short for an example of the test set; write exactly two rows per example.`,
        );
      }
      if (seen.has(id)) {
        throw new InvalidSubmission(
          `${submission.source}: example_id "${id}" appears twice (again at ${rowLabel(submission, s)}); write each row once.`,
        );
      }
      seen.add(id);
      const pred = normalise(submission, s, astypeStrCell(predictions, s, ""));
      let valid = cache.get(r);
      if (valid === undefined) {
        valid = validAnswers(answers, r);
        cache.set(r, valid);
      }
      const options = kind === "long" ? valid.long : valid.short;
      if (pred === "" ? options.size === 0 : options.has(pred)) correct++;
    }
    return { score: correct / submission.rowCount, notes: [] };
  },
};
