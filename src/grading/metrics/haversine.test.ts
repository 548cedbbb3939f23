import { describe, expect, it } from "vitest";
import { haversineMetres, quantileLinear } from "./haversine.js";

describe("haversineMetres and quantileLinear", () => {
  it("measures one degree of latitude on the 6,371 km sphere", () => {
    expect(haversineMetres(0, 0, 1, 0)).toBeCloseTo((6371000 * Math.PI) / 180, 6);
    expect(haversineMetres(37.4, -122.1, 37.4, -122.1)).toBe(0);
  });

  it("interpolates as numpy.quantile's 'linear' method", () => {
    expect(quantileLinear([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantileLinear([0, 10], 0.95)).toBeCloseTo(9.5, 15);
    expect(quantileLinear([1, Number.NaN, 3], 0.5)).toBeNaN();
  });
});
