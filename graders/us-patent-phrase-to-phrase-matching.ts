// us-patent-phrase-to-phrase-matching: Pearson correlation (scipy 1.14.1 pearsonr) of the submitted
// score against the answers, paired by id.
// The reference: row count, then 'id' and 'score' present, then both sorted by id must hold the same ids,
// then pearsonr (text raises -> invalid). No range check: any affine rescaling scores the same.
// Non-finite results:
//   - a constant prediction (the sample submission: score 0 everywhere) gives NaN, a VALID score in the
//     reference; bench reports it the same way (score null, with a note);
//   - an empty (NaN) or infinite prediction also gives NaN in scipy 1.14.1, counted valid. That file is
//     malformed: bench rejects it and says the reference would report NaN (policy 2).

import { permute } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { pearson } from "../src/grading/metrics/correlation.js";
import { numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "score";

export const grader: Grader = {
  id: "us-patent-phrase-to-phrase-matching",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID, TARGET]);
    const rowOf = matchSortedIds(submission, answers, ID);
    const values = numericValues(submission, TARGET);
    for (let row = 0; row < values.length; row++) {
      const v = values[row]!;
      if (!Number.isFinite(v)) {
        throw new InvalidSubmission(
          `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)} ${Number.isNaN(v) ? "is empty or NaN" : `is ${v}`}; every row needs a finite number.`,
          {
            referenceNote:
              "The reference (scipy 1.14.1 pearsonr) would return NaN and report it as a valid score of NaN.",
          },
        );
      }
    }
    const truth = numericValues(answers, TARGET);
    const score = callMetric(
      {
        submission,
        answers,
        columns: [TARGET],
        submissionArguments: ["y"],
        submissionRowOf: (p) => rowOf[p]!,
        idColumn: ID,
      },
      () => pearson(truth, permute(values, rowOf)),
    );
    return { score, notes: [] };
  },
};
