import { describe, expect, it } from "vitest";
import { countInversions, PooledKendallTau } from "./kendall-tau-orders.js";
import { metricError } from "./test-support/expect-metric-error.js";

function bruteForce(values: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++) if (values[i]! > values[j]!) count++;
  return count;
}

describe("countInversions", () => {
  it("counts pairs i < j with v[i] > v[j], ties not counted", () => {
    expect(countInversions([])).toBe(0);
    expect(countInversions([0, 1, 2, 3])).toBe(0);
    expect(countInversions([3, 2, 1, 0])).toBe(6);
    expect(countInversions([1, 0, 3, 2])).toBe(2);
    expect(countInversions([2, 2, 1])).toBe(2);
  });

  it("agrees with the pairwise count on random arrays of every small length", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 1; n < 70; n++) {
      const values = Array.from({ length: n }, () => Math.floor(next() * n));
      expect(countInversions(values), `n=${n}`).toBe(bruteForce(values));
    }
  });

  it("leaves its input unchanged", () => {
    const values = [3, 1, 2];
    countInversions(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("handles a 100,000-item list in n log n time", () => {
    const n = 100_000;
    const reversed = Float64Array.from({ length: n }, (_, i) => n - i);
    const start = performance.now();
    expect(countInversions(reversed)).toBe((n * (n - 1)) / 2);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("PooledKendallTau", () => {
  it("pools inversions and pairs over lists instead of averaging per-list taus", () => {
    const tau = new PooledKendallTau();
    tau.add([0, 1, 2, 3]); // 0 inversions, 12 ordered pairs
    tau.add([1, 0]); // 1 inversion, 2 pairs
    tau.add([0]); // adds nothing
    expect(tau.score()).toBe(1 - (4 * 1) / 14);
  });

  it("is -1 for reversed lists and 1 for exact ones", () => {
    const reversed = new PooledKendallTau();
    reversed.add([2, 1, 0]);
    expect(reversed.score()).toBe(-1);
    const exact = new PooledKendallTau();
    exact.add([0, 1, 2]);
    expect(exact.score()).toBe(1);
  });

  it("fails like the reference (division by zero) when no list has two items", () => {
    const tau = new PooledKendallTau();
    tau.add([0]);
    expect(metricError(() => tau.score()).message).toMatch(/at most one item/);
  });
});
