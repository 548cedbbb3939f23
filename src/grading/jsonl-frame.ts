// Answers stored as JSON Lines (tensorflow2-question-answering's test.jsonl) read into a Frame, so a
// grader sees them like any CSV table: one row per record, one text column per kept top-level field
// (string values as they are, other values as their JSON text, a missing field or null as a missing
// cell; a number as Python's str() of what json.loads returns, so a 19-digit integer id keeps every
// digit although JavaScript's JSON.parse rounds it to a double). The file is read in chunks and only the kept fields are retained: the upstream file is about
// 1.7 GB of Wikipedia text, of which a grader needs a few bytes per record.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { BenchError } from "../errors.js";
import { pythonFloatStr } from "./blocks/pandas-str.js";
import type { Column } from "./csv/column.js";
import type { Frame, RawCells } from "./csv/frame.js";

const CHUNK_BYTES = 16 * 1024 ** 2;

class JsonlFrame implements Frame {
  readonly columns: readonly string[];
  private readonly cells: Map<string, (string | null)[]>;
  private readonly raw = new Map<string, RawCells>();

  constructor(
    readonly source: string,
    columns: readonly string[],
    cells: Map<string, (string | null)[]>,
    private readonly lines: readonly number[],
  ) {
    this.columns = columns;
    this.cells = cells;
  }

  get rowCount(): number {
    return this.lines.length;
  }

  has(name: string): boolean {
    return this.cells.has(name);
  }

  column(name: string): Column | undefined {
    const values = this.cells.get(name);
    return values === undefined ? undefined : { kind: "object", values };
  }

  lineOf(row: number): number {
    return this.lines[row] ?? -1;
  }

  rawCells(name: string): RawCells | undefined {
    const values = this.cells.get(name);
    if (values === undefined) return undefined;
    let cached = this.raw.get(name);
    if (cached === undefined) {
      const parts = values.map((v) => Buffer.from(v ?? "", "utf8"));
      const bytes = Buffer.concat(parts);
      const starts = new Int32Array(values.length);
      const ends = new Int32Array(values.length);
      const flags = Uint8Array.from(values, (v) => (v === null ? 1 : 0));
      let offset = 0;
      parts.forEach((part, i) => {
        starts[i] = offset;
        offset += part.length;
        ends[i] = offset;
      });
      const ascii = bytes.every((b) => b < 0x80);
      cached = { bytes, ascii, starts, ends, flags, width: 1, column: 0 };
      this.raw.set(name, cached);
    }
    return cached;
  }
}

function malformed(source: string, line: number, why: string): BenchError {
  return new BenchError("CSV_MALFORMED", `${source}, line ${line}: ${why}.`, {
    hint: "answers in JSON Lines need one JSON object per line; re-create them with `mlebench prepare`.",
  });
}

/**
 * Python's str() of a top-level JSON number: an integer keeps the digits written in the line (JSON.parse
 * would round one beyond 2^53), a float is printed as Python prints it.
 */
function numberText(line: string, name: string, value: number): string {
  const key = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const matches = [...line.matchAll(new RegExp(`${key}\\s*:\\s*(-?\\d+)(?=\\s*[,}])`, "g"))];
  if (Number.isInteger(value) && matches.length === 1) return matches[0]![1]!.replace(/^(-?)0+(?=\d)/, "$1");
  return pythonFloatStr(value);
}

/** Builds the Frame from lines handed over one at a time. */
class JsonlBuilder {
  private readonly order: string[] = [];
  private readonly cells = new Map<string, (string | null)[]>();
  private readonly lines: number[] = [];

  constructor(
    private readonly source: string,
    private readonly fields: readonly string[] | undefined,
  ) {
    for (const field of fields ?? []) this.addColumn(field);
  }

  private addColumn(name: string): (string | null)[] {
    const column: (string | null)[] = new Array(this.lines.length).fill(null);
    this.cells.set(name, column);
    this.order.push(name);
    return column;
  }

  add(text: string, line: number): void {
    if (text.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw malformed(this.source, line, `not valid JSON (${(error as Error).message})`);
    }
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw malformed(this.source, line, "not a JSON object");
    }
    const row = this.lines.length;
    this.lines.push(line);
    const entries = record as Record<string, unknown>;
    const names = this.fields ?? Object.keys(entries);
    for (const name of names) {
      const column = this.cells.get(name) ?? this.addColumn(name);
      const value = entries[name];
      column[row] =
        value === undefined || value === null
          ? null
          : typeof value === "string"
            ? value
            : typeof value === "number"
              ? numberText(text, name, value)
              : JSON.stringify(value);
    }
    for (const column of this.cells.values()) if (column.length <= row) column[row] = null;
  }

  build(): Frame {
    return new JsonlFrame(this.source, this.order, this.cells, this.lines);
  }
}

/** Parses JSON Lines already in memory; `fields` keeps only those top-level fields (default: all). */
export function parseJsonl(content: string, source: string, fields?: readonly string[]): Frame {
  const builder = new JsonlBuilder(source, fields);
  content.split("\n").forEach((text, i) => {
    builder.add(text, i + 1);
  });
  return builder.build();
}

/**
 * Reads a JSON Lines file in chunks of `chunkBytes`, keeping only `fields` of each record (default:
 * all).
 */
export function readJsonlFile(path: string, fields?: readonly string[], chunkBytes = CHUNK_BYTES): Frame {
  const builder = new JsonlBuilder(path, fields);
  const fd = openSync(path, "r");
  try {
    if (!fstatSync(fd).isFile()) {
      throw new BenchError("DATA_MISSING", `${path} is not a regular file; answers must be one.`, {
        hint: "point --data-dir at a folder prepared by `mlebench prepare`.",
      });
    }
    const chunk = Buffer.alloc(chunkBytes);
    let pending: Buffer[] = [];
    let line = 1;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) break;
      let start = 0;
      for (let nl = chunk.indexOf(10, 0); nl >= 0 && nl < read; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        builder.add(Buffer.concat(pending).toString("utf8"), line++);
        pending = [];
        start = nl + 1;
      }
      if (start < read) pending.push(Buffer.from(chunk.subarray(start, read)));
    }
    if (pending.length > 0) builder.add(Buffer.concat(pending).toString("utf8"), line);
  } finally {
    closeSync(fd);
  }
  return builder.build();
}
