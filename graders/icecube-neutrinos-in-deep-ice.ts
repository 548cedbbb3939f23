// icecube-neutrinos-in-deep-ice: mean angular distance (radians, lower is better) between the predicted
// and true directions, paired by event_id. Reference rules kept, in its order: the column set must be
// exactly {event_id, azimuth, zenith}; azimuth and zenith must be numeric columns (one text cell, or a
// True/False column, fails); every value must be finite; the row count and the event_id set must equal
// the answers'. Angles are not range-checked (they are periodic in the formula); integer angles and
// event ids written as floats (3000123.0) are accepted.

import { alignById, permute } from "../src/grading/align-by-id.js";
import { numericColumn } from "../src/grading/blocks/numeric-column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { meanAngularError } from "../src/grading/metrics/angular-error.js";
import {
  numericValues,
  requireExactColumns,
  requireFinite,
  requireRowCount,
} from "../src/grading/submission-checks.js";

const ID = "event_id";

export const grader: Grader = {
  id: "icecube-neutrinos-in-deep-ice",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireExactColumns(submission, [ID, "azimuth", "zenith"]);
    const azimuth = numericColumn(submission, "azimuth", "numbers (radians)");
    const zenith = numericColumn(submission, "zenith", "numbers (radians)");
    requireFinite(submission, "azimuth", azimuth);
    requireFinite(submission, "zenith", zenith);
    requireRowCount(submission, answers.rowCount);
    const rowOf = alignById(answers, submission, ID);
    const score = meanAngularError(
      numericValues(answers, "azimuth"),
      numericValues(answers, "zenith"),
      permute(azimuth, rowOf),
      permute(zenith, rowOf),
    );
    return { score, notes: [] };
  },
};
