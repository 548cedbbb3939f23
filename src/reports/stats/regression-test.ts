// The regression gate of `bench compare A B --fail-on-regression`: is B (tonight's sweep, a new agent
// version) worse than A (last night's, the old version) by more than seed noise, on the runs both have?
//
// The decision rule, stated once here and repeated in `bench compare --help`:
// - The unit is a paired run: the same competition and seed on both sides (runs that only one side has
//   are left out). Its difference is d = value(A) − value(B) in the metric's own units. Every metric the
//   comparison offers is higher-is-better (a medal or median flag as 0 or 100, applied by the grader
//   with the competition's own direction; RE-bench's normalized score, which the formula already turns
//   the right way round), so d > 0 means B did worse.
// - drop = the mean of d over all pairs, ties included.
// - p = the one-sided sign-flip permutation p-value of Σd: if B is no worse than A, the two runs of a
//   pair are exchangeable, so each d is as likely to carry either sign; p = P(Σ ±dᵢ ≥ Σ dᵢ) over the
//   2^m sign patterns of the m non-zero differences. Exact when those differences all have the same
//   size (medal flags: a binomial tail) or when m ≤ `exactLimit`; otherwise Monte Carlo with a fixed
//   seed and p = (hits + 1)/(draws + 1), never 0.
// - Regression ⇔ p < alpha, and drop > 0, and drop ≥ minEffect.
// Identical results give d = 0 everywhere, drop = 0 and p = 1: never a regression.
//
// `bench compare`'s own verdict (stats/paired-comparison.ts) asks a different, two-sided question with
// competitions as the unit: does A beat B on competitions in general? A gate watches one fixed set of
// competitions, so its unit of replication is the run: a handful of competitions with a few seeds each
// is then enough to show a regression, and the answer speaks about those competitions only.

import { createRandom } from "./random.js";

export interface RegressionTestOptions {
  /** One-sided significance level, in (0, 1). Default 0.05. */
  alpha?: number;
  /** Smallest drop (mean of A − B, in the metric's units) that counts as a regression. Default 0. */
  minEffect?: number;
  /** Largest number of non-zero differences whose sign patterns are enumerated. Default 20. */
  exactLimit?: number;
  /** Monte Carlo sign patterns beyond `exactLimit`. Default 100000. */
  permutations?: number;
  /** Seed of the Monte Carlo patterns. Default 0. */
  seed?: number;
}

export interface RegressionTest {
  /** Paired runs tested (ties included). */
  pairs: number;
  /** Pairs where B did worse, better, the same. */
  worse: number;
  better: number;
  ties: number;
  /** Mean of A − B over the pairs: how much worse B is (negative: B is better). */
  drop: number;
  /** One-sided p-value of "B is worse". */
  pValue: number;
  method: "exact" | "monte-carlo";
  alpha: number;
  minEffect: number;
  regression: boolean;
}

function checkOptions(options: RegressionTestOptions) {
  const { alpha = 0.05, minEffect = 0, exactLimit = 20, permutations = 100_000, seed = 0 } = options;
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(`Expected \`alpha\` to be a number between 0 and 1, got ${String(alpha)}`);
  }
  if (!(Number.isFinite(minEffect) && minEffect >= 0)) {
    throw new RangeError(`Expected \`minEffect\` to be a finite number ≥ 0, got ${String(minEffect)}`);
  }
  if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > 26) {
    throw new RangeError(`Expected \`exactLimit\` to be an integer in [0, 26], got ${String(exactLimit)}`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`Expected \`permutations\` to be a positive integer, got ${String(permutations)}`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new TypeError(`Expected \`seed\` to be an integer, got ${String(seed)}`);
  }
  return { alpha, minEffect, exactLimit, permutations, seed };
}

/** P(X ≥ k) for X ~ Binomial(m, 1/2), summed in log space so that m in the thousands cannot underflow. */
export function binomialUpperTail(m: number, k: number): number {
  if (k <= 0) return 1;
  if (k > m) return 0;
  // log P(X = k), then the terms above it.
  let logTerm = -m * Math.LN2;
  for (let x = 1; x <= k; x++) logTerm += Math.log((m - x + 1) / x);
  let tail = 0;
  for (let x = k; x <= m; x++) {
    tail += Math.exp(logTerm);
    logTerm += Math.log((m - x) / (x + 1));
  }
  return Math.min(1, tail);
}

function oneSidedPValue(
  nonZero: readonly number[],
  exactLimit: number,
  permutations: number,
  seed: number,
): { pValue: number; method: "exact" | "monte-carlo" } {
  const m = nonZero.length;
  if (m === 0) return { pValue: 1, method: "exact" };
  let observed = 0;
  let scale = 0;
  for (const d of nonZero) {
    observed += d;
    scale += Math.abs(d);
  }
  const size = Math.abs(nonZero[0]!);
  if (nonZero.every((d) => Math.abs(d) === size)) {
    // Σ±d ≥ Σd ⇔ at least as many positive signs as observed: a binomial tail, exact for any m.
    return { pValue: binomialUpperTail(m, nonZero.filter((d) => d > 0).length), method: "exact" };
  }
  // Sums equal to the observed one in exact arithmetic can differ by rounding: count them as hits.
  const threshold = observed - 1e-9 * scale;
  if (m <= exactLimit) {
    let hits = 0;
    const patterns = 2 ** m;
    for (let mask = 0; mask < patterns; mask++) {
      let total = 0;
      for (let j = 0; j < m; j++) total += (mask >>> j) & 1 ? -nonZero[j]! : nonZero[j]!;
      if (total >= threshold) hits++;
    }
    return { pValue: hits / patterns, method: "exact" };
  }
  const random = createRandom(seed);
  let hits = 0;
  // One draw of the generator gives the signs of 32 differences (its bits, lowest first).
  for (let draw = 0; draw < permutations; draw++) {
    let total = 0;
    let bits = 0;
    for (let j = 0; j < m; j++) {
      if ((j & 31) === 0) bits = random.nextUint32();
      total += (bits >>> (j & 31)) & 1 ? -nonZero[j]! : nonZero[j]!;
    }
    if (total >= threshold) hits++;
  }
  return { pValue: (hits + 1) / (permutations + 1), method: "monte-carlo" };
}

/** Tests whether B is worse than A, given each paired run's difference A − B (see the rule above). */
export function testRegression(
  differences: readonly number[],
  options: RegressionTestOptions = {},
): RegressionTest {
  const { alpha, minEffect, exactLimit, permutations, seed } = checkOptions(options);
  if (differences.length === 0) {
    throw new RangeError("Expected at least one paired run, got none");
  }
  for (const [i, d] of differences.entries()) {
    if (!Number.isFinite(d)) {
      throw new RangeError(`Expected finite differences, got ${String(d)} at index ${i}`);
    }
  }
  const nonZero = differences.filter((d) => d !== 0);
  const worse = nonZero.filter((d) => d > 0).length;
  const drop = differences.reduce((total, d) => total + d, 0) / differences.length;
  const { pValue, method } = oneSidedPValue(nonZero, exactLimit, permutations, seed);
  return {
    pairs: differences.length,
    worse,
    better: nonZero.length - worse,
    ties: differences.length - nonZero.length,
    drop,
    pValue,
    method,
    alpha,
    minEffect,
    // A drop equal to minEffect in exact arithmetic can come out a hair below it as a float mean.
    regression: pValue < alpha && drop > 0 && drop >= minEffect * (1 - 1e-9),
  };
}
