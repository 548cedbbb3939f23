import { describe, expect, it } from "vitest";
import type { Column } from "../csv/column.js";
import { alignDenseIntegerIds } from "./dense-id-align.js";

const ints = (v: number[]): Column => ({ kind: "int", values: Float64Array.from(v) });
const floats = (v: number[]): Column => ({ kind: "float", values: Float64Array.from(v) });

describe("alignDenseIntegerIds", () => {
  it("pairs the same whole-number ids in any order; 5.0 equals 5", () => {
    expect(Array.from(alignDenseIntegerIds(ints([10, 11, 13]), floats([13, 10, 11]))!)).toEqual([1, 2, 0]);
  });

  it("declines (undefined) on a repeated, unknown, fractional or missing id, or another row count", () => {
    const answers = ints([1, 2, 3]);
    expect(alignDenseIntegerIds(answers, ints([1, 1, 3]))).toBeUndefined();
    expect(alignDenseIntegerIds(answers, ints([1, 2, 4]))).toBeUndefined();
    expect(alignDenseIntegerIds(answers, floats([1, 2, 2.5]))).toBeUndefined();
    expect(alignDenseIntegerIds(answers, floats([1, 2, Number.NaN]))).toBeUndefined();
    expect(alignDenseIntegerIds(answers, ints([1, 2]))).toBeUndefined();
    expect(alignDenseIntegerIds(answers, { kind: "object", values: ["1", "2", "3"] })).toBeUndefined();
  });

  it("declines ids too sparse for a table", () => {
    expect(alignDenseIntegerIds(ints([0, 2 ** 40]), ints([0, 2 ** 40]))).toBeUndefined();
  });

  it("pairs 600,000 shuffled ids quickly", () => {
    const n = 600_000;
    const ids = Float64Array.from({ length: n }, (_, i) => i + 1);
    const shuffled = Float64Array.from(ids).reverse();
    const start = performance.now();
    const paired = alignDenseIntegerIds({ kind: "int", values: ids }, { kind: "int", values: shuffled })!;
    expect(performance.now() - start).toBeLessThan(1000);
    expect(paired[0]).toBe(n - 1);
  });
});
