import { describe, expect, it } from "vitest";
import { interpolatedAp, lyftAveragePrecision } from "./lyft-average-precision.js";

describe("Lyft AP", () => {
  it("interpolates precision over recall changes", () => {
    expect(interpolatedAp([0.5, 0.5, 1], [1, 0.5, 2 / 3])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 15);
    expect(interpolatedAp([], [])).toBe(0);
  });

  it("does not fall back to the second-best truth box", () => {
    // two predictions both best on truth 0; the second is an FP although truth 1 is free.
    const ious = [Float64Array.of(0.9, 0.6), Float64Array.of(0.8, 0.7)];
    expect(lyftAveragePrecision(ious, 2, 0.5)).toBeCloseTo(0.5, 15);
    expect(lyftAveragePrecision(ious, 2, 0.95)).toBe(0);
  });
});
