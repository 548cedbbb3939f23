import { describe, expect, it } from "vitest";
import { pythonFloat } from "./python-float.js";

describe("pythonFloat (Python float())", () => {
  it("parses decimal, exponent and underscore spellings, ignoring surrounding whitespace", () => {
    expect(pythonFloat("1.5")).toBe(1.5);
    expect(pythonFloat(" -2e3\t")).toBe(-2000);
    expect(pythonFloat("1_000.25")).toBe(1000.25);
    expect(pythonFloat(".5")).toBe(0.5);
    expect(pythonFloat("5.")).toBe(5);
    expect(pythonFloat("+0")).toBe(0);
  });

  it("parses nan and infinities in any case", () => {
    expect(pythonFloat("NaN")).toBeNaN();
    expect(pythonFloat("-inf")).toBe(Number.NEGATIVE_INFINITY);
    expect(pythonFloat("Infinity")).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects what float() rejects", () => {
    for (const bad of ["", " ", "1,5", "0x10", "1e", "e5", "1__0", "_1", "infinit", "--1", "1 2", "."]) {
      expect(pythonFloat(bad), bad).toBeUndefined();
    }
  });
});
