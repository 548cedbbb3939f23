// A read-only table read from a CSV file, with pandas' column names and types. Columns are decoded
// lazily on first use, so a 60-column answers file costs only the columns a grader reads.

import type { Column } from "./column.js";
import { type CsvLimits, csvLimits } from "./csv-limits.js";
import { decodeColumn } from "./decode-column.js";
import { type OpenedFile, readRegularFile } from "./read-regular-file.js";
import { type TokenizedCsv, tokenizeCsv } from "./tokenize-csv.js";

export interface Frame {
  /** The file path (or a label) used in every message about this table. */
  readonly source: string;
  /** Column names in file order; duplicated names are renamed "x.1", "x.2" as pandas does. */
  readonly columns: readonly string[];
  readonly rowCount: number;
  has(name: string): boolean;
  /** The typed column, or undefined when the header has no such name. */
  column(name: string): Column | undefined;
  /** The 1-based line of the file on which data row `row` (0-based) starts. */
  lineOf(row: number): number;
  /**
   * The column's cells as byte ranges of the file, for joins that compare ids without decoding
   * them; undefined for an unknown name.
   */
  rawCells(name: string): RawCells | undefined;
}

/** Cell (row, column) spans bytes[starts[row * width + column], ends[...]) when flags[...] is 0. */
export interface RawCells {
  readonly bytes: Buffer;
  readonly ascii: boolean;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Non-zero for a quoted or missing cell, whose bytes are not its text. */
  readonly flags: Uint8Array;
  readonly width: number;
  readonly column: number;
}

class CsvFrame implements Frame {
  readonly columns: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly cache = new Map<number, Column>();

  constructor(
    readonly source: string,
    private readonly table: TokenizedCsv,
  ) {
    this.columns = mangleDuplicates(table.header);
    this.columns.forEach((name, i) => {
      this.index.set(name, i);
    });
  }

  get rowCount(): number {
    return this.table.rowCount;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  column(name: string): Column | undefined {
    const c = this.index.get(name);
    if (c === undefined) return undefined;
    let column = this.cache.get(c);
    if (column === undefined) {
      column = decodeColumn(this.table, c, this.columns.length);
      this.cache.set(c, column);
    }
    return column;
  }

  lineOf(row: number): number {
    return this.table.lines[row] ?? -1;
  }

  rawCells(name: string): RawCells | undefined {
    const column = this.index.get(name);
    if (column === undefined) return undefined;
    const { bytes, ascii, starts, ends, flags } = this.table;
    return { bytes, ascii, starts, ends, flags, width: this.columns.length, column };
  }
}

function mangleDuplicates(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((name) => {
    const count = seen.get(name);
    if (count === undefined) {
      seen.set(name, 1);
      return name;
    }
    seen.set(name, count + 1);
    return `${name}.${count}`;
  });
}

/** Parses CSV text or bytes already in memory, within `limits` (see csv-limits.ts). */
export function parseCsv(content: Buffer | string, source: string, limits: Partial<CsvLimits> = {}): Frame {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return new CsvFrame(source, tokenizeCsv(bytes, source, csvLimits(limits)));
}

export interface ReadCsvOptions extends Partial<CsvLimits> {
  /** Called once the file is open and known to be regular, before it is read; throw to refuse it. */
  readonly accept?: (file: OpenedFile) => void;
}

/**
 * Reads and parses a CSV file: only a regular file (links followed) smaller than maxBytes, and
 * within the other limits of csv-limits.ts.
 */
export function readCsvFile(path: string, options: ReadCsvOptions = {}): Frame {
  const { accept, ...overrides } = options;
  const limits = csvLimits(overrides);
  const bytes = readRegularFile(path, { maxBytes: limits.maxBytes, ...(accept ? { accept } : {}) });
  return new CsvFrame(path, tokenizeCsv(bytes, path, limits));
}
