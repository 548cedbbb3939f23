import { describe, expect, it } from "vitest";
import { cornerBoxIou } from "./box-iou.js";
import { cMax, cMin, pyMax, pyMin } from "./first-argument-min-max.js";

describe("cornerBoxIou (SIIM-COVID19)", () => {
  it("scores corner boxes, 0 without overlap or with a non-positive union", () => {
    expect(cornerBoxIou(0, 0, 10, 10, 0, 0, 10, 5)).toBe(0.5);
    expect(cornerBoxIou(0, 0, 1, 1, 2, 2, 3, 3)).toBe(0);
    expect(cornerBoxIou(0, 0, 0, 0, 0, 0, 0, 0)).toBe(0);
  });
});

describe("first-argument min and max", () => {
  it("follow Python's builtins and the C macros on NaN", () => {
    expect(pyMax(0, Number.NaN)).toBe(0);
    expect(pyMax(Number.NaN, 0)).toBeNaN();
    expect(pyMin(1, Number.NaN)).toBe(1);
    expect(cMin(Number.NaN, 1)).toBe(1);
    expect(cMax(1, Number.NaN)).toBeNaN();
    expect(pyMax(2, 3)).toBe(3);
    expect(cMin(2, 3)).toBe(2);
  });
});
