import { describe, expect, it } from "vitest";
import { decodeRle, intersectionArea, parsePythonInt, type RunMask, unionMask } from "./rle-decode.js";

const runs = (text: string, pixels = 100): number[] => {
  const r = decodeRle(text, pixels);
  if (!r.ok) throw new Error(r.reason);
  return Array.from(r.mask.runs);
};
const reason = (text: string, pixels = 100): string => {
  const r = decodeRle(text, pixels);
  if (r.ok) throw new Error(`expected a failure for ${JSON.stringify(text)}`);
  return r.reason;
};
const mask = (...pairs: number[]): RunMask => ({
  runs: Float64Array.from(pairs),
  area: pairs.reduce((a, v, i) => (i % 2 ? a + v - pairs[i - 1]! : a), 0),
});

describe("decodeRle (mlebench rle_decode)", () => {
  it("turns 1-based start/length pairs into 0-based end-exclusive runs", () => {
    expect(runs("1 3 10 5")).toEqual([0, 3, 9, 14]);
    expect(decodeRle("1 3 10 5", 100)).toMatchObject({ ok: true, mask: { area: 8 } });
  });

  it("reads blank and whitespace-only text as an empty mask", () => {
    expect(runs("")).toEqual([]);
    expect(runs(" \t\n")).toEqual([]);
  });

  it("splits on any Python whitespace and accepts int() spellings", () => {
    expect(runs(" 10\t 3\u00a0 40 2 ")).toEqual([9, 12, 39, 41]);
    expect(runs("+10 1_0")).toEqual([9, 19]);
  });

  it("follows numpy broadcasting for odd token counts", () => {
    expect(runs("7")).toEqual([]); // one start, no length: no run
    expect(runs("5 2 20")).toEqual([4, 6, 19, 21]); // the single length serves both starts
    expect(reason("1 2 10 2 30")).toMatch(/odd number of tokens \(5\)/);
  });

  it("merges touching runs and cuts runs at the end of the image", () => {
    expect(runs("10 5 15 3")).toEqual([9, 17]);
    expect(runs("95 20")).toEqual([94, 100]);
    expect(runs("5 2 500 3")).toEqual([4, 6]); // a run starting past the end paints nothing
  });

  it("rejects what the reference rejects, saying why", () => {
    expect(reason("10 3.0")).toMatch(/"3.0", is not a whole number/);
    expect(reason("50 2 10 2")).toMatch(/not in increasing order/);
    expect(reason("10 5 12 3")).toMatch(/overlaps an earlier run/);
    expect(reason("10 0")).toMatch(/length 0 .* not positive/);
    expect(reason("0 3")).toMatch(/start 0 .* not positive/);
    expect(reason("-1")).toMatch(/start -1/); // even a lone start must be positive
  });

  it("checks overlaps only inside the image, as the numpy slice does", () => {
    expect(runs("200 5 201 5")).toEqual([]);
    expect(reason("99 5 100 5")).toMatch(/overlaps/);
  });
});

describe("parsePythonInt", () => {
  it("accepts what int() accepts for ASCII tokens", () => {
    expect(parsePythonInt("007")).toBe(7);
    expect(parsePythonInt("-3")).toBe(-3);
    expect(parsePythonInt("1_000")).toBe(1000);
    for (const bad of ["1e3", "3.0", "_1", "1__0", "1_", "", "0x10", "abc"])
      expect(parsePythonInt(bad)).toBeUndefined();
  });
});

describe("intersectionArea and unionMask", () => {
  it("counts overlapping pixels of two run lists", () => {
    expect(intersectionArea(mask(0, 10, 20, 30), mask(5, 25))).toBe(10);
    expect(intersectionArea(mask(0, 10), mask(10, 20))).toBe(0);
    expect(intersectionArea(mask(), mask(0, 5))).toBe(0);
  });

  it("ORs masks into sorted disjoint runs", () => {
    const u = unionMask([mask(0, 5, 20, 25), mask(3, 8), mask(8, 10)]);
    expect(Array.from(u.runs)).toEqual([0, 10, 20, 25]);
    expect(u.area).toBe(15);
  });
});
