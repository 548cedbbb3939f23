import { describe, expect, it } from "vitest";
import { joinIntegerIds } from "./integer-id-join.js";

describe("joinIntegerIds (alignById's fast path for whole-number ids)", () => {
  it("pairs each answers row with the submission row of the same id", () => {
    const out = joinIntegerIds(Float64Array.of(30, 10, 20), Float64Array.of(20, 30, 10));
    expect([...out!]).toEqual([1, 2, 0]);
  });

  it("pairs repeated ids in file order on both sides", () => {
    const out = joinIntegerIds(Float64Array.of(7, 9, 7), Float64Array.of(7, 7, 9));
    expect([...out!]).toEqual([0, 2, 1]);
  });

  it("handles negative ids and 10-digit ids", () => {
    expect([...joinIntegerIds(Float64Array.of(-5, 3), Float64Array.of(3, -5))!]).toEqual([1, 0]);
    const big = Float64Array.of(4294431242, 568657, 1000010653);
    expect([...joinIntegerIds(big, Float64Array.of(1000010653, 4294431242, 568657))!]).toEqual([1, 2, 0]);
  });

  it("returns null for the general path: different multisets, non-integers, NaN, keys beyond 2^53", () => {
    expect(joinIntegerIds(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 2))).toBeNull();
    expect(joinIntegerIds(Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 4))).toBeNull();
    expect(joinIntegerIds(Float64Array.of(1, 2), Float64Array.of(1, 2.5))).toBeNull();
    expect(joinIntegerIds(Float64Array.of(1, 2), Float64Array.of(1, Number.NaN))).toBeNull();
    expect(joinIntegerIds(Float64Array.of(0, 2 ** 52), Float64Array.of(2 ** 52, 0))).toBeNull();
    expect(joinIntegerIds(Float64Array.of(1), Float64Array.of(1, 1))).toBeNull();
  });

  it("agrees with a Map join on shuffled random ids with repeats", () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(rand() * 300);
      const answers = Float64Array.from({ length: n }, () => Math.floor(rand() * n * 3) - n);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      const submission = Float64Array.from(order, (i) => answers[i]!);
      const out = joinIntegerIds(answers, submission)!;
      // same id, and each submission row used once
      expect(new Set(out).size).toBe(n);
      out.forEach((s, r) => {
        expect(submission[s]).toBe(answers[r]);
      });
    }
  });
});
