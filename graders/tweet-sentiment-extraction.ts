// tweet-sentiment-extraction: mean word-level Jaccard between the predicted and the true selected_text,
// rows paired by textID (shared/mlebench/full-grading/g2-sets-and-text.md). Words are the lower-cased
// Python str.split() tokens of fillna("").astype(str) (numbers are stringified, punctuation stays in the
// word). An empty prediction scores 0 for its row; a row where BOTH the prediction and the answer have
// no word makes the reference divide by zero, so the whole submission is invalid there too. The score
// is float(numpy mean), a plain Python float, so it is rounded as Python rounds (scoreRounding "python").

import { alignById } from "../src/grading/align-by-id.js";
import { astypeStrCell } from "../src/grading/blocks/python-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Grader } from "../src/grading/grader.js";
import { InvalidSubmission } from "../src/grading/invalid-submission.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import { wordSetJaccard } from "../src/grading/metrics/word-set-jaccard.js";
import { columnOf, requireColumns, requireRowCount, rowLabel } from "../src/grading/submission-checks.js";

const ID = "textID";
const TARGET = "selected_text";

export const grader: Grader = {
  id: "tweet-sentiment-extraction",
  // 2: the score is rounded as Python rounds a float (was numpy's rounding).
  version: 2,
  scoreRounding: "python",
  grade(submission, answers) {
    requireColumns(submission, [ID, TARGET]);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const predicted = columnOf(submission, TARGET);
    const truth = columnOf(answers, TARGET);
    const ids = columnOf(answers, ID);
    const scores = new Float64Array(answers.rowCount);
    for (let r = 0; r < answers.rowCount; r++) {
      const s = rowOf[r]!;
      const j = wordSetJaccard(astypeStrCell(predicted, s, ""), astypeStrCell(truth, r, ""));
      if (j === undefined) {
        throw new InvalidSubmission(
          `${submission.source}: ${rowLabel(submission, s)} (textID ${cellDisplay(ids, r)}) predicts no word, and the answer for that tweet has none either, so its Jaccard score is 0/0; write at least one word of the tweet.`,
          { referenceNote: "The reference fails the same way (ZeroDivisionError)." },
        );
      }
      scores[r] = j;
    }
    return { score: pairwiseMean(scores), notes: [] };
  },
};
