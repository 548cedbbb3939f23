// A column the reference needs as a numeric dtype (np.issubdtype(dtype, np.number) or pandas'
// is_numeric_dtype): pandas makes the whole column text when one cell is not a number, so the error
// names that first cell.

import { type Column, cellDisplay, isNumericColumn, parseNumberCell } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { columnOf, rowLabel } from "../submission-checks.js";

/** The first cell that made pandas read the column as text (or True/False), as "row 3 (line 4) has ...". */
function culprit(frame: Frame, column: Column): string {
  if (column.kind !== "object") return "";
  const row = column.values.findIndex(
    (v) => v !== null && (typeof v !== "string" || parseNumberCell(v) === undefined),
  );
  return row < 0 ? "" : ` (${rowLabel(frame, row)} has ${cellDisplay(column, row)})`;
}

/**
 * The column's values as float64. `allowBool`: pandas' is_numeric_dtype counts a True/False column as
 * numeric (1/0); numpy's np.number does not.
 */
export function numericColumn(frame: Frame, name: string, what: string, allowBool = false): Float64Array {
  const column = columnOf(frame, name);
  if (isNumericColumn(column)) return column.values;
  if (column.kind === "bool" && allowBool) return Float64Array.from(column.values);
  const read =
    column.kind === "object" && frame.rowCount === 0
      ? "has no rows"
      : `was read as ${column.kind === "bool" ? "True/False values" : "text"}${culprit(frame, column)}`;
  throw new InvalidSubmission(
    `${frame.source}: column "${name}" must hold ${what} in every row, but it ${read}.`,
  );
}
