// The MLE-bench leaderboard, per agent and split (Low, Medium, High, All, as the public leaderboard
// shows them), from the seed-ordered flags of the store's graded runs. Pure: the command gathers the
// query rows, agent labels and split memberships; this module aggregates them (SCORING.md §2).

import type { SeedFlagsRow } from "../queries/mlebench-seed-flags.js";
import { compareCodePoints, type MlebenchAggregate } from "../stats/mlebench-aggregate.js";
import { meanPassAtK, type RunCount } from "../stats/pass-at-k.js";
import { aggregateExceedsHumans, type ExceedsHumansAggregate } from "./exceeds-humans-aggregate.js";
import { aggregateSeedFlags } from "./seed-flags-aggregate.js";

/** The public leaderboard's splits and the registry tags that define them. */
export const LEADERBOARD_SPLITS = [
  { name: "Low", tag: "low" },
  { name: "Medium", tag: "medium" },
  { name: "High", tag: "high" },
  { name: "All", tag: "split75" },
] as const;

export type LeaderboardSplitName = (typeof LEADERBOARD_SPLITS)[number]["name"];

export interface LeaderboardSplit {
  name: string;
  tag: string;
  competitionIds: readonly string[];
}

export interface PassAtKPoint {
  k: number;
  /** Mean over the split's competitions of pass@k, as a fraction. */
  value: number;
}

export interface LeaderboardEntry {
  agentId: number;
  agent: string;
  split: string;
  /** Competitions in the split. */
  competitions: number;
  /** Split competitions without any graded run of this agent. */
  missing: string[];
  /** Null when no seed is complete (some competition has no run and padding is off). */
  aggregate: MlebenchAggregate | null;
  /** pass@k of any medal at the k of passAtKSteps(seeds). */
  passAtK: PassAtKPoint[];
  /**
   * "Exceeds % of humans" over the same seeds; null when incomplete, or when the rows carry no
   * percentages (rows built without them).
   */
  exceedsHumans: ExceedsHumansAggregate | null;
}

export interface Leaderboard {
  padMissing: boolean;
  splits: LeaderboardSplit[];
  /**
   * Agents ranked by the any-medal mean on the ranking split (incomplete ones last), then splits in
   * order. The ranking split is the largest one shown (the last of equals): All on the public
   * leaderboard, the only one when there is one.
   */
  entries: LeaderboardEntry[];
}

export interface LeaderboardOptions {
  padMissing: boolean;
  /** The k at which pass@k is computed for a given number of seeds. Default passAtKSteps. */
  passAtKSteps?: (seeds: number) => number[];
}

/** Every k up to 8 (all of them up to 16 seeds), then powers of two, and k = seeds. */
export function passAtKSteps(seeds: number): number[] {
  const steps: number[] = [];
  const dense = seeds <= 16 ? seeds : 8;
  for (let k = 1; k <= dense; k++) steps.push(k);
  for (let k = 16; k < seeds; k *= 2) steps.push(k);
  if (steps[steps.length - 1] !== seeds && seeds > 0) steps.push(seeds);
  return steps;
}

/** The index of the split agents are ranked on: the one with the most competitions, the last of equals. */
export function rankingSplit(splits: readonly LeaderboardSplit[]): number {
  let best = 0;
  splits.forEach((split, i) => {
    if (new Set(split.competitionIds).size >= new Set(splits[best]!.competitionIds).size) best = i;
  });
  return best;
}

/** Builds the leaderboard of every agent that has a graded run in at least one of the splits. */
export function buildLeaderboard(
  rows: readonly SeedFlagsRow[],
  agentLabels: ReadonlyMap<number, string>,
  splits: readonly LeaderboardSplit[],
  options: LeaderboardOptions,
): Leaderboard {
  const steps = options.passAtKSteps ?? passAtKSteps;
  const inAnySplit = new Set(splits.flatMap((split) => split.competitionIds));
  const byAgent = new Map<number, Map<string, string>>();
  const exceedsByAgent = new Map<number, Map<string, string>>();
  for (const row of rows) {
    if (!inAnySplit.has(row.competitionId) || row.flags.length === 0) continue;
    let flags = byAgent.get(row.agentId);
    if (flags === undefined) {
      flags = new Map();
      byAgent.set(row.agentId, flags);
      exceedsByAgent.set(row.agentId, new Map());
    }
    flags.set(row.competitionId, row.flags);
    if (row.exceeds !== undefined) exceedsByAgent.get(row.agentId)!.set(row.competitionId, row.exceeds);
  }

  const perAgent: LeaderboardEntry[][] = [];
  for (const [agentId, flags] of byAgent) {
    const exceeds = exceedsByAgent.get(agentId)!;
    const agent = agentLabels.get(agentId) ?? `agent ${agentId}`;
    perAgent.push(
      splits.map((split) => {
        const ids = [...new Set(split.competitionIds)].sort(compareCodePoints);
        const missing = ids.filter((id) => !flags.has(id));
        const base = { agentId, agent, split: split.name, competitions: ids.length, missing };
        const incomplete = options.padMissing ? missing.length === ids.length : missing.length > 0;
        if (incomplete) return { ...base, aggregate: null, passAtK: [], exceedsHumans: null };
        const aggregate = aggregateSeedFlags(flags, ids, { padMissing: options.padMissing });
        const counts: RunCount[] = aggregate.perCompetition.map(({ runs, medals }) => ({
          n: runs,
          c: medals,
        }));
        const passAtK = steps(aggregate.seeds).map((k) => ({ k, value: meanPassAtK(counts, k) }));
        const exceedsHumans =
          exceeds.size === 0 ? null : aggregateExceedsHumans(exceeds, ids, aggregate.seeds);
        return { ...base, aggregate, passAtK, exceedsHumans };
      }),
    );
  }

  const ranking = rankingSplit(splits);
  const rankKey = (entries: LeaderboardEntry[]) => entries[ranking]?.aggregate?.metrics.any_medal.mean;
  perAgent.sort((a, b) => {
    const x = rankKey(a);
    const y = rankKey(b);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      return y - x;
    }
    return compareCodePoints(a[0]!.agent, b[0]!.agent);
  });
  return { padMissing: options.padMissing, splits: [...splits], entries: perAgent.flat() };
}
