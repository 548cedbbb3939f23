// The checks every grader makes on a submission table, each failing with a message that names the
// file, the column, the row and the fix. Rows are reported as 1-based data rows with their file line.

import { type Column, cellDisplay, parseNumberCell } from "./csv/column.js";
import type { Frame } from "./csv/frame.js";
import { excerpt, excerptList } from "./input-excerpt.js";
import { InvalidSubmission } from "./invalid-submission.js";

/** "row 5 (line 6)": data rows count from 1 after the header; lines are the file's. */
export function rowLabel(frame: Frame, row: number): string {
  return `row ${row + 1} (line ${frame.lineOf(row)})`;
}

/** Throws unless every name is a column of `frame`; suggests a near miss (case, spaces). */
export function requireColumns(frame: Frame, names: readonly string[]): void {
  const missing = names.filter((name) => !frame.has(name));
  if (missing.length === 0) return;
  const hints = missing.map((name) => {
    // A name far longer than the wanted one cannot be a near miss: skip lower-casing megabytes.
    const near = frame.columns.find(
      (c) => c.length < name.length + 64 && c.trim().toLowerCase() === name.toLowerCase(),
    );
    return near === undefined
      ? excerpt(name)
      : `${excerpt(name)} (found ${excerpt(near)}: names are case- and space-sensitive)`;
  });
  const found = frame.columns.length === 0 ? "nothing" : excerptList(frame.columns);
  throw new InvalidSubmission(
    `${frame.source}: missing column${missing.length > 1 ? "s" : ""} ${hints.join(", ")}; the header has: ${found}.`,
  );
}

/** Throws unless the submission's column set is exactly `names` (some graders forbid extra columns). */
export function requireExactColumns(frame: Frame, names: readonly string[]): void {
  requireColumns(frame, names);
  const expected = new Set(names);
  const extra = frame.columns.filter((c) => !expected.has(c));
  if (extra.length > 0) {
    throw new InvalidSubmission(
      `${frame.source}: unexpected column${extra.length > 1 ? "s" : ""} ${excerptList(extra)}; this competition accepts exactly the columns ${names.map((c) => `"${c}"`).join(", ")}.`,
      { referenceNote: "The reference also rejects a submission whose column set is not exactly this one." },
    );
  }
}

/** Throws unless the submission has exactly `expected` data rows. */
export function requireRowCount(frame: Frame, expected: number): void {
  if (frame.rowCount === expected) return;
  throw new InvalidSubmission(
    `${frame.source}: has ${frame.rowCount} data rows, expected ${expected} (one per id of the test set).`,
  );
}

export function columnOf(frame: Frame, name: string): Column {
  const column = frame.column(name);
  if (column === undefined) requireColumns(frame, [name]);
  return column!;
}

/**
 * The column as float64, as pandas.to_numeric would convert it: numbers as they are, True/False as
 * 1/0, numeric text parsed, a missing cell as NaN. A cell that is not a number is an error.
 */
export function numericValues(frame: Frame, name: string): Float64Array {
  const column = columnOf(frame, name);
  switch (column.kind) {
    case "int":
    case "float":
      return column.values;
    case "bool":
      return Float64Array.from(column.values);
    case "object": {
      const out = new Float64Array(column.values.length);
      column.values.forEach((v, row) => {
        if (v === null) out[row] = Number.NaN;
        else if (typeof v === "boolean") out[row] = v ? 1 : 0;
        else {
          const parsed = parseNumberCell(v);
          if (parsed === undefined) {
            throw new InvalidSubmission(
              `${frame.source}: column "${name}", ${rowLabel(frame, row)}: ${cellDisplay(column, row)} is not a number.`,
            );
          }
          out[row] = parsed;
        }
      });
      return out;
    }
  }
}

/** Throws on the first NaN or infinite value, naming the submission row it came from. */
export function requireFinite(
  frame: Frame,
  name: string,
  values: ArrayLike<number>,
  submissionRowOf: (position: number) => number = (p) => p,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      const what = Number.isNaN(v) ? "is empty or NaN" : `is ${v}`;
      throw new InvalidSubmission(
        `${frame.source}: column "${name}", ${rowLabel(frame, submissionRowOf(i))} ${what}; every row needs a finite number.`,
      );
    }
  }
}

/** Throws on the first value outside [lo, hi] (NaN passes, as pandas' min/max skip it). */
export function requireRange(
  frame: Frame,
  name: string,
  values: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo || v > hi) {
      throw new InvalidSubmission(
        `${frame.source}: column "${name}", ${rowLabel(frame, i)} is ${v}; values must lie in [${lo}, ${hi}].`,
      );
    }
  }
}
