// The filters every report and comparison accepts (--agents, --split, --since, --sweep, --run-group),
// as one drizzle condition on the runs table. Values are bound parameters, never spliced into SQL.

import { and, eq, gte, inArray, isNotNull, notInArray, type SQL, sql } from "drizzle-orm";
import { agentsTable, type RunStatus, runsTable } from "../../store/schema.js";

export interface RunFilter {
  /** Only these agents (ids resolved from --agents). */
  agentIds?: readonly number[] | undefined;
  /** Only these competitions (resolved from --split or a report's own task set). */
  competitionIds?: readonly string[] | undefined;
  /** Only runs queued at or after this time (--since), milliseconds since the epoch. */
  sinceMs?: number | undefined;
  /** Only runs of this sweep (--sweep). */
  sweepId?: string | undefined;
  /** Only runs of this run group (--run-group: an MLE-bench run group, an imported file's result set). */
  runGroup?: string | undefined;
}

/**
 * Runs that never count in a report, whatever their grade: unfinished ones, and ones that bench itself
 * stopped (infrastructure failure, cancellation, interruption), which are retried rather than held
 * against the agent. An agent's own failures (agent_error, timed_out, out_of_memory) do count, and so
 * do runs stopped over their usage budget (over_budget): like a timed-out run, it got its chance.
 * Written as NOT IN so that SQLite keeps scanning by agent and competition instead of by status.
 */
export const UNCOUNTED_STATUSES: readonly RunStatus[] = [
  "queued",
  "running",
  "infra_error",
  "cancelled",
  "interrupted",
];

export function runFilterCondition(filter: RunFilter): SQL | undefined {
  const conditions: SQL[] = [notInArray(runsTable.status, [...UNCOUNTED_STATUSES])];
  if (filter.agentIds !== undefined) conditions.push(inArray(runsTable.agentId, [...filter.agentIds]));
  if (filter.competitionIds !== undefined) {
    conditions.push(inArray(runsTable.competitionId, [...filter.competitionIds]));
  }
  if (filter.sinceMs !== undefined) conditions.push(gte(runsTable.queuedAtMs, filter.sinceMs));
  if (filter.sweepId !== undefined) conditions.push(eq(runsTable.sweepId, filter.sweepId));
  if (filter.runGroup !== undefined) conditions.push(eq(runsTable.runGroup, filter.runGroup));
  return and(...conditions);
}

/**
 * The graded runs a filter selects, read from the runs table alone: a run's grade is copied into its
 * `grade_*` columns (store/schema.ts), so the reports need no join with `grades` and SQLite reads
 * runs_report_idx in seed order.
 */
export function gradedRunCondition(filter: RunFilter): SQL | undefined {
  // Competitions without agents: name every agent too (a subquery), so that SQLite seeks
  // runs_report_idx by (agent, competition) instead of taking runs_competition_id_idx and looking up
  // each run's row (1.8 s instead of 0.7 s for a split's leaderboard over a million runs).
  const seek =
    filter.competitionIds !== undefined && filter.agentIds === undefined
      ? sql`${runsTable.agentId} in (select ${agentsTable.id} from ${agentsTable})`
      : undefined;
  return and(runFilterCondition(filter), seek, isNotNull(runsTable.gradeFlags));
}
