import { describe, expect, it } from "vitest";
import { laplaceLogLikelihood } from "./laplace-log-likelihood.js";

describe("laplaceLogLikelihood (OSIC)", () => {
  it("clips the confidence at 70 and the error at 1000", () => {
    expect(laplaceLogLikelihood(2000, 2000, 10)).toBeCloseTo(-Math.log(70 * Math.SQRT2), 12);
    expect(laplaceLogLikelihood(2000, 5000, 100)).toBeCloseTo(
      (-Math.SQRT2 * 1000) / 100 - Math.log(Math.SQRT2 * 100),
      12,
    );
    expect(laplaceLogLikelihood(Number.NaN, 1, 100)).toBeNaN();
  });
});
