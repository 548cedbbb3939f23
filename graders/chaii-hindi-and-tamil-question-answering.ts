// chaii-hindi-and-tamil-question-answering: mean word-level Jaccard between the predicted and the true
// answer span, rows paired by id (shared/mlebench/full-grading/g2-sets-and-text.md). Words are the
// lower-cased Python str.split() tokens (punctuation stays in the word); a row where both sides have no
// word scores 0. Empty predictions are valid. Quirk kept from the reference: a prediction column in
// which every non-empty cell is a number is read as numbers and cannot be lower-cased: invalid.

import { alignById } from "../src/grading/align-by-id.js";
import { textCells } from "../src/grading/blocks/python-cells.js";
import type { Grader } from "../src/grading/grader.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import { wordSetJaccard } from "../src/grading/metrics/word-set-jaccard.js";
import { requireColumns, requireRowCount } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "PredictionString";
const ADVICE = "write each answer as text (quote it if it is a number and add at least one text answer).";

export const grader: Grader = {
  id: "chaii-hindi-and-tamil-question-answering",
  version: 1,
  grade(submission, answers) {
    requireRowCount(submission, answers.rowCount);
    requireColumns(submission, [TARGET, ID]);
    const rowOf = alignById(answers, submission, ID);
    const predicted = textCells(submission, TARGET, true, ADVICE);
    const truth = textCells(answers, TARGET, true, "the answers must hold text.");
    const scores = Float64Array.from(truth, (t, r) => wordSetJaccard(predicted[rowOf[r]!]!, t) ?? 0);
    return { score: pairwiseMean(scores), notes: [] };
  },
};
