// The score log of a run (RE-bench's intermediate scoring): appended as the agent asks for scores, read
// back in time order. An unscorable solution is logged with no raw score (the reference logs NaN).

import { asc, eq } from "drizzle-orm";
import { boundedText, MAX_SCORE_MESSAGE_CHARS } from "./bounded-text.js";
import { finiteOrNull } from "./grades-repo.js";
import { scoreLogTable } from "./schema.js";
import type { StoreQueryable } from "./store-queryable.js";

export type ScoreLogRow = typeof scoreLogTable.$inferSelect;

export interface ScoreLogEntry {
  atMs: number;
  /** Working time elapsed in the run when the score was requested. */
  elapsedMs: number;
  /** NaN, null or undefined: the solution could not be scored. */
  rawScore: number | null | undefined;
  normalizedScore?: number | null | undefined;
  message?: string | null | undefined;
  details?: Record<string, unknown> | null | undefined;
}

/** Appends entries to a run's log in the given order. */
export function appendScoreLog(db: StoreQueryable, runId: string, entries: readonly ScoreLogEntry[]): void {
  if (entries.length === 0) return;
  db.insert(scoreLogTable)
    .values(
      entries.map((entry) => ({
        runId,
        atMs: entry.atMs,
        elapsedMs: entry.elapsedMs,
        rawScore: finiteOrNull(entry.rawScore),
        normalizedScore: finiteOrNull(entry.normalizedScore),
        message: entry.message == null ? null : boundedText(entry.message, MAX_SCORE_MESSAGE_CHARS),
        details: boundedDetails(entry.details),
      })),
    )
    .run();
}

/** Details are small by design (the request's name, validity): anything large is replaced by a note. */
const MAX_DETAILS_CHARS = 2_000;

function boundedDetails(details: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (details === null || details === undefined) return null;
  const json = JSON.stringify(details);
  return json.length <= MAX_DETAILS_CHARS
    ? details
    : { truncated: `details of ${json.length} characters were not kept` };
}

/** A run's log, oldest first (entries with the same time in the order they were appended). */
export function readScoreLog(db: StoreQueryable, runId: string): ScoreLogRow[] {
  return db
    .select()
    .from(scoreLogTable)
    .where(eq(scoreLogTable.runId, runId))
    .orderBy(asc(scoreLogTable.atMs), asc(scoreLogTable.id))
    .all();
}
