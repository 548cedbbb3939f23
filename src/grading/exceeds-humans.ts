// "Exceeds % of humans" (the AIDE paper's headline metric, issue 8 item 5): the share of a competition's
// real Kaggle leaderboard entries whose score a submission strictly beats. Pure: a sorted copy of the
// leaderboard's scores is made once per competition, then each submission costs one binary search.
//
// Rules: the direction is the leaderboard's own (SCORING.md §1, as for medals); a tie beats nobody; an
// entry without a score (NaN) is counted in the denominator but can never be beaten (every comparison with
// NaN is false, as for the reference's medal rules). No score (invalid or missing submission) or a
// non-finite one gives null.

import { inferLowerIsBetter } from "./medals.js";

/** A leaderboard prepared for "exceeds % of humans": its scores sorted ascending, NaN left out. */
export interface HumanScores {
  /** The leaderboard's numeric scores, ascending. */
  ascending: Float64Array;
  /** All leaderboard rows, NaN scores included: the denominator. */
  entries: number;
  isLowerBetter: boolean;
}

export function humanScores(scores: ArrayLike<number>, isLowerBetter: boolean): HumanScores {
  const numbers: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!Number.isNaN(score)) numbers.push(score);
  }
  // Float64Array sorts numerically (-Infinity first, +Infinity last).
  return { ascending: Float64Array.from(numbers).sort(), entries: scores.length, isLowerBetter };
}

/** A leaderboard's scores in file order (best first), its direction inferred as for medals. */
export function leaderboardHumans(scores: ArrayLike<number>): HumanScores {
  return humanScores(scores, inferLowerIsBetter(scores));
}

/** The number of values strictly below `x` in an ascending array. */
function countBelow(ascending: Float64Array, x: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ascending[middle] as number) < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The number of values strictly above `x` in an ascending array. */
function countAbove(ascending: Float64Array, x: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ascending[middle] as number) <= x) low = middle + 1;
    else high = middle;
  }
  return ascending.length - low;
}

/**
 * The percentage (0 to 100) of leaderboard entries that `score` strictly beats; null when there is no
 * score, the score is not finite, or the leaderboard is empty.
 */
export function exceedsHumansPct(score: number | null | undefined, humans: HumanScores): number | null {
  if (score === null || score === undefined || !Number.isFinite(score) || humans.entries === 0) return null;
  const beaten = humans.isLowerBetter
    ? countAbove(humans.ascending, score)
    : countBelow(humans.ascending, score);
  return (beaten / humans.entries) * 100;
}
