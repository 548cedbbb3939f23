// Typed CSV columns, inferred per column exactly as pandas.read_csv does with its defaults: a column
// is int64 when every non-missing cell is an integer, float64 when every non-missing cell is a number
// (or when an integer column has a missing cell), bool for True/False words, and otherwise text
// ("object"), where missing cells stay missing. Graders depend on this: the reference compares ids
// and labels with the types pandas gave them (800000 equals 800000.0; 5 never equals "5").

import { excerpt } from "../input-excerpt.js";
import { infinitySign, integerSignificantDigits, isDecimalText } from "./number-text.js";

/** The cell texts pandas 2.x reads as missing (NaN) by default. */
export const PANDAS_NA_STRINGS: ReadonlySet<string> = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);

/** The longest missing-value word, in characters (and bytes: they are ASCII). */
export const MAX_NA_LENGTH = Math.max(...[...PANDAS_NA_STRINGS].map((na) => na.length));

export type Column =
  /** pandas int64: no missing cells. */
  | { readonly kind: "int"; readonly values: Float64Array }
  /** pandas float64: missing cells are NaN. */
  | { readonly kind: "float"; readonly values: Float64Array }
  /** pandas bool: no missing cells. */
  | { readonly kind: "bool"; readonly values: Uint8Array }
  /** pandas object: text (or True/False with gaps); null is a missing cell. */
  | { readonly kind: "object"; readonly values: readonly (string | boolean | null)[] };

const TRUE_WORDS = new Set(["True", "TRUE", "true"]);
const FALSE_WORDS = new Set(["False", "FALSE", "false"]);
// Integer cells outside int64 and uint64 make pandas keep the whole column as text.
const UINT64_MAX = 18446744073709551615n;
const INT64_MIN = -9223372036854775808n;
/** Digits of UINT64_MAX: an integer with more significant digits is out of range at once. */
const UINT64_DIGITS = 20;

/** Parses one cell as pandas would parse a number, or returns undefined when it is not one. */
export function parseNumberCell(text: string): number | undefined {
  if (isDecimalText(text)) return Number(text);
  const sign = infinitySign(text);
  if (sign !== 0) return sign < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}

/** For an integer cell with `significant` digits: true when it fits pandas' int64 or uint64. */
function fitsPandasInteger(text: string, significant: number): boolean {
  if (significant <= 18) return true;
  // Counting digits first keeps BigInt to at most 20 of them, whatever the cell's length.
  if (significant > UINT64_DIGITS) return false;
  const trimmed = text.trim();
  const magnitude = BigInt(trimmed.slice(trimmed.length - significant)); // leading zeros dropped
  const value = trimmed.startsWith("-") ? -magnitude : magnitude;
  return value <= UINT64_MAX && value >= INT64_MIN;
}

/** True for an integer cell beyond int64 and uint64, which makes pandas read its column as text. */
export function isOutOfRangeInteger(text: string): boolean {
  const significant = integerSignificantDigits(text);
  return significant >= 0 && !fitsPandasInteger(text, significant);
}

/**
 * Infers one column from its cell texts (`null` for a cell missing because the row was short).
 * Each cell is decoded once.
 */
export function inferColumn(rowCount: number, textAt: (row: number) => string | null): Column {
  // Decode every cell once; NA words become null here, so later passes only look at real values.
  const texts: (string | null)[] = new Array(rowCount);
  let missing = 0;
  for (let r = 0; r < rowCount; r++) {
    const text = textAt(r);
    if (text === null || (text.length <= MAX_NA_LENGTH && PANDAS_NA_STRINGS.has(text))) {
      texts[r] = null;
      missing++;
    } else {
      texts[r] = text;
    }
  }
  const present = rowCount - missing;
  if (present === 0) {
    // pandas reads a column with no value at all as float64 NaN when rows exist, object when none do.
    return rowCount > 0
      ? { kind: "float", values: new Float64Array(rowCount).fill(Number.NaN) }
      : { kind: "object", values: texts };
  }

  let allInt = true;
  let allNumeric = true;
  let allBool = true;
  for (const text of texts) {
    if (text === null) continue;
    const significant = integerSignificantDigits(text);
    const isInteger = significant >= 0;
    if (isInteger && !fitsPandasInteger(text, significant)) {
      allInt = false;
      allNumeric = false;
    }
    if (allInt && !isInteger) allInt = false;
    if (!allInt && allNumeric && parseNumberCell(text) === undefined) allNumeric = false;
    if (allBool && !TRUE_WORDS.has(text) && !FALSE_WORDS.has(text)) allBool = false;
    if (!allInt && !allNumeric && !allBool) break;
  }

  if (allInt || allNumeric) {
    const values = new Float64Array(rowCount);
    texts.forEach((text, r) => {
      values[r] = text === null ? Number.NaN : (parseNumberCell(text) ?? Number.NaN);
    });
    return { kind: allInt && missing === 0 ? "int" : "float", values };
  }
  if (allBool) {
    if (missing === 0)
      return { kind: "bool", values: Uint8Array.from(texts, (t) => (TRUE_WORDS.has(t!) ? 1 : 0)) };
    return { kind: "object", values: texts.map((t) => (t === null ? null : TRUE_WORDS.has(t))) };
  }
  return { kind: "object", values: texts };
}

/** A cell as a person would read it in an error message: text is quoted, escaped and cut short. */
export function cellDisplay(column: Column, row: number): string {
  switch (column.kind) {
    case "int":
      return String(column.values[row]);
    case "float": {
      const v = column.values[row]!;
      return Number.isNaN(v) ? "(empty)" : String(v);
    }
    case "bool":
      return column.values[row] ? "True" : "False";
    case "object": {
      const v = column.values[row];
      if (v === null || v === undefined) return "(empty)";
      return typeof v === "boolean" ? (v ? "True" : "False") : excerpt(v);
    }
  }
}

export function isNumericColumn(column: Column): column is Extract<Column, { kind: "int" | "float" }> {
  return column.kind === "int" || column.kind === "float";
}
