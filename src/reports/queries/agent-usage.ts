// Per agent, the LLM usage of the runs a report counts: how many graded runs, how many of them reported
// usage, their tokens and known cost, how many of them have usage of unknown cost, and their medals
// (for the cost of a medal). Aggregated in SQLite: one row per agent.

import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { gradesTable, runsTable, runUsageTable } from "../../store/schema.js";
import { type RunFilter, runFilterCondition } from "./run-filter.js";

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

/** Usage of the runs matching `filter` (and, when given, only those competitions), per agent. */
export function selectAgentUsage(
  db: StoreDb,
  filter: RunFilter,
  competitionIds?: readonly string[],
): AgentUsageRow[] {
  const u = runUsageTable;
  const perRun = db
    .select({
      runId: u.runId,
      tokens: sql<number | null>`sum(${u.tokens})`.as("tokens"),
      costUsd: sql<number | null>`sum(${u.costUsd})`.as("cost_usd"),
      unknownCost:
        sql<number>`max(${u.unpricedCalls} > 0 or (${u.costUsd} is null and coalesce(${u.tokens}, 0) > 0))`.as(
          "unknown_cost",
        ),
    })
    .from(u)
    .groupBy(u.runId)
    .as("run_totals");
  const g = gradesTable;
  const condition = and(
    runFilterCondition(filter),
    competitionIds === undefined ? undefined : inArray(runsTable.competitionId, [...competitionIds]),
  );
  return db
    .select({
      agentId: runsTable.agentId,
      runs: count(),
      runsWithUsage: count(perRun.runId),
      tokens: sql<number | null>`sum(${perRun.tokens})`,
      costUsd: sql<number | null>`sum(${perRun.costUsd})`,
      runsWithUnknownCost: sql<number>`coalesce(sum(${perRun.unknownCost}), 0)`.mapWith(Number),
      medals: sql<number>`sum(${g.goldMedal} or ${g.silverMedal} or ${g.bronzeMedal})`.mapWith(Number),
    })
    .from(runsTable)
    .innerJoin(g, eq(g.runId, runsTable.id))
    .leftJoin(perRun, eq(perRun.runId, runsTable.id))
    .where(condition)
    .groupBy(runsTable.agentId)
    .all();
}
