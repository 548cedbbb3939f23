// Fast decoding of one tokenized CSV column. Most cells of a submission are plain numbers: this reads
// them straight from the bytes, without making a string per cell, and falls back to the general
// pandas inference (column.ts) the moment a column turns out not to be numeric. The result is the
// same Column that inferColumn would give; only the speed differs.

import { type Column, inferColumn, MAX_NA_LENGTH, PANDAS_NA_STRINGS, parseNumberCell } from "./column.js";
import { integerSignificantDigits } from "./number-text.js";
import { FIELD_MISSING, FIELD_QUOTED, fieldText, type TokenizedCsv } from "./tokenize-csv.js";

// Exact powers of ten: 10^0 .. 10^22 are all representable in float64.
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SPACE = 0x20;
const TAB = 0x09;

/** Result codes of parseNumberBytes. */
const NOT_FAST = 0; // not a simple number: decode the text and decide there
const INTEGER = 1;
const DECIMAL = 2;

let parsedValue = 0;

/**
 * Parses [start, end) as a plain decimal number ("-12", "0.125", "3e-4") when that can be done exactly:
 * at most 15 significant digits and a power of ten within ±22, so the one multiplication or division
 * below is correctly rounded and equals a full decimal parse. Leaves the value in `parsedValue`.
 */
function parseNumberBytes(bytes: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  while (end > i && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  if (i === end) return NOT_FAST;
  let negative = false;
  if (bytes[i] === 0x2d || bytes[i] === 0x2b) {
    negative = bytes[i] === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated
  let intDigits = 0;
  let scale = 0; // decimal exponent adjustment
  let isInteger = true;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x30 || b > 0x39) break;
    if (mantissa !== 0 || b !== 0x30) {
      if (digits === 15) return NOT_FAST;
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
    }
    intDigits++;
    i++;
  }
  let fracDigits = 0;
  if (i < end && bytes[i] === 0x2e) {
    isInteger = false;
    i++;
    while (i < end) {
      const b = bytes[i]!;
      if (b < 0x30 || b > 0x39) break;
      if (mantissa !== 0 || b !== 0x30) {
        if (digits === 15) return NOT_FAST;
        mantissa = mantissa * 10 + (b - 0x30);
        digits++;
      }
      scale--;
      fracDigits++;
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return NOT_FAST;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    isInteger = false;
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      expNegative = bytes[i] === 0x2d;
      i++;
    }
    let exponent = 0;
    let expDigits = 0;
    while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
      exponent = exponent * 10 + (bytes[i]! - 0x30);
      expDigits++;
      if (expDigits > 4) return NOT_FAST;
      i++;
    }
    if (expDigits === 0) return NOT_FAST;
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== end) return NOT_FAST;
  // int64 holds 18 digits; a longer integer needs the exact range check of the general path.
  if (isInteger && intDigits > 18) return NOT_FAST;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (scale >= 0 && scale <= 22) value = mantissa * POW10[scale]!;
  else if (scale < 0 && scale >= -22) value = mantissa / POW10[-scale]!;
  else return NOT_FAST;
  parsedValue = negative ? -value : value;
  return isInteger ? INTEGER : DECIMAL;
}

/** True when some unquoted cell is longer than any missing-value or True/False word. */
function hasLongUnquotedCell(table: TokenizedCsv, c: number, width: number): boolean {
  for (let row = 0, f = c; row < table.rowCount; row++, f += width) {
    if (table.flags[f] === 0 && table.ends[f]! - table.starts[f]! > MAX_NA_LENGTH) return true;
  }
  return false;
}

function decodeTexts(rowCount: number, textAt: (row: number) => string | null): (string | null)[] {
  const texts: (string | null)[] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const text = textAt(r);
    texts[r] = text === null || (text.length <= MAX_NA_LENGTH && PANDAS_NA_STRINGS.has(text)) ? null : text;
  }
  return texts;
}

/** Decodes column `c` of a tokenized table into a pandas-typed Column. */
export function decodeColumn(table: TokenizedCsv, c: number, width: number): Column {
  const { bytes, starts, ends, flags, rowCount, ascii } = table;
  const textAt = (row: number): string | null => {
    const f = row * width + c;
    const flag = flags[f]!;
    if (flag & FIELD_MISSING) return null;
    return fieldText(bytes, starts[f]!, ends[f]!, flag, ascii);
  };

  // Optimistic numeric pass, straight from the bytes.
  const values = new Float64Array(rowCount);
  let allInteger = true;
  let missing = 0;
  let numeric = true;
  let sawText = false; // a cell that is certainly not a number (not just one to look at more closely)
  for (let row = 0; row < rowCount; row++) {
    const f = row * width + c;
    const flag = flags[f]!;
    let kind = NOT_FAST;
    if (flag === 0) kind = parseNumberBytes(bytes, starts[f]!, ends[f]!);
    if (kind !== NOT_FAST) {
      values[row] = parsedValue;
      if (kind === DECIMAL) allInteger = false;
      continue;
    }
    // The general path for this one cell: missing, NA words, infinities, quoted or long numbers.
    const text = flag & FIELD_MISSING ? null : fieldText(bytes, starts[f]!, ends[f]!, flag, ascii);
    if (text === null || PANDAS_NA_STRINGS.has(text)) {
      values[row] = Number.NaN;
      missing++;
      continue;
    }
    // A scanner, not a regular expression: a cell of ten million digits must not exhaust the stack.
    const significant = integerSignificantDigits(text);
    if (flag & FIELD_QUOTED || significant >= 19) {
      // Rare: let the general inference decide the whole column (quoted numbers, huge integers).
      numeric = false;
      break;
    }
    if (significant >= 0) {
      values[row] = Number(text); // a 16–18 digit integer: still int64 in pandas
      continue;
    }
    const parsed = parseNumberCell(text);
    if (parsed === undefined) {
      numeric = false;
      sawText = true;
      break;
    }
    values[row] = parsed;
    allInteger = false; // inf / long mantissas are floats in pandas
  }
  if (numeric && rowCount - missing > 0) {
    return { kind: allInteger && missing === 0 ? "int" : "float", values };
  }
  if (sawText && hasLongUnquotedCell(table, c, width)) {
    // Text that is neither numbers nor True/False words (those are at most 5 bytes): an object
    // column, whatever else it holds. Its strings are made only if someone reads them: an id column
    // joined on its bytes never needs them.
    let texts: (string | null)[] | undefined;
    return {
      kind: "object",
      get values() {
        texts ??= decodeTexts(rowCount, textAt);
        return texts;
      },
    };
  }
  return inferColumn(rowCount, textAt);
}
