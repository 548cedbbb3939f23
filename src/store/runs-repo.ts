// The runs table: inserting runs (one at a time from the scheduler, in bulk from imports), their seeds
// within a run group, and the status transitions of a run's lifecycle.

import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { BenchError } from "../errors.js";
import { insertRows } from "./insert-rows.js";
import { type RunStatus, runsTable } from "./schema.js";
import { type Clock, type StoreQueryable, systemClock } from "./store-queryable.js";

export type RunRow = typeof runsTable.$inferSelect;
export type NewRun = typeof runsTable.$inferInsert;

/** Statuses a run never leaves except by an explicit re-queue (resume or retry). */
export const FINISHED_STATUSES: readonly RunStatus[] = [
  "completed",
  "agent_error",
  "timed_out",
  "out_of_memory",
  "over_budget",
  "infra_error",
  "cancelled",
  "interrupted",
];

/**
 * The lifecycle: queued → running → one finished status; a queued run may be cancelled before it
 * starts; an interrupted run (bench stopped) or one lost to an infrastructure error may be queued again,
 * which counts as a new attempt. Everything else is a bug in the caller.
 */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ["running", "cancelled"],
  running: [
    "completed",
    "agent_error",
    "timed_out",
    "out_of_memory",
    "over_budget",
    "infra_error",
    "cancelled",
    "interrupted",
  ],
  interrupted: ["queued"],
  infra_error: ["queued"],
  completed: [],
  agent_error: [],
  timed_out: [],
  out_of_memory: [],
  over_budget: [],
  cancelled: [],
};

export function newRunId(): string {
  return randomUUID();
}

export function insertRuns(db: StoreQueryable, runs: readonly NewRun[]): void {
  insertRows(db, runsTable, runs);
}

export function insertRun(db: StoreQueryable, run: NewRun): RunRow {
  return db.insert(runsTable).values(run).returning().get();
}

export function getRun(db: StoreQueryable, id: string): RunRow | undefined {
  return db.select().from(runsTable).where(eq(runsTable.id, id)).get();
}

export interface RunFilter {
  agentId?: number;
  competitionId?: string;
  importId?: number;
  sweepId?: string;
}

/** Runs matching every given field, in a stable order: competition, run group, seed. */
export function listRuns(db: StoreQueryable, filter: RunFilter = {}): RunRow[] {
  const conditions = [
    filter.agentId === undefined ? undefined : eq(runsTable.agentId, filter.agentId),
    filter.competitionId === undefined ? undefined : eq(runsTable.competitionId, filter.competitionId),
    filter.importId === undefined ? undefined : eq(runsTable.importId, filter.importId),
    filter.sweepId === undefined ? undefined : eq(runsTable.sweepId, filter.sweepId),
  ];
  return db
    .select()
    .from(runsTable)
    .where(and(...conditions))
    .orderBy(runsTable.competitionId, runsTable.runGroup, runsTable.seed)
    .all();
}

export interface SeedKey {
  agentId: number;
  competitionId: string;
  runGroup: string | null;
}

/** The seed the next run of this agent, competition and run group gets: one past the largest stored. */
export function nextSeed(db: StoreQueryable, key: SeedKey): number {
  const row = db
    .select({ last: max(runsTable.seed) })
    .from(runsTable)
    .where(
      and(
        eq(runsTable.agentId, key.agentId),
        eq(runsTable.competitionId, key.competitionId),
        key.runGroup === null ? isNull(runsTable.runGroup) : eq(runsTable.runGroup, key.runGroup),
      ),
    )
    .get();
  return row?.last == null ? 0 : row.last + 1;
}

/**
 * Hands out seeds for runs about to be inserted: successive calls with the same key continue after the
 * runs already stored and after each other. Use inside the transaction that inserts the runs.
 */
export class SeedAllocator {
  readonly #next = new Map<string, number>();

  constructor(private readonly db: StoreQueryable) {}

  next(key: SeedKey): number {
    const id = JSON.stringify([key.agentId, key.competitionId, key.runGroup]);
    const seed = this.#next.get(id) ?? nextSeed(this.db, key);
    this.#next.set(id, seed + 1);
    return seed;
  }
}

export interface TransitionDetails {
  exitCode?: number | null;
  error?: string | null;
  runtime?: string | null;
  workspace?: string | null;
  gpus?: string[] | null;
}

/**
 * Moves a run to `to` if its current status allows it (RUN_TRANSITIONS), stamping started/finished
 * times; a re-queued run's attempt count goes up by one. The check and the update are one statement,
 * so two processes cannot both move the same run. Throws BenchError STORE otherwise.
 */
export function transitionRun(
  db: StoreQueryable,
  id: string,
  to: RunStatus,
  details: TransitionDetails = {},
  clock: Clock = systemClock,
): RunRow {
  const from = (Object.keys(RUN_TRANSITIONS) as RunStatus[]).filter((status) =>
    RUN_TRANSITIONS[status].includes(to),
  );
  const now = clock();
  const updated =
    from.length === 0
      ? undefined
      : db
          .update(runsTable)
          .set({
            status: to,
            ...(to === "running" ? { startedAtMs: now, finishedAtMs: null } : {}),
            ...(FINISHED_STATUSES.includes(to) ? { finishedAtMs: now } : {}),
            ...(to === "queued"
              ? {
                  queuedAtMs: now,
                  startedAtMs: null,
                  finishedAtMs: null,
                  exitCode: null,
                  error: null,
                  attempt: sql`${runsTable.attempt} + 1`,
                }
              : {}),
            ...details,
          })
          .where(and(eq(runsTable.id, id), inArray(runsTable.status, from)))
          .returning()
          .get();
  if (updated !== undefined) return updated;
  const current = getRun(db, id);
  if (current === undefined) {
    throw new BenchError("STORE", `run ${id} is not in the results store.`);
  }
  throw new BenchError("STORE", `run ${id} cannot go from ${current.status} to ${to}.`, {
    hint: `allowed from ${current.status}: ${RUN_TRANSITIONS[current.status].join(", ") || "nothing (it is finished)"}.`,
  });
}
