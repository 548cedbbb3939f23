// Paired comparison of two agents over the competitions both ran: is A's lead over B more than seed
// noise? Feeds the one-sentence verdict of `bench report --compare`.
//
// Per shared competition, the difference of the two agents' mean scores over their seeds (A − B); then
// - the mean of those differences;
// - a percentile bootstrap 95% interval resampling competitions with replacement (seeded, reproducible);
// - a two-sided paired sign-flip permutation test (Fisher's randomization test): under "no difference"
//   each competition's difference is as likely to have either sign. Exact over all 2^m sign patterns for
//   m ≤ 20 competitions, otherwise Monte Carlo with a seed and p = (hits + 1)/(draws + 1) so that p is
//   never 0 (Phipson & Smyth 2010);
// - a two-sided exact sign test (binomial, ties dropped), which ignores magnitudes.
// Competitions are the unit of replication: seeds only enter through each competition's mean.

import { countText } from "../format/count-text.js";
import { percentileInterval } from "./percentile-interval.js";
import { createRandom } from "./random.js";
import type { Interval } from "./summary.js";

export interface CompetitionScores {
  competition: string;
  /** One score per seed (e.g. a percentage, or 0/1 for a medal). */
  scores: readonly number[];
}

export interface CompetitionDifference {
  competition: string;
  meanA: number;
  meanB: number;
  /** meanA − meanB. */
  difference: number;
  seedsA: number;
  seedsB: number;
}

export interface PairedComparisonOptions {
  /** Bootstrap resamples of the competitions. Default 10000. */
  resamples?: number;
  /** Monte Carlo sign patterns when there are more than `exactLimit` competitions. Default 100000. */
  permutations?: number;
  /** Largest number of competitions enumerated exactly (2^m patterns). Default 20. */
  exactLimit?: number;
  /** Seed of the bootstrap and the Monte Carlo permutations. Default 0. */
  seed?: number;
  /** Coverage of the bootstrap interval. Default 0.95. */
  confidence?: number;
}

export interface SignTest {
  positive: number;
  negative: number;
  ties: number;
  pValue: number;
}

export interface PairedComparison {
  /** Shared competitions, sorted. */
  competitions: string[];
  differences: CompetitionDifference[];
  meanDifference: number;
  /** Percentile bootstrap interval of the mean difference. */
  interval: Interval;
  confidence: number;
  permutationPValue: number;
  permutationMethod: "exact" | "monte-carlo";
  signTest: SignTest;
  /** Competitions only one agent ran: left out of every statistic above. */
  onlyA: string[];
  onlyB: string[];
  /** Smallest and largest seed count over both agents and the shared competitions. */
  seeds: { min: number; max: number };
}

function byCompetition(rows: readonly CompetitionScores[], agent: string): Map<string, readonly number[]> {
  const map = new Map<string, readonly number[]>();
  for (const { competition, scores } of rows) {
    if (map.has(competition)) {
      throw new TypeError(`Expected each competition once for agent ${agent}, got "${competition}" twice`);
    }
    if (scores.length === 0) {
      throw new RangeError(`Expected at least one score for agent ${agent} on "${competition}", got none`);
    }
    for (const score of scores) {
      if (!Number.isFinite(score)) {
        throw new RangeError(
          `Expected finite scores for agent ${agent} on "${competition}", got ${String(score)}; ` +
            "count a failed run as its worst score (0) before comparing",
        );
      }
    }
    map.set(competition, scores);
  }
  return map;
}

function average(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

function checkPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`Expected \`${name}\` to be a positive integer, got ${String(value)}`);
  }
}

/** Two-sided exact binomial sign test of `positive` against `negative` (ties already dropped). */
export function signTestPValue(positive: number, negative: number): number {
  const m = positive + negative;
  if (m === 0) return 1;
  const smaller = Math.min(positive, negative);
  // P(X ≤ smaller) for X ~ Binomial(m, 1/2), in log space so that m in the thousands cannot underflow.
  let logTerm = -m * Math.LN2; // log P(X = 0)
  let tail = Math.exp(logTerm);
  for (let x = 1; x <= smaller; x++) {
    logTerm += Math.log((m - x + 1) / x);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** Two-sided sign-flip permutation p-value of the mean of `differences`. */
function permutationPValue(
  differences: Float64Array,
  exactLimit: number,
  permutations: number,
  seed: number,
): { pValue: number; method: "exact" | "monte-carlo" } {
  const m = differences.length;
  let observed = 0;
  let scale = 0;
  for (const d of differences) {
    observed += d;
    scale += Math.abs(d);
  }
  if (scale === 0) return { pValue: 1, method: m <= exactLimit ? "exact" : "monte-carlo" };
  // Sums that equal the observed one in exact arithmetic can differ by rounding: count them as hits.
  const threshold = Math.abs(observed) - 1e-9 * scale;

  if (m <= exactLimit) {
    let hits = 0;
    const patterns = 2 ** m;
    for (let mask = 0; mask < patterns; mask++) {
      let total = 0;
      for (let j = 0; j < m; j++) total += (mask >>> j) & 1 ? -differences[j]! : differences[j]!;
      if (Math.abs(total) >= threshold) hits++;
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
      total += (bits >>> (j & 31)) & 1 ? -differences[j]! : differences[j]!;
    }
    if (Math.abs(total) >= threshold) hits++;
  }
  return { pValue: (hits + 1) / (permutations + 1), method: "monte-carlo" };
}

/** Compares agent A with agent B over the competitions both have scores for. */
export function comparePaired(
  a: readonly CompetitionScores[],
  b: readonly CompetitionScores[],
  options: PairedComparisonOptions = {},
): PairedComparison {
  const {
    resamples = 10_000,
    permutations = 100_000,
    exactLimit = 20,
    seed = 0,
    confidence = 0.95,
  } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new TypeError(`Expected \`seed\` to be an integer, got ${String(seed)}`);
  }
  checkPositiveInteger(resamples, "resamples");
  checkPositiveInteger(permutations, "permutations");
  if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > 26) {
    throw new RangeError(`Expected \`exactLimit\` to be an integer in [0, 26], got ${String(exactLimit)}`);
  }
  const mapA = byCompetition(a, "A");
  const mapB = byCompetition(b, "B");
  const competitions = [...mapA.keys()].filter((id) => mapB.has(id)).sort();
  const onlyA = [...mapA.keys()].filter((id) => !mapB.has(id)).sort();
  const onlyB = [...mapB.keys()].filter((id) => !mapA.has(id)).sort();
  if (competitions.length === 0) {
    throw new RangeError("Expected the two agents to share at least one competition, got none");
  }

  const differences = competitions.map((competition) => {
    const scoresA = mapA.get(competition)!;
    const scoresB = mapB.get(competition)!;
    const meanA = average(scoresA);
    const meanB = average(scoresB);
    return {
      competition,
      meanA,
      meanB,
      difference: meanA - meanB,
      seedsA: scoresA.length,
      seedsB: scoresB.length,
    };
  });
  const d = Float64Array.from(differences, (row) => row.difference);
  const m = d.length;
  const meanDifference = d.reduce((total, value) => total + value, 0) / m;

  const random = createRandom(seed);
  const boot = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let i = 0; i < m; i++) total += d[random.nextInt(m)]!;
    boot[r] = total / m;
  }
  const interval = percentileInterval(boot, confidence);

  // A different stream for the permutations, so that changing `resamples` does not move the p-value.
  const permutationSeed = (Number(BigInt.asUintN(32, BigInt(seed))) ^ 0x5bd1e995) >>> 0;
  const permutation = permutationPValue(d, exactLimit, permutations, permutationSeed);

  let positive = 0;
  let negative = 0;
  for (const value of d) {
    if (value > 0) positive++;
    else if (value < 0) negative++;
  }
  const seedCounts = differences.flatMap((row) => [row.seedsA, row.seedsB]);

  return {
    competitions,
    differences,
    meanDifference,
    interval,
    confidence,
    permutationPValue: permutation.pValue,
    permutationMethod: permutation.method,
    signTest: {
      positive,
      negative,
      ties: m - positive - negative,
      pValue: signTestPValue(positive, negative),
    },
    onlyA,
    onlyB,
    seeds: { min: Math.min(...seedCounts), max: Math.max(...seedCounts) },
  };
}

export interface DescribeOptions {
  /** Name of agent A in the sentence. Default "A". */
  nameA?: string;
  /** Name of agent B in the sentence. Default "B". */
  nameB?: string;
  /** Unit of the differences. Default "points" (percentage points). */
  unit?: string;
  /** Decimals of the difference and the interval. Default 1. */
  decimals?: number;
  /** Significance level. Default 0.05. */
  alpha?: number;
}

function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text; // no "-0.0"
}

function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p >= 1) return "p = 1";
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * One plain-English sentence for a report, e.g. "A beats B by 4.2 points (95% CI 1.1 to 7.3, p = 0.01
 * over 22 competitions, 3 seeds): distinguishable from noise." The lead is called distinguishable from
 * noise only when the permutation p-value is below `alpha` and the interval excludes 0 (both must agree,
 * so the sentence never contradicts its own numbers).
 */
export function describeComparison(result: PairedComparison, options: DescribeOptions = {}): string {
  const { nameA = "A", nameB = "B", unit = "points", decimals = 1, alpha = 0.05 } = options;
  const seeds =
    result.seeds.min === result.seeds.max
      ? countText(result.seeds.min, "seed")
      : `${result.seeds.min}\u2013${result.seeds.max} seeds`;
  const aLeads = result.meanDifference >= 0;
  const lead = Math.abs(result.meanDifference);
  const low = aLeads ? result.interval.low : -result.interval.high;
  const high = aLeads ? result.interval.high : -result.interval.low;
  const percent = Math.round(result.confidence * 100);
  const details =
    `(${percent}% CI ${formatNumber(low, decimals)} to ${formatNumber(high, decimals)}, ` +
    `${formatP(result.permutationPValue)} over ${countText(result.competitions.length, "competition")}, ${seeds})`;
  const headline =
    result.meanDifference === 0
      ? `${nameA} and ${nameB} are level`
      : `${aLeads ? nameA : nameB} beats ${aLeads ? nameB : nameA} by ${formatNumber(lead, decimals)} ${unit}`;
  const excludesZero = result.interval.low > 0 || result.interval.high < 0;
  const distinguishable = result.meanDifference !== 0 && result.permutationPValue < alpha && excludesZero;
  return distinguishable
    ? `${headline} ${details}: distinguishable from noise.`
    : `${headline} ${details}: not distinguishable from noise at ${seeds}.`;
}
