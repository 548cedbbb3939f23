import { describe, expect, it } from "vitest";
import { firstToken, isPythonSpace, splitSpace, splitWhitespace, stripWhitespace } from "./python-split.js";

describe("splitWhitespace (Python str.split())", () => {
  it("splits on runs of whitespace and drops the ends", () => {
    expect(splitWhitespace("  c#  asp.net\tc++\n")).toEqual(["c#", "asp.net", "c++"]);
    expect(splitWhitespace("")).toEqual([]);
    expect(splitWhitespace(" \t\n ")).toEqual([]);
  });

  it("uses Python's whitespace set, not JavaScript's", () => {
    expect(splitWhitespace("a\u0085b\u00a0c\u001fd\u3000e")).toEqual(["a", "b", "c", "d", "e"]);
    expect(splitWhitespace("a\ufeffb\u200bc\u180ed")).toEqual(["a\ufeffb\u200bc\u180ed"]);
  });

  it("agrees with Python's isspace on every BMP whitespace candidate", () => {
    const python = new Set([
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
      0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
    ]);
    const disagreements: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPythonSpace(c) !== python.has(c)) disagreements.push(c);
    expect(disagreements).toEqual([]);
  });
});

describe("splitSpace (Python str.split(' '))", () => {
  it("keeps empty tokens and treats tabs as ordinary characters", () => {
    expect(splitSpace("a  b")).toEqual(["a", "", "b"]);
    expect(splitSpace(" a ")).toEqual(["", "a", ""]);
    expect(splitSpace("")).toEqual([""]);
    expect(splitSpace("a\tb c")).toEqual(["a\tb", "c"]);
  });
});

describe("stripWhitespace (Python str.strip())", () => {
  it("strips Python whitespace only", () => {
    expect(stripWhitespace(" \u00a0 12:15 \n")).toBe("12:15");
    expect(stripWhitespace("\ufeffYES")).toBe("\ufeffYES");
    expect(stripWhitespace("   ")).toBe("");
  });
});

describe("firstToken (Python str.split()[0])", () => {
  it("skips leading Python whitespace and stops at the next", () => {
    expect(firstToken("12 7 33")).toBe("12");
    expect(firstToken("\x1c7 8")).toBe("7"); // \x1c is whitespace to Python, not to JavaScript's \s
    expect(firstToken("\ufeff7")).toBe("\ufeff7"); // and \ufeff is whitespace to JavaScript only
    expect(firstToken("\u30007\u3000")).toBe("7");
  });
  it("is undefined for a blank text (IndexError in Python)", () => {
    expect(firstToken("")).toBeUndefined();
    expect(firstToken(" \t\n")).toBeUndefined();
  });
});
