import { describe, expect, it } from "vitest";
import { KL_EPS, klDivergence } from "./kl-divergence.js";

describe("klDivergence (hms)", () => {
  it("is 0 for a perfect prediction and sums y ln(y/p) over non-zero classes", () => {
    expect(klDivergence([[0.5], [0.5], [0]], [[0.5], [0.5], [0]])).toBe(0);
    // one row: y = (0.5, 0.5, 0), p = (0.25, 0.25, 0.5) -> 0.5 ln 2 + 0.5 ln 2 = ln 2
    expect(klDivergence([[0.5], [0.5], [0]], [[0.25], [0.25], [0.5]])).toBeCloseTo(Math.LN2, 15);
  });

  it("clips at 1e-15: all mass on a zero-probability class costs ln(1e15)", () => {
    expect(klDivergence([[1], [0]], [[0], [1]])).toBeCloseTo(-Math.log(KL_EPS), 12);
    expect(-Math.log(KL_EPS)).toBeCloseTo(34.5388, 4);
  });

  it("skips the NaN term of a row (pandas' row sum) and means over rows", () => {
    const solution = [
      [0.5, 1],
      [0.5, 0],
    ];
    const submission = [
      [Number.NaN, 1],
      [0.5, 0],
    ];
    // row 0: NaN term dropped, 0.5 ln(0.5/0.5) = 0; row 1: 1 ln(1/(1-1e-15)) ~ 1e-15
    expect(klDivergence(solution, submission)).toBeCloseTo(0, 12);
  });

  it("rejects mismatched shapes", () => {
    expect(() => klDivergence([[1]], [[1], [0]])).toThrow();
    expect(() => klDivergence([[1, 0]], [[1]])).toThrow();
  });
});
