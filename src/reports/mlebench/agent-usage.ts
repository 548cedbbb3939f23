// Per agent, the LLM usage of the runs a report counts: how many graded runs, how many of them reported
// usage, their tokens and known cost, how many of them have usage of unknown cost, and their medals
// (for the cost of a medal). Summed by the leaderboard's own query per (agent, competition), from the
// runs' copy of their usage (runs.usage_*), and added up here.

import type { SeedFlagsRow } from "../queries/mlebench-seed-flags.js";
import { MEDAL_BITS, runBits } from "./run-flags.js";

export interface AgentUsageRow {
  agentId: number;
  /** Graded runs the report counts (over_budget and timed_out ones included). */
  runs: number;
  /** Of those, the runs with any usage recorded. */
  runsWithUsage: number;
  /** null when no run has a token count. */
  tokens: number | null;
  /** The sum of the known costs; null when none is known. */
  costUsd: number | null;
  /** Runs with usage whose cost is (partly) unknown: `costUsd` leaves them out. */
  runsWithUnknownCost: number;
  /** Runs with any medal. */
  medals: number;
}

/**
 * Per agent, the usage of the runs of these seed-flag rows (one query's rows, mlebench-seed-flags.ts)
 * on the given competitions (all of them when not given): summed per (agent, competition) in SQLite,
 * added up here. Only agents with a graded run appear.
 */
export function agentUsage(
  rows: readonly SeedFlagsRow[],
  competitionIds?: readonly string[],
): AgentUsageRow[] {
  const wanted = competitionIds === undefined ? undefined : new Set(competitionIds);
  const byAgent = new Map<number, AgentUsageRow>();
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  for (const row of rows) {
    if (wanted !== undefined && !wanted.has(row.competitionId)) continue;
    if (row.flags.length === 0) continue;
    let total = byAgent.get(row.agentId);
    if (total === undefined) {
      total = {
        agentId: row.agentId,
        runs: 0,
        runsWithUsage: 0,
        tokens: null,
        costUsd: null,
        runsWithUnknownCost: 0,
        medals: 0,
      };
      byAgent.set(row.agentId, total);
    }
    total.runs += row.flags.length;
    for (let run = 0; run < row.flags.length; run++) {
      if ((runBits(row.flags, run) & MEDAL_BITS) !== 0) total.medals++;
    }
    const usage = row.usage;
    if (usage === undefined) continue;
    total.runsWithUsage += usage.runsWithUsage;
    total.tokens = add(total.tokens, usage.tokens);
    total.costUsd = add(total.costUsd, usage.costUsd);
    total.runsWithUnknownCost += usage.runsWithUnknownCost;
  }
  return [...byAgent.values()];
}
