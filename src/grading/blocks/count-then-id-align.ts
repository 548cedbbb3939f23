// A common order of the reference's checks (3d-object-detection-for-autonomous-vehicles,
// alaska2-image-steganalysis, siim-covid19-detection): the row count, then the id column, then the target
// column, then the exact ids once each. Each check reports only its own failure, so the first failing
// one names the problem, as the reference's first failing assert does.

import { alignById } from "../align-by-id.js";
import type { Frame } from "../csv/frame.js";
import { requireColumns, requireRowCount } from "../submission-checks.js";

/** Runs the checks in that order; returns, for each answers row, its submission row. */
export function alignAfterCountAndColumns(
  submission: Frame,
  answers: Frame,
  idColumn: string,
  targetColumn: string,
): Int32Array {
  requireRowCount(submission, answers.rowCount);
  requireColumns(submission, [idColumn]);
  requireColumns(submission, [targetColumn]);
  return alignById(answers, submission, idColumn);
}
