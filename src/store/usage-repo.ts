// A run's LLM usage in the store (the run_usage table): replaced as a sweep's usage watcher sums it up,
// inserted with an imported file's runs, read back per run and summed up for reports.

import { asc, eq } from "drizzle-orm";
import { withBusyRetry } from "./busy-retry.js";
import { insertRows } from "./insert-rows.js";
import { runUsageTable } from "./schema.js";
import { type Clock, type StoreQueryable, systemClock } from "./store-queryable.js";

export type UsageRow = typeof runUsageTable.$inferSelect;

/** One model's usage in a run, or a run's totals when the source names no model. */
export interface UsageWrite {
  model: string | null;
  calls?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  /** Defaults to input plus output when both are given. */
  tokens?: number | null;
  costUsd: number | null;
  unpricedCalls?: number;
}

/** The tokens a usage write counts: as given, else input plus output when both are given. */
export function usageTokens(usage: UsageWrite): number | null {
  if (usage.tokens != null) return usage.tokens;
  return usage.inputTokens != null && usage.outputTokens != null
    ? usage.inputTokens + usage.outputTokens
    : null;
}

function rowOf(runId: string, usage: UsageWrite, now: number): typeof runUsageTable.$inferInsert {
  return {
    runId,
    model: usage.model,
    calls: usage.calls ?? null,
    inputTokens: usage.inputTokens ?? null,
    outputTokens: usage.outputTokens ?? null,
    tokens: usageTokens(usage),
    costUsd: usage.costUsd,
    unpricedCalls: usage.unpricedCalls ?? 0,
    updatedAtMs: now,
  };
}

/** Makes `usage` the whole of a run's usage (an empty list removes it), in one IMMEDIATE transaction. */
export function replaceRunUsage(
  db: StoreQueryable,
  runId: string,
  usage: readonly UsageWrite[],
  clock: Clock = systemClock,
): void {
  withBusyRetry(() =>
    db.transaction(
      (tx) => {
        tx.delete(runUsageTable).where(eq(runUsageTable.runId, runId)).run();
        const now = clock();
        if (usage.length > 0) {
          tx.insert(runUsageTable)
            .values(usage.map((u) => rowOf(runId, u, now)))
            .run();
        }
      },
      { behavior: "immediate" },
    ),
  );
}

/** Adds usage rows of many runs (an import), inside the caller's transaction. */
export function insertRunUsage(
  db: StoreQueryable,
  rows: readonly (UsageWrite & { runId: string })[],
  clock: Clock = systemClock,
): void {
  const now = clock();
  insertRows(
    db,
    runUsageTable,
    rows.map((row) => rowOf(row.runId, row, now)),
  );
}

/** A run's usage rows, by model name. */
export function readRunUsage(db: StoreQueryable, runId: string): UsageRow[] {
  return db
    .select()
    .from(runUsageTable)
    .where(eq(runUsageTable.runId, runId))
    .orderBy(asc(runUsageTable.model), asc(runUsageTable.id))
    .all();
}

export interface UsageTotals {
  calls: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  tokens: number | null;
  /** The sum of the known costs; null when none is known. */
  costUsd: number | null;
  /** Whether part of the usage has no known cost (then `costUsd` is a lower bound). */
  costIncomplete: boolean;
  unpricedCalls: number;
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** A run's totals over its rows; null when the run has none. */
export function usageTotals(rows: readonly UsageRow[]): UsageTotals | null {
  if (rows.length === 0) return null;
  return {
    calls: sumOrNull(rows.map((row) => row.calls)),
    inputTokens: sumOrNull(rows.map((row) => row.inputTokens)),
    outputTokens: sumOrNull(rows.map((row) => row.outputTokens)),
    tokens: sumOrNull(rows.map((row) => row.tokens)),
    costUsd: sumOrNull(rows.map((row) => row.costUsd)),
    costIncomplete: rows.some(
      (row) => row.unpricedCalls > 0 || (row.costUsd === null && (row.tokens ?? 0) > 0),
    ),
    unpricedCalls: rows.reduce((sum, row) => sum + row.unpricedCalls, 0),
  };
}
