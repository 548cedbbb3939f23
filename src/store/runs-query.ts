// Runs as people look for them (`bench runs list`, `bench status`): filtered by sweep, agent, status
// and competition, newest first, one page at a time, each with its grade's score. Values are bound
// parameters, never spliced into SQL.

import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { gradesTable, type RunStatus, runsTable } from "./schema.js";
import type { StoreQueryable } from "./store-queryable.js";

export interface RunListFilter {
  sweepId?: string | undefined;
  agentIds?: readonly number[] | undefined;
  statuses?: readonly RunStatus[] | undefined;
  competitionId?: string | undefined;
}

export interface RunListPage {
  /** Most rows returned. */
  limit: number;
  /** Rows skipped first (default 0). */
  offset?: number | undefined;
}

export interface RunListRow {
  id: string;
  sweepId: string | null;
  agentId: number;
  competitionId: string;
  seed: number;
  status: RunStatus;
  attempt: number;
  sessionId: string | null;
  gpus: string[] | null;
  error: string | null;
  queuedAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  /** The runtime that ran it (docker, local, slurm) and its handle there (container, pid, slurm:<job>). */
  runtime?: string | null;
  handle?: string | null;
  /** Null when the run has no grade or its submission was invalid. */
  score: number | null;
  /** Null when the run has no grade. */
  validSubmission: boolean | null;
}

const columns = {
  id: runsTable.id,
  sweepId: runsTable.sweepId,
  agentId: runsTable.agentId,
  competitionId: runsTable.competitionId,
  seed: runsTable.seed,
  status: runsTable.status,
  attempt: runsTable.attempt,
  sessionId: runsTable.sessionId,
  gpus: runsTable.gpus,
  error: runsTable.error,
  queuedAtMs: runsTable.queuedAtMs,
  startedAtMs: runsTable.startedAtMs,
  finishedAtMs: runsTable.finishedAtMs,
  runtime: runsTable.runtime,
  handle: runsTable.handle,
  score: gradesTable.score,
  validSubmission: gradesTable.validSubmission,
};

function condition(filter: RunListFilter): SQL | undefined {
  return and(
    filter.sweepId === undefined ? undefined : eq(runsTable.sweepId, filter.sweepId),
    filter.agentIds === undefined ? undefined : inArray(runsTable.agentId, [...filter.agentIds]),
    filter.statuses === undefined ? undefined : inArray(runsTable.status, [...filter.statuses]),
    filter.competitionId === undefined ? undefined : eq(runsTable.competitionId, filter.competitionId),
  );
}

/** "Newest" is the latest start, or the queueing time of a run that has not started. */
const newest = sql`coalesce(${runsTable.startedAtMs}, ${runsTable.queuedAtMs})`;

/** One page of the matching runs, newest first, and how many match in all. */
export function queryRunList(
  db: StoreQueryable,
  filter: RunListFilter,
  page: RunListPage,
): { total: number; rows: RunListRow[] } {
  const where = condition(filter);
  const total = db.select({ n: count() }).from(runsTable).where(where).get()?.n ?? 0;
  const rows = db
    .select(columns)
    .from(runsTable)
    .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
    .where(where)
    .orderBy(desc(newest), desc(runsTable.id))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .all();
  return { total, rows };
}

/** Every run of one sweep, in id order (a sweep has at most thousands). */
export function selectSweepRuns(db: StoreQueryable, sweepId: string): RunListRow[] {
  return db
    .select(columns)
    .from(runsTable)
    .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
    .where(eq(runsTable.sweepId, sweepId))
    .orderBy(runsTable.id)
    .all();
}
