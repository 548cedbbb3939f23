// The tokenizer's limits: a field, the header's width and the table's cells are bounded before any
// string or per-cell storage is made, so a hostile file is refused quickly and cheaply.

import { describe, expect, it } from "vitest";
import { BenchError } from "../../errors.js";
import { DEFAULT_CSV_LIMITS } from "./csv-limits.js";
import { parseCsv } from "./frame.js";
import { tokenizeCsv } from "./tokenize-csv.js";

function refusal(run: () => unknown): BenchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return error as BenchError;
  }
  throw new Error("expected the file to be refused");
}

/** Heap and external memory in use now, in MiB, after a collection when the GC is exposed. */
function memoryMiB(): number {
  globalThis.gc?.();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return (heapUsed + external + arrayBuffers) / 1024 ** 2;
}

describe("field length", () => {
  it("refuses a field over the limit, naming the limit, the row and the column", () => {
    const csv = `id,text\n1,short\n2,${"w".repeat(2000)}\n`;
    const error = refusal(() => parseCsv(csv, "sub.csv", { maxFieldBytes: 1024 }));
    expect(error.code).toBe("CSV_MALFORMED");
    expect(error.message).toBe(
      'sub.csv: the field in row 2, column 2 ("text"), starting on line 3 is 2 KiB (2000 bytes), above the 1 KiB (1024 bytes) bench accepts in one field.',
    );
    expect(error.hint).toMatch(/BENCH_MAX_CSV_FIELD_BYTES/);
  });

  it("counts a quoted field's quotes and names a header field by position", () => {
    expect(() => parseCsv(`"${"q".repeat(1022)}"\n1\n`, "s.csv", { maxFieldBytes: 1024 })).not.toThrow();
    const error = refusal(() => parseCsv(`id,"${"h".repeat(1023)}"\n`, "s.csv", { maxFieldBytes: 1024 }));
    expect(error.message).toMatch(
      /^s\.csv: the field in the header, column 2, starting on line 1 is 1 KiB \(1025 bytes\)/,
    );
  });

  it("accepts a field of exactly the limit", () => {
    const frame = parseCsv(`x\n${"7".repeat(1024)}\n`, "s.csv", { maxFieldBytes: 1024 });
    expect(frame.rowCount).toBe(1);
  });
});

describe("columns and cells", () => {
  it("refuses a 1,000,000-column header with 3,000 rows quickly and in little memory", () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",");
    const bytes = Buffer.from(`${header}\n${"1,2\n".repeat(3000)}`);
    const before = memoryMiB();
    const started = performance.now();
    const error = refusal(() => tokenizeCsv(bytes, "wide.csv"));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(memoryMiB() - before).toBeLessThan(200);
    expect(error.message).toBe("wide.csv: the header has more than 100000 columns, the most bench reads.");
    expect(error.hint).toMatch(/BENCH_MAX_CSV_COLUMNS/);
  });

  it("refuses short rows that would need far more padding than the file has bytes", () => {
    // Under the column limit, but each 2-byte row would be padded with 99,999 empty cells.
    const header = Array.from({ length: 99_999 }, (_, i) => `c${i}`).join(",");
    const bytes = Buffer.from(`${header}\n${"1\n".repeat(3000)}`);
    const started = performance.now();
    const error = refusal(() => tokenizeCsv(bytes, "short.csv"));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(error.message).toMatch(/^short\.csv: by line \d+ short rows need more than 1048576 empty cells/);
  });

  it("refuses a table over the cell limit, naming it", () => {
    const csv = `a,b,c\n${"1,2,3\n".repeat(10)}`;
    expect(parseCsv(csv, "t.csv", { maxCells: 30 }).rowCount).toBe(10);
    const error = refusal(() => parseCsv(csv, "t.csv", { maxCells: 29 }));
    expect(error.message).toBe(
      "t.csv: by line 11 the table has more than 29 cells (rows × 3 columns), the most bench reads.",
    );
    expect(error.hint).toMatch(/BENCH_MAX_CSV_CELLS/);
  });

  it("refuses a row wider than the header without storing it, and quotes the header briefly", () => {
    const wideRow = `${"1,".repeat(5_000_000)}1\n`;
    const longName = "n".repeat(1_000_000);
    const error = refusal(() => parseCsv(`id,${longName}\n1,2\n${wideRow}`, "sub.csv"));
    expect(error.message).toBe(
      `sub.csv: line 3 has 5000001 fields but the header has 2 ("id,${"n".repeat(57)}…" (1000003 characters)).`,
    );
  });

  it("uses the documented defaults", () => {
    expect(DEFAULT_CSV_LIMITS).toEqual({
      maxBytes: 2 ** 31,
      maxFieldBytes: 16 * 1024 ** 2,
      maxColumns: 100_000,
      maxCells: 2 ** 28,
    });
  });
});
