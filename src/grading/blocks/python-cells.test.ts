import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import {
  astypeStrCell,
  firstTokenInteger,
  intCells,
  pythonInt,
  splitTextCells,
  textCells,
  truncationNote,
} from "./python-cells.js";

const frame = (csv: string) => parseCsv(csv, "s.csv");

describe("pythonInt (Python int() on text)", () => {
  it("accepts spaces, a sign, leading zeros and single underscores between digits", () => {
    expect(pythonInt(" 12 ")).toBe(12);
    expect(pythonInt("+07")).toBe(7);
    expect(pythonInt("-3")).toBe(-3);
    expect(pythonInt("1_000")).toBe(1000);
  });
  it("rejects what int() rejects", () => {
    for (const bad of ["12.0", "1e3", "", "abc", "1__0", "_1", "1_", "0x10", "3,4", "+", "\ufeff7"]) {
      expect(pythonInt(bad), bad).toBeUndefined();
      expect(pythonInt(bad, { asciiDigits: true }), bad).toBeUndefined();
    }
  });
  it("takes Unicode decimal digits as int() does, unless asked for ASCII digits only", () => {
    expect(pythonInt("٣")).toBe(3);
    expect(pythonInt("१२")).toBe(12);
    expect(pythonInt("+4")).toBe(4);
    expect(pythonInt("1_000", { asciiDigits: true })).toBe(1000);
    expect(pythonInt(" -3 ", { asciiDigits: true })).toBe(-3);
    expect(pythonInt("٣", { asciiDigits: true })).toBeUndefined();
  });
});

describe("firstTokenInteger (Python int(text.split()[0]))", () => {
  it("takes the first whitespace-separated token", () => {
    expect(firstTokenInteger("12 7 33 4 5")).toBe(12);
    expect(firstTokenInteger("  5\t6\n")).toBe(5);
    expect(firstTokenInteger("\x1c7 8")).toBe(7); // \x1c is whitespace to Python, not to JavaScript's \s
    expect(firstTokenInteger("١٢ 3")).toBe(12);
  });
  it("is undefined where Python raises: a blank text, or a first token that is not an int", () => {
    for (const text of ["", "   ", "5.0 1", "\ufeff7 1"])
      expect(firstTokenInteger(text), text).toBeUndefined();
  });
});

describe("intCells ([int(v) for v in column])", () => {
  it("truncates floats toward zero and counts them", () => {
    const f = frame("y\n1.9\n-0.5\n3\n");
    const cells = intCells(f, "y");
    expect(Array.from(cells.values)).toEqual([1, 0, 3]);
    expect(cells.truncated).toBe(2);
    expect(truncationNote(f, "y", cells)[0]).toMatch(/row 1 \(line 2\)/);
  });
  it("parses a text column of integer literals and rejects empty and non-integer cells", () => {
    expect(Array.from(intCells(frame("y\n1_0\n 2\n"), "y").values)).toEqual([10, 2]);
    expect(() => intCells(frame("i,y\n0,1\n1,\n"), "y")).toThrow(/row 2/);
    expect(() => intCells(frame("y\n1\ninf\n"), "y")).toThrow(InvalidSubmission);
    expect(() => intCells(frame("y\n1\n2.0x\n"), "y")).toThrow(/not an integer/);
  });
});

describe("splitTextCells (fillna('').str.split())", () => {
  it("splits text on Python whitespace, missing cells give no token", () => {
    expect(splitTextCells(frame('i,t\n0,"a  b\tc"\n1,\n2,NA\n'), "t", "")).toEqual([["a", "b", "c"], [], []]);
  });
  it("treats a column with no value as all empty, and rejects a numeric column", () => {
    expect(splitTextCells(frame("i,t\n0,\n1,\n"), "t", "")).toEqual([[], []]);
    expect(() => splitTextCells(frame("t\n1\n2\n"), "t", "fix it")).toThrow(/number column.*fix it/);
    expect(() => splitTextCells(frame("i,t\n0,\n1,2\n"), "t", "")).toThrow(/e\.g\. 2 at row 2/);
  });
});

describe("textCells and astypeStrCell", () => {
  it("keeps text, turns missing into '' only with fillna, and rejects numbers", () => {
    expect(textCells(frame("i,t\n0,a\n1,\n"), "t", true, "")).toEqual(["a", ""]);
    expect(() => textCells(frame("i,t\n0,a\n1,\n"), "t", false, "write text")).toThrow(/row 2.*write text/);
    expect(() => textCells(frame("t\n1\n2\n"), "t", true, "")).toThrow(/read as numbers/);
  });
  it("renders cells as pandas' astype(str)", () => {
    const f = frame("i,f,s,b\n706016001,5,x,True\n1,,,False\n");
    const col = (name: string) => f.column(name)!;
    expect([astypeStrCell(col("i"), 0), astypeStrCell(col("f"), 0), astypeStrCell(col("f"), 1)]).toEqual([
      "706016001",
      "5.0",
      "nan",
    ]);
    expect([astypeStrCell(col("s"), 1), astypeStrCell(col("s"), 1, ""), astypeStrCell(col("b"), 0)]).toEqual([
      "nan",
      "",
      "True",
    ]);
  });
});
