import { describe, expect, it } from "vitest";
import { binomialUpperTail, testRegression } from "./regression-test.js";

/** Independent one-sided sign-flip p-value by recursion: the share of patterns with Σ ≥ observed. */
function enumeratedPValue(differences: readonly number[]): number {
  const observed = differences.reduce((a, b) => a + b, 0);
  let hits = 0;
  const walk = (i: number, sum: number): void => {
    if (i === differences.length) {
      if (sum >= observed - 1e-9) hits++;
      return;
    }
    walk(i + 1, sum + differences[i]!);
    walk(i + 1, sum - differences[i]!);
  };
  walk(0, 0);
  return hits / 2 ** differences.length;
}

describe("testRegression", () => {
  it("never calls identical results a regression", () => {
    const result = testRegression([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result).toMatchObject({ pairs: 9, ties: 9, drop: 0, pValue: 1, regression: false });
  });

  it("flags medal runs lost on several competitions: p is the binomial tail 2^-m", () => {
    // Six of nine paired runs lost their medal (100 → 0), three unchanged.
    const result = testRegression([100, 100, 100, 100, 100, 100, 0, 0, 0]);
    expect(result.pValue).toBeCloseTo(1 / 64, 15);
    expect(result.drop).toBeCloseTo(66.667, 3);
    expect(result).toMatchObject({ worse: 6, better: 0, ties: 3, method: "exact", regression: true });
  });

  it("is one-sided: B better than A is never a regression, however clear", () => {
    const result = testRegression([-100, -100, -100, -100, -100, -100]);
    expect(result.pValue).toBe(1);
    expect(result.regression).toBe(false);
  });

  it("needs p below alpha: four lost medals out of four (p = 1/16) pass at 0.05 but not at 0.1", () => {
    expect(testRegression([100, 100, 100, 100]).regression).toBe(false);
    expect(testRegression([100, 100, 100, 100], { alpha: 0.1 }).regression).toBe(true);
  });

  it("needs the drop to reach --min-effect", () => {
    const differences = [0.05, 0.04, 0.06, 0.05, 0.05, 0.04, 0.06, 0.05];
    expect(testRegression(differences).regression).toBe(true);
    expect(testRegression(differences, { minEffect: 0.1 }).regression).toBe(false);
    expect(testRegression(differences, { minEffect: 0.05 }).regression).toBe(true);
  });

  it("enumerates unequal differences exactly, counting ties with the observed sum", () => {
    const differences = [0.3, -0.1, 0.2, 0.2, 0.5, -0.4, 0.1, 0.0, 0.25];
    const result = testRegression(differences);
    expect(result.method).toBe("exact");
    expect(result.pValue).toBeCloseTo(enumeratedPValue(differences.filter((d) => d !== 0)), 15);
  });

  it("estimates by Monte Carlo beyond the exact limit, close to the enumeration, and reproducibly", () => {
    const differences = Array.from({ length: 18 }, (_, i) => ((i * 7) % 11) / 10 - 0.35);
    const exact = enumeratedPValue(differences.filter((d) => d !== 0));
    const sampled = testRegression(differences, { exactLimit: 4, permutations: 40_000, seed: 3 });
    expect(sampled.method).toBe("monte-carlo");
    expect(Math.abs(sampled.pValue - exact)).toBeLessThan(0.01);
    expect(testRegression(differences, { exactLimit: 4, permutations: 40_000, seed: 3 }).pValue).toBe(
      sampled.pValue,
    );
  });

  it("names the option and the value it rejects", () => {
    expect(() => testRegression([1], { alpha: 1.5 })).toThrow(/`alpha`.*got 1\.5/);
    expect(() => testRegression([1], { minEffect: -1 })).toThrow(/`minEffect`.*got -1/);
    expect(() => testRegression([])).toThrow(/at least one paired run/);
    expect(() => testRegression([Number.NaN])).toThrow(/finite.*NaN at index 0/);
  });
});

describe("binomialUpperTail", () => {
  it("is P(X ≥ k) for X ~ Binomial(m, 1/2)", () => {
    expect(binomialUpperTail(10, 9)).toBeCloseTo(11 / 1024, 15);
    expect(binomialUpperTail(10, 0)).toBe(1);
    expect(binomialUpperTail(10, 11)).toBe(0);
    expect(binomialUpperTail(3000, 1500)).toBeGreaterThan(0.5);
    expect(binomialUpperTail(3000, 3000)).toBe(0); // 2^-3000 underflows to 0, not NaN
  });
});
