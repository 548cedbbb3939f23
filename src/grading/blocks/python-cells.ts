// How the reference's Python turns parsed CSV cells into the values it scores: int(v) on each label,
// Series.fillna("").str.split() on token columns. Each helper rejects exactly the cells the reference's
// Python would fail on, and names the row and the fix.

import { type Column, cellDisplay } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { columnOf, rowLabel } from "../submission-checks.js";
import { pythonFloatStr } from "./pandas-str.js";
import { firstToken, splitWhitespace, stripWhitespace } from "./python-split.js";

const PYTHON_INT = /^([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u;
const ASCII_INT = /^[+-]?\d+(?:_\d+)*$/;
const ND = /^\p{Nd}$/u;

/**
 * A Unicode decimal digit's value. Nd digits come in contiguous runs of 0..9 (a Unicode stability
 * guarantee), so the value is the distance from the start of the run, modulo 10.
 */
function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  let start = codePoint;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/**
 * Python's int(text): optional Python whitespace around, an optional sign, decimal digits with single
 * '_' between them; undefined where int() raises ValueError ('5.0', '1e3', '0x1f', '1__0', '_1', '').
 * int() takes any Unicode decimal digit ('٣' is 3). With `asciiDigits`, only 0-9 are digits: the graders
 * that pass it reject such text, which the reference would read (a known divergence, kept as graded).
 */
export function pythonInt(text: string, { asciiDigits = false } = {}): number | undefined {
  const t = stripWhitespace(text);
  if (asciiDigits) return ASCII_INT.test(t) ? Number(t.replaceAll("_", "")) : undefined;
  const match = PYTHON_INT.exec(t);
  if (match === null) return undefined;
  let digits = "";
  for (const ch of match[2]!) if (ch !== "_") digits += String(digitValue(ch.codePointAt(0)!));
  return Number(match[1]! + digits);
}

/** int(text.split()[0]), or undefined where Python raises (blank text, or a first token not an int). */
export function firstTokenInteger(text: string): number | undefined {
  const token = firstToken(text);
  return token === undefined ? undefined : pythonInt(token);
}

export interface IntCells {
  /** int(v) of each cell, in file order. */
  readonly values: Float64Array;
  /** Rows whose value was a non-integral float that int() truncated toward zero. */
  readonly truncated: number;
  readonly firstTruncated: number;
}

/**
 * [int(v) for v in column]: numbers are truncated toward zero (12.7 -> 12), True/False are 1/0, text
 * must be a Python integer literal; NaN, inf and other text fail as in Python.
 */
export function intCells(frame: Frame, name: string): IntCells {
  const column = columnOf(frame, name);
  const n = frame.rowCount;
  const values = new Float64Array(n);
  let truncated = 0;
  let firstTruncated = -1;
  const fail = (row: number, why: string): never => {
    throw new InvalidSubmission(
      `${frame.source}: column "${name}", ${rowLabel(frame, row)} is ${cellDisplay(column, row)}${why}; every row needs a whole-number label.`,
    );
  };
  for (let r = 0; r < n; r++) {
    switch (column.kind) {
      case "int":
        values[r] = column.values[r]!;
        break;
      case "float": {
        const v = column.values[r]!;
        if (!Number.isFinite(v)) fail(r, "");
        values[r] = Math.trunc(v) + 0; // + 0 turns -0 into 0
        if (values[r] !== v) {
          if (truncated++ === 0) firstTruncated = r;
        }
        break;
      }
      case "bool":
        values[r] = column.values[r]!;
        break;
      case "object": {
        const v = column.values[r];
        if (typeof v === "boolean") values[r] = v ? 1 : 0;
        else if (v === null || v === undefined) fail(r, "");
        else {
          const parsed = pythonInt(v, { asciiDigits: true });
          if (parsed === undefined) fail(r, " (not an integer)");
          values[r] = parsed!;
        }
      }
    }
  }
  return { values, truncated, firstTruncated };
}

/** The note for labels that int() truncated: the reference grades them that way, and so does bench. */
export function truncationNote(frame: Frame, name: string, cells: IntCells): string[] {
  if (cells.truncated === 0) return [];
  return [
    `${cells.truncated} value(s) in column "${name}" are not whole numbers (first at ${rowLabel(frame, cells.firstTruncated)}); they were truncated toward zero, as the reference's int() does. Write whole-number labels.`,
  ];
}

/** The first row whose cell is not missing (for an example in a message), or 0. */
function firstPresent(column: Column): number {
  if (column.kind !== "float") return 0;
  const row = column.values.findIndex((v) => !Number.isNaN(v));
  return Math.max(row, 0);
}

/**
 * Series.fillna("").str.split() on a column: token lists per row (Python whitespace). pandas' .str
 * works only on a text column; a column of numbers (every non-empty cell numeric) or booleans fails, as
 * in the reference; a column with no value at all is all "" (no tokens).
 */
export function splitTextCells(frame: Frame, name: string, advice: string): string[][] {
  const column: Column = columnOf(frame, name);
  if (column.kind === "float" && column.values.every((v) => Number.isNaN(v))) {
    return Array.from({ length: frame.rowCount }, () => []);
  }
  if (column.kind !== "object") {
    throw new InvalidSubmission(
      `${frame.source}: column "${name}" holds only numbers (e.g. ${cellDisplay(column, firstPresent(column))} at ${rowLabel(frame, firstPresent(column))}), so it was read as a number column and cannot be split into labels; ${advice}`,
      { referenceNote: "The reference fails the same way (pandas' .str accessor needs text)." },
    );
  }
  return column.values.map((v, row) => {
    if (v === null) return [];
    if (typeof v === "boolean") {
      throw new InvalidSubmission(
        `${frame.source}: column "${name}", ${rowLabel(frame, row)} was read as ${v ? "True" : "False"}; ${advice}`,
      );
    }
    return splitWhitespace(v);
  });
}

/**
 * str() of one parsed cell as pandas' astype(str) gives it (int 706016001 -> "706016001", float 5 ->
 * "5.0", missing -> `missing`, which is "nan" after astype(str) alone and "" after fillna("")).
 */
export function astypeStrCell(column: Column, row: number, missing = "nan"): string {
  switch (column.kind) {
    case "int": {
      const v = column.values[row]!;
      return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
    }
    case "float": {
      const v = column.values[row]!;
      return Number.isNaN(v) ? missing : pythonFloatStr(v);
    }
    case "bool":
      return column.values[row] === 1 ? "True" : "False";
    case "object": {
      const v = column.values[row];
      if (v === null || v === undefined) return missing;
      return typeof v === "boolean" ? (v ? "True" : "False") : v;
    }
  }
}

/**
 * The cells of a column that the reference hands to a string function (levenshtein, .lower()) as
 * they were parsed: each must be text. `emptyAsText` applies fillna("") first (missing cells become
 * ""; a column with no value at all is then all ""). `what` says what the column should hold.
 */
export function textCells(frame: Frame, name: string, emptyAsText: boolean, what: string): string[] {
  const column = columnOf(frame, name);
  if (column.kind === "float" && emptyAsText && column.values.every((v) => Number.isNaN(v))) {
    return Array.from({ length: frame.rowCount }, () => "");
  }
  if (column.kind !== "object") {
    throw new InvalidSubmission(
      `${frame.source}: column "${name}" was read as ${column.kind === "bool" ? "True/False values" : "numbers"} (e.g. ${cellDisplay(column, firstPresent(column))} at ${rowLabel(frame, firstPresent(column))}), not text; ${what}`,
      { referenceNote: "The reference fails the same way (its string functions need text)." },
    );
  }
  return column.values.map((v, row) => {
    if (typeof v === "string") return v;
    if (v === null && emptyAsText) return "";
    throw new InvalidSubmission(
      `${frame.source}: column "${name}", ${rowLabel(frame, row)} is ${cellDisplay(column, row)}, not text; ${what}`,
    );
  });
}
