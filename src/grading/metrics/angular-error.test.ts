import { describe, expect, it } from "vitest";
import { angularDistance, meanAngularError } from "./angular-error.js";

describe("angular error (IceCube)", () => {
  it("is 0 for the same direction and pi for the opposite one", () => {
    expect(angularDistance(1, 1, 1, 1)).toBeCloseTo(0, 7);
    expect(angularDistance(0.3, 0.4, 0.3 + Math.PI, Math.PI - 0.4)).toBeCloseTo(Math.PI, 7);
    expect(
      meanAngularError([0, 0], [Math.PI / 2, 0], [Math.PI / 2, 0], [Math.PI / 2, Math.PI / 2]),
    ).toBeCloseTo(Math.PI / 2, 12);
  });
});
