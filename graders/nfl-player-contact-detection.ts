// nfl-player-contact-detection: Matthews correlation coefficient (scikit-learn matthews_corrcoef) of the
// predicted contact (0/1) against the answers, paired by contact_id.
// The reference checks, in order: 'contact_id' and 'contact' present, the set of contact_ids equal to the
// answers', the row count equal (together: the same ids once each), then scikit-learn's label checks:
// NaN, probabilities (0.73 -> "continuous") and text labels are invalid; True/False count as 1/0 and
// whole floats as ints. A constant prediction (the sample: 0 everywhere) scores exactly 0.0.

import { callMetric } from "../src/grading/blocks/metric-call.js";
import { pairedLabels } from "../src/grading/blocks/paired-labels.js";
import { matchSortedIds } from "../src/grading/blocks/sorted-id-match.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { matthewsCorrcoef } from "../src/grading/metrics/matthews-corrcoef.js";
import { requireColumns } from "../src/grading/submission-checks.js";

const ID = "contact_id";
const TARGET = "contact";

export const grader: Grader = {
  id: "nfl-player-contact-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID, TARGET]);
    const rowOf = matchSortedIds(submission, answers, ID);
    const { predicted, truth } = pairedLabels(
      submission,
      answers,
      TARGET,
      rowOf,
      "which is not a label; write 1 for contact and 0 for none.",
    );
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => matthewsCorrcoef(truth, predicted),
    );
    return { score, notes: [] };
  },
};
