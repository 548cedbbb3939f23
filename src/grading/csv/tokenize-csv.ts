// Splits CSV bytes into fields the way pandas' C parser does with its defaults (comma separator,
// double-quote quoting with "" as an escaped quote, blank lines skipped, \n, \r\n or \r line ends,
// a UTF-8 byte-order mark dropped). It records byte offsets only: turning fields into strings or
// numbers is left to the column reader, so numeric columns never allocate a string per cell twice.

import { isAscii } from "node:buffer";
import { BenchError } from "../../errors.js";
import {
  fieldTooLong,
  tooManyCells,
  tooManyColumns,
  tooManyFields,
  tooMuchPadding,
} from "./csv-limit-errors.js";
import { type CsvLimits, DEFAULT_CSV_LIMITS } from "./csv-limits.js";
import { GrowableInt32, GrowableUint8 } from "./growable-arrays.js";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The limits the tokenizer enforces (the file's size is the reader's). */
export type TokenizerLimits = Pick<CsvLimits, "maxFieldBytes" | "maxColumns" | "maxCells">;

/** Field flag bits, one byte per field. */
export const FIELD_MISSING = 1; // the row was short: pandas fills NaN
export const FIELD_QUOTED = 2; // the field began with a quote: strip the quotes and unescape ""

export interface TokenizedCsv {
  readonly bytes: Buffer;
  /** True when every byte is ASCII, so fields can be decoded as latin1. */
  readonly ascii: boolean;
  readonly header: readonly string[];
  readonly rowCount: number;
  /** Row-major: field (row r, column c) is at index r * columnCount + c. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  /** 1-based line of the file where each data row begins, for error messages. */
  readonly lines: Int32Array;
}

/** Decodes one field's text. Quoted fields lose their quotes; "" inside becomes ". */
export function fieldText(bytes: Buffer, start: number, end: number, flag: number, ascii: boolean): string {
  if ((flag & FIELD_QUOTED) === 0) {
    return ascii ? bytes.toString("latin1", start, end) : bytes.toString("utf8", start, end);
  }
  // Slow path: copy the field's bytes, dropping quote characters that open/close a quoted section
  // and keeping the second of each doubled pair. `"ab"cd` reads as `abcd`, as pandas does. Bytes, not
  // a string built a character at a time: that made a chain of millions of strings for a long field.
  // A quote byte is never part of a multi-byte UTF-8 character, so this is safe for any text.
  const out = Buffer.allocUnsafe(end - start);
  let length = 0;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      if (inQuotes && bytes[i + 1] === QUOTE && i + 1 < end) {
        out[length++] = QUOTE;
        i++;
      } else {
        inQuotes = !inQuotes;
      }
    } else {
      out[length++] = b;
    }
  }
  return ascii ? out.toString("latin1", 0, length) : out.toString("utf8", 0, length);
}

/** Line breaks (\n, or a lone \r) from `from` to the end: native memchr does the scanning. */
function countLineBreaks(bytes: Buffer, from: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF, from); i !== -1; i = bytes.indexOf(LF, i + 1)) count++;
  if (count === 0) for (let i = bytes.indexOf(CR, from); i !== -1; i = bytes.indexOf(CR, i + 1)) count++;
  return count;
}

/**
 * Tokenizes `bytes` (the whole file) within `limits`. `source` names the file in error messages.
 * Throws CSV_MALFORMED for an empty file, an unterminated quote, a row with more fields than the
 * header (pandas refuses those too, or silently re-indexes; either way the file is not a table), and
 * a field, a header or a table above its limit. Limits are checked on byte offsets, before any string
 * or per-cell storage is made, so a hostile file costs little more than its own bytes.
 */
export function tokenizeCsv(
  bytes: Buffer,
  source: string,
  limits: TokenizerLimits = DEFAULT_CSV_LIMITS,
): TokenizedCsv {
  const { maxFieldBytes, maxColumns, maxCells } = limits;
  let pos = 0;
  const n = bytes.length;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) pos = 3;
  // ASCII files (the common case) decode with latin1Slice, several times faster than UTF-8.
  const ascii = isAscii(bytes);

  // Skip leading blank lines, as pandas does.
  let line = 1;
  while (pos < n && (bytes[pos] === LF || bytes[pos] === CR)) {
    if (bytes[pos] === CR && bytes[pos + 1] === LF) pos++;
    pos++;
    line++;
  }
  if (pos >= n) {
    throw new BenchError("CSV_MALFORMED", `${source}: the file is empty (no header row).`, {
      hint: "Write a header row with the column names, then one row per id.",
    });
  }

  // Sized for the header first; once its width is known, for the cells the rest of the file can hold,
  // so the arrays are allocated once and hold no slack worth mentioning.
  const starts = new GrowableInt32(64);
  const ends = new GrowableInt32(64);
  const flags = new GrowableUint8(64);
  const lines = new GrowableInt32(16);

  let columnCount = -1;
  let header: string[] = [];
  let rowFields = 0;
  let rowLine = line;
  // Short rows are padded with missing cells, as pandas does; a 2-byte row under a wide header would
  // otherwise cost megabytes, so padding is allowed one cell per byte of the file (or 2^20).
  const paddingBudget = Math.max(2 ** 20, n);
  let padded = 0;

  const pushField = (start: number, end: number, flag: number): void => {
    if (end - start > maxFieldBytes) {
      const place = {
        line: rowLine,
        row: columnCount < 0 ? 0 : lines.length + 1,
        column: rowFields + 1,
        name: header[rowFields],
      };
      throw fieldTooLong(source, place, end - start, maxFieldBytes);
    }
    rowFields++;
    if (columnCount < 0) {
      if (rowFields > maxColumns) throw tooManyColumns(source, maxColumns);
    } else if (rowFields > columnCount) {
      return; // a row wider than the header: counted, not stored, and refused at its end
    }
    starts.push(start);
    ends.push(end);
    flags.push(flag);
  };

  const endRow = (): void => {
    if (columnCount < 0) {
      // The header row: decode now.
      const texts: string[] = [];
      for (let i = 0; i < rowFields; i++) {
        texts.push(fieldText(bytes, starts.data[i]!, ends.data[i]!, flags.data[i]!, ascii));
      }
      header = texts;
      columnCount = rowFields;
      const rows = countLineBreaks(bytes, pos) + 1;
      // Each field but a row's last ends at a comma: a file holds at most (bytes + rows) fields.
      const cells = Math.min(rows * columnCount, n - pos + rows, maxCells + columnCount);
      starts.reset(cells);
      ends.reset(cells);
      flags.reset(cells);
      lines.reset(rows);
      return;
    }
    if (rowFields > columnCount) throw tooManyFields(source, rowLine, rowFields, header);
    if ((lines.length + 1) * columnCount > maxCells)
      throw tooManyCells(source, rowLine, columnCount, maxCells);
    padded += columnCount - rowFields;
    if (padded > paddingBudget) throw tooMuchPadding(source, rowLine, columnCount, paddingBudget);
    for (let i = rowFields; i < columnCount; i++) {
      starts.push(0);
      ends.push(0);
      flags.push(FIELD_MISSING);
    }
    lines.push(rowLine);
  };

  while (pos < n) {
    // At the start of a field.
    const fieldStart = pos;
    let flag = 0;
    if (bytes[pos] === QUOTE) {
      flag = FIELD_QUOTED;
      pos++;
      let closed = false;
      while (pos < n) {
        const b = bytes[pos]!;
        if (b === QUOTE) {
          if (bytes[pos + 1] === QUOTE) {
            pos += 2;
            continue;
          }
          pos++;
          closed = true;
          // Text after the closing quote belongs to the same field; a further quote reopens.
          while (pos < n && bytes[pos] !== COMMA && bytes[pos] !== LF && bytes[pos] !== CR) {
            if (bytes[pos] === QUOTE) {
              closed = false;
              pos++;
              break;
            }
            pos++;
          }
          if (closed) break;
          continue;
        }
        if (b === LF) line++;
        pos++;
      }
      if (!closed) {
        throw new BenchError(
          "CSV_MALFORMED",
          `${source}: a quoted field opened on line ${rowLine} is never closed.`,
          {
            hint: 'Close every quoted field with a double quote; write a literal quote inside one as "".',
          },
        );
      }
    } else {
      while (pos < n) {
        const b = bytes[pos]!;
        if (b === COMMA || b === LF || b === CR) break;
        pos++;
      }
    }
    if (pos - fieldStart <= maxFieldBytes && rowFields < columnCount) {
      // The common case, inline: a data-row field of ordinary length within the header's width.
      starts.push(fieldStart);
      ends.push(pos);
      flags.push(flag);
      rowFields++;
    } else {
      pushField(fieldStart, pos, flag);
    }

    if (pos >= n) {
      endRow();
      break;
    }
    const sep = bytes[pos]!;
    pos++;
    if (sep === COMMA) {
      if (pos >= n) {
        // A trailing comma at the end of the file: one more empty field.
        pushField(pos, pos, 0);
        endRow();
      }
      continue;
    }
    if (sep === CR && bytes[pos] === LF) pos++;
    line++;
    endRow();
    rowFields = 0;
    // Blank lines are skipped entirely.
    while (pos < n && (bytes[pos] === LF || bytes[pos] === CR)) {
      if (bytes[pos] === CR && bytes[pos + 1] === LF) pos++;
      pos++;
      line++;
    }
    rowLine = line;
  }

  const fieldCount = starts.length;
  return {
    bytes,
    ascii,
    header,
    rowCount: columnCount > 0 ? fieldCount / columnCount : 0,
    starts: starts.trimmed(),
    ends: ends.trimmed(),
    flags: flags.trimmed(),
    lines: lines.trimmed(),
  };
}
