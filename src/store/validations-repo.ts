// The validations log of a run (in-run validation, scheduler/validation-requests.ts): appended as the
// agent asks, read back in time order or counted for reports.

import { asc, count, eq, inArray } from "drizzle-orm";
import { boundedText, MAX_SCORE_MESSAGE_CHARS } from "./bounded-text.js";
import { type ValidationVerdict, validationsTable } from "./schema.js";
import type { StoreQueryable } from "./store-queryable.js";

export type ValidationRow = typeof validationsTable.$inferSelect;

export interface ValidationEntry {
  atMs: number;
  elapsedMs: number;
  verdict: ValidationVerdict;
  message: string;
}

export function appendValidation(db: StoreQueryable, runId: string, entry: ValidationEntry): void {
  db.insert(validationsTable)
    .values({ runId, ...entry, message: boundedText(entry.message, MAX_SCORE_MESSAGE_CHARS) })
    .run();
}

/** A run's validation requests, oldest first. */
export function readValidations(db: StoreQueryable, runId: string): ValidationRow[] {
  return db
    .select()
    .from(validationsTable)
    .where(eq(validationsTable.runId, runId))
    .orderBy(asc(validationsTable.atMs), asc(validationsTable.id))
    .all();
}

/** How many validation requests each of `runIds` made (runs without any are absent). */
export function countValidations(db: StoreQueryable, runIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < runIds.length; i += 500) {
    const rows = db
      .select({ runId: validationsTable.runId, n: count() })
      .from(validationsTable)
      .where(inArray(validationsTable.runId, runIds.slice(i, i + 500)))
      .groupBy(validationsTable.runId)
      .all();
    for (const row of rows) counts.set(row.runId, row.n);
  }
  return counts;
}
