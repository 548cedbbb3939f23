import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError } from "../../errors.js";
import type { Column } from "./column.js";
import { parseCsv, readCsvFile } from "./frame.js";

function col(csv: string, name: string): Column {
  const column = parseCsv(csv, "t.csv").column(name);
  if (!column) throw new Error(`no column ${name}`);
  return column;
}

function plain(column: Column): unknown[] {
  return Array.from(column.values as ArrayLike<unknown>);
}

describe("CSV type inference matches pandas.read_csv defaults", () => {
  it("reads integers, with surrounding spaces, as int64", () => {
    const c = col("id,x\n1, 2\n3,4\n", "x");
    expect(c.kind).toBe("int");
    expect(plain(c)).toEqual([2, 4]);
  });

  it("turns an integer column with a missing cell into float64 with NaN", () => {
    const c = col('id,x\n1,""\n3,4\n', "x");
    expect(c.kind).toBe("float");
    expect(plain(c)).toEqual([Number.NaN, 4]);
  });

  it("reads floats in every pandas spelling, infinities included", () => {
    const c = col("x\n1e3\n.5\n1.\n+5\ninf\n-Infinity\n", "x");
    expect(c.kind).toBe("float");
    expect(plain(c)).toEqual([1000, 0.5, 1, 5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });

  it("keeps quoted numbers numeric when the whole column is numeric", () => {
    const c = col('x\n"5"\n4\n', "x");
    expect(c.kind).toBe("int");
  });

  it("turns the whole column into text when one cell is not a number", () => {
    const c = col("x\n0x10\n4\n1_000\n", "x");
    expect(c.kind).toBe("object");
    expect(plain(c)).toEqual(["0x10", "4", "1_000"]);
  });

  it("reads the default NA strings as missing, including 'None' (pandas 2)", () => {
    const c = col("x\nNone\nNA\nnull\nabc\n", "x");
    expect(plain(c)).toEqual([null, null, null, "abc"]);
  });

  it("keeps whitespace-only and padded text as text", () => {
    const c = col("x\n  \n a\n", "x");
    expect(plain(c)).toEqual(["  ", " a"]);
  });

  it("reads True/False words as bool, and as object when a cell is missing", () => {
    expect(col("x\nTrue\nfalse\n", "x").kind).toBe("bool");
    expect(plain(col('x\nTrue\n""\n2\n', "x"))).toEqual(["True", null, "2"]);
    const withGap = parseCsv("id,x\n1,True\n2,\n", "t").column("x")!;
    expect(withGap.kind).toBe("object");
    expect(plain(withGap)).toEqual([true, null]);
  });

  it("keeps integers beyond int64 as text, as pandas does", () => {
    expect(col("x\n99999999999999999999\n", "x").kind).toBe("object");
    expect(col("x\n18446744073709551616\n1.5\n", "x").kind).toBe("object");
    expect(col("x\n-9223372036854775809\n", "x").kind).toBe("object");
    expect(col("x\n9223372036854775807\n", "x").kind).toBe("int");
    expect(col("x\n18446744073709551615\n", "x").kind).toBe("int"); // uint64 in pandas
  });
});

describe("CSV structure", () => {
  it("unescapes quoted fields with doubled quotes and embedded newlines", () => {
    const frame = parseCsv('a,b\n"x""y",1\n"b\nc",2\n', "t");
    expect(plain(frame.column("a")!)).toEqual(['x"y', "b\nc"]);
    expect(frame.rowCount).toBe(2);
    expect(frame.lineOf(1)).toBe(3);
  });

  it("keeps a quote inside an unquoted field literally", () => {
    expect(plain(col('id,x\n1,a"b\n', "x"))).toEqual(['a"b']);
  });

  it("skips blank lines, accepts CRLF and a missing final newline, drops a BOM", () => {
    const frame = parseCsv("\ufeffid,x\r\n\r\n1,2\r\n\n3,4", "t");
    expect(frame.columns).toEqual(["id", "x"]);
    expect(plain(frame.column("x")!)).toEqual([2, 4]);
    expect(frame.lineOf(1)).toBe(5);
  });

  it("pads short rows with missing values", () => {
    const c = col("id,x\n1\n3,4\n", "x");
    expect(c.kind).toBe("float");
    expect(plain(c)).toEqual([Number.NaN, 4]);
  });

  it("renames duplicated header names like pandas", () => {
    expect(parseCsv("id,id,x\n1,2,3\n", "t").columns).toEqual(["id", "id.1", "x"]);
  });

  it("rejects a row with more fields than the header, naming the line", () => {
    expect(() => parseCsv("id,x\n1,2\n3,4,5\n", "sub.csv")).toThrowError(/sub.csv: line 3 has 3 fields/);
  });

  it("rejects an empty file and an unterminated quote", () => {
    expect(() => parseCsv("", "e.csv")).toThrowError(BenchError);
    expect(() => parseCsv("\n\n", "e.csv")).toThrowError(/empty/);
    expect(() => parseCsv('a\n"open\n', "q.csv")).toThrowError(/never closed/);
  });

  it("reads a header-only file as zero rows", () => {
    const frame = parseCsv("id,x\n", "t");
    expect(frame.rowCount).toBe(0);
    expect(frame.column("id")!.kind).toBe("object");
  });

  it("decodes UTF-8 text", () => {
    expect(plain(col("after\nпривет\n", "after"))).toEqual(["привет"]);
  });

  it("refuses a file above the size limit with an error that says what to do", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-csv-"));
    const path = join(dir, "big.csv");
    writeFileSync(path, "id,x\n1,2\n");
    expect(() => readCsvFile(path, { maxBytes: 4 })).toThrowError(
      /the file is 9 bytes; bench reads only files smaller than 4 bytes/,
    );
    expect(readCsvFile(path).rowCount).toBe(1);
    expect(() => readCsvFile(join(dir, "nope.csv"))).toThrowError(/cannot open/);
  });
});
