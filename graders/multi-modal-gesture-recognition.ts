// multi-modal-gesture-recognition: total Levenshtein distance between predicted and true gesture
// sequences (each gesture number one symbol) divided by the number of gestures in the answers, rows
// paired by Id (shared/mlebench/full-grading/g2-sets-and-text.md). Lower is better; it can exceed 1.
// Sequences are [int(t) for t in str(v).split()] after astype(str), as in the reference: Ids 0300 and
// 300 are one id; a cell of spaces only is an empty sequence (valid), but an empty cell becomes "nan"
// and a column read as floats renders "5.0": neither is an integer, so the file is invalid.

import { alignById } from "../src/grading/align-by-id.js";
import { astypeStrCell, pythonInt } from "../src/grading/blocks/python-cells.js";
import { splitWhitespace } from "../src/grading/blocks/python-split.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { InvalidSubmission } from "../src/grading/invalid-submission.js";
import { levenshteinSymbols } from "../src/grading/metrics/levenshtein.js";
import { columnOf, requireColumns, requireRowCount, rowLabel } from "../src/grading/submission-checks.js";

const ID = "Id";
const TARGET = "Sequence";

function sequence(frame: Frame, column: Column, row: number): number[] {
  return splitWhitespace(astypeStrCell(column, row)).map((token) => {
    const value = pythonInt(token, { asciiDigits: true });
    if (value === undefined) {
      throw new InvalidSubmission(
        `${frame.source}: column "${TARGET}", ${rowLabel(frame, row)} is ${cellDisplay(column, row)}: "${token}" is not a whole number; write the gesture numbers separated by spaces (an empty cell reads as "nan", a column of single numbers with a gap reads as floats such as 5.0).`,
      );
    }
    return value;
  });
}

export const grader: Grader = {
  id: "multi-modal-gesture-recognition",
  version: 1,
  grade(submission, answers) {
    requireRowCount(submission, answers.rowCount);
    requireColumns(submission, [ID, TARGET]);
    const rowOf = alignById(answers, submission, ID);
    const truthColumn = columnOf(answers, TARGET);
    const predictedColumn = columnOf(submission, TARGET);
    const predicted = Array.from({ length: submission.rowCount }, (_, s) =>
      sequence(submission, predictedColumn, s),
    );
    let distance = 0;
    let gestures = 0;
    for (let r = 0; r < answers.rowCount; r++) {
      const truth = sequence(answers, truthColumn, r);
      gestures += truth.length;
      distance += levenshteinSymbols(truth, predicted[rowOf[r]!]!);
    }
    return { score: distance / gestures, notes: [] };
  },
};
