// A text column read straight from the file's bytes, for graders that only compare cells for equality
// (text ids, exact-match labels) on columns of a million rows: decoding them into a million strings per
// column costs hundreds of megabytes. A cell's bytes are its text when it is unquoted, or quoted with no
// quote inside ("a, b" is a, b); a short row's missing cell is NA. In a valid UTF-8 file two cells hold
// the same text exactly when they hold the same bytes.
// The view exists only when the column is certainly pandas text (object): some cell is neither a number,
// nor True/False, nor an NA word; otherwise (or with a doubled quote, or invalid UTF-8) the caller
// decodes the column as usual.

import { isUtf8 } from "node:buffer";
import { MAX_NA_LENGTH, PANDAS_NA_STRINGS, parseNumberCell } from "./column.js";
import type { RawCells } from "./frame.js";
import { FIELD_MISSING } from "./tokenize-csv.js";

const QUOTE = 0x22;
/** True/False words pandas reads as booleans (column.ts's TRUE_WORDS and FALSE_WORDS). */
const BOOL_WORDS = new Set(["True", "TRUE", "true", "False", "FALSE", "false"]);
/** Cells longer than this are never a number pandas reads, nor a boolean, nor NA. */
const MAX_NUMBER_BYTES = 400;

export interface TextCells {
  readonly bytes: Buffer;
  /** The cell's text is bytes[starts[r], ends[r]); starts[r] = -1 for a missing (NA) cell. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 where the cell is NA (pandas reads it as NaN: "", "NA", "null", ... or missing). */
  readonly na: Uint8Array;
  readonly rowCount: number;
}

const utf8Checked = new WeakMap<Buffer, boolean>();

function validUtf8(cells: RawCells): boolean {
  if (cells.ascii) return true;
  let valid = utf8Checked.get(cells.bytes);
  if (valid === undefined) {
    valid = isUtf8(cells.bytes);
    utf8Checked.set(cells.bytes, valid);
  }
  return valid;
}

function isNaBytes(bytes: Buffer, start: number, end: number): boolean {
  return end - start <= MAX_NA_LENGTH && PANDAS_NA_STRINGS.has(bytes.toString("latin1", start, end));
}

/** Whether the cell's text is something pandas would not read as text (a number or a boolean). */
function readsAsNonText(bytes: Buffer, start: number, end: number): boolean {
  if (end - start > MAX_NUMBER_BYTES) return false;
  const text = bytes.toString("utf8", start, end);
  return BOOL_WORDS.has(text) || parseNumberCell(text) !== undefined;
}

/** The column's cells as byte ranges, or null when the column is not certainly text or a cell needs decoding. */
export function textCells(cells: RawCells | undefined, rowCount: number): TextCells | null {
  if (cells === undefined || !validUtf8(cells)) return null;
  const { bytes, flags, width, column } = cells;
  const starts = new Int32Array(rowCount);
  const ends = new Int32Array(rowCount);
  const na = new Uint8Array(rowCount);
  let text = false;
  for (let r = 0, f = column; r < rowCount; r++, f += width) {
    let start = cells.starts[f]!;
    let end = cells.ends[f]!;
    const flag = flags[f]!;
    if (flag !== 0) {
      const quoted = end - start >= 2 && bytes[start] === QUOTE && bytes[end - 1] === QUOTE;
      if (!quoted) {
        // A short row's missing cell: NaN. Anything else (text after a closing quote) needs decoding.
        if (end === start && flag === FIELD_MISSING) {
          starts[r] = -1;
          ends[r] = -1;
          na[r] = 1;
          continue;
        }
        return null;
      }
      start += 1;
      end -= 1;
      if (bytes.indexOf(QUOTE, start) < end) return null; // a doubled quote inside: decode it
    }
    starts[r] = start;
    ends[r] = end;
    if (isNaBytes(bytes, start, end)) na[r] = 1;
    else if (!text && !readsAsNonText(bytes, start, end)) text = true;
  }
  return text ? { bytes, starts, ends, na, rowCount } : null;
}

/** Row `r`'s text, or null for an NA cell. */
export function cellText(cells: TextCells, r: number): string | null {
  return cells.na[r] === 1 ? null : cells.bytes.toString("utf8", cells.starts[r]!, cells.ends[r]!);
}

/** Whether row `r` of `a` and row `s` of `b` hold the same text (NA cells are equal to each other only). */
export function sameText(a: TextCells, r: number, b: TextCells, s: number): boolean {
  // pandas' astype(str) renders every NA cell as "nan", and no text cell is "nan" (it would be NA).
  if (a.na[r] === 1 || b.na[s] === 1) return a.na[r] === 1 && b.na[s] === 1;
  const length = a.ends[r]! - a.starts[r]!;
  if (b.ends[s]! - b.starts[s]! !== length) return false;
  return a.bytes.compare(b.bytes, b.starts[s]!, b.ends[s]!, a.starts[r]!, a.ends[r]!) === 0;
}
