import { describe, expect, it } from "vitest";
import { matthewsCorrcoef } from "./matthews-corrcoef.js";
import { metricError } from "./test-support/expect-metric-error.js";

describe("matthewsCorrcoef", () => {
  it("is (TP*TN - FP*FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) for two labels", () => {
    // TP = 3, TN = 4, FP = 1, FN = 2
    const truth = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const pred = [1, 1, 1, 0, 0, 0, 0, 0, 0, 1];
    const expected = (3 * 4 - 1 * 2) / Math.sqrt((3 + 1) * (3 + 2) * (4 + 1) * (4 + 2));
    expect(matthewsCorrcoef(truth, pred)).toBeCloseTo(expected, 15);
  });

  it("is 1 for a perfect and -1 for an inverted prediction", () => {
    expect(matthewsCorrcoef([0, 1, 1, 0], [0, 1, 1, 0])).toBe(1);
    expect(matthewsCorrcoef([0, 1, 1, 0], [1, 0, 0, 1])).toBe(-1);
  });

  it("is exactly 0 for a constant prediction (scikit-learn's zero-denominator rule)", () => {
    expect(matthewsCorrcoef([0, 1, 1, 0, 1], [0, 0, 0, 0, 0])).toBe(0);
    expect(matthewsCorrcoef([1, 1, 1], [0, 1, 0])).toBe(0);
  });

  it("uses the multiclass formula when a third label appears", () => {
    // C over labels 0,1,2: t = [2, 2, 0], p = [2, 1, 1], c = 3, s = 4
    const truth = [0, 0, 1, 1];
    const pred = [0, 0, 1, 2];
    const covTp = 3 * 4 - (2 * 2 + 2 * 1 + 0 * 1);
    const covPp = 16 - (4 + 1 + 1);
    const covTt = 16 - (4 + 4);
    expect(matthewsCorrcoef(truth, pred)).toBeCloseTo(covTp / Math.sqrt(covTt * covPp), 15);
  });

  it("accepts booleans and whole floats as labels", () => {
    expect(matthewsCorrcoef([0, 1, 1, 0], [false, true, true, false])).toBe(1);
    expect(matthewsCorrcoef(Float64Array.from([0, 1, 1, 0]), Float64Array.from([0, 1, 0, 0]))).toBeCloseTo(
      1 / Math.sqrt(3),
      15,
    );
  });

  it("rejects NaN, probabilities and text mixed with numbers, naming the position", () => {
    expect(metricError(() => matthewsCorrcoef([0, 1, 1], [0, Number.NaN, 1])).position).toBe(1);
    expect(metricError(() => matthewsCorrcoef([0, 1, 1], [0, 0.73, 1])).message).toMatch(/continuous|whole/);
    metricError(() => matthewsCorrcoef([0, 1, 1], ["a", "b", "a"]));
  });
});
