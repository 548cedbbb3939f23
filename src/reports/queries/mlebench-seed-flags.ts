// The MLE-bench leaderboard's one query over the runs: for every agent and competition, the flags of
// its graded runs in seed order, packed one character per run (see mlebench/run-flags.ts). Grouping
// happens in SQLite, so a store of a million runs returns one row per (agent, competition) pair.
//
// Seed order follows the reference (SCORING.md §2): run groups by name (SQLite's binary collation
// compares UTF-8 bytes, which orders like code points, as Python does), then the run's seed (its
// position inside the group, as the importer stores it), then the run id to make ties deterministic.
//
// On a large store the query is split by agent into two halves run at once, one on a worker thread
// (read-in-worker.ts): the join of a million runs with their grades is the report's whole cost.

import { eq, sql } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { gradesTable, runsTable } from "../../store/schema.js";
import { EXCEEDS_CHAR_OFFSET } from "../mlebench/exceeds-humans-aggregate.js";
import { FLAG_CHAR_OFFSET, RUN_FLAG_BITS } from "../mlebench/run-flags.js";
import { readInWorker } from "./read-in-worker.js";
import { type RunFilter, runFilterCondition } from "./run-filter.js";

export interface SeedFlagsRow {
  agentId: number;
  competitionId: string;
  /** One character per graded run, in seed order. */
  flags: string;
  /** Each run's "exceeds % of humans", one character per run in the same order (exceeds-humans-aggregate.ts). */
  exceeds?: string;
}

function seedFlagsQuery(db: StoreDb, filter: RunFilter) {
  const g = gradesTable;
  const code = sql`${FLAG_CHAR_OFFSET}
    + ${g.submissionExists} * ${RUN_FLAG_BITS.submission_exists}
    + ${g.validSubmission} * ${RUN_FLAG_BITS.valid_submission}
    + ${g.aboveMedian} * ${RUN_FLAG_BITS.above_median}
    + ${g.goldMedal} * ${RUN_FLAG_BITS.gold_medal}
    + ${g.silverMedal} * ${RUN_FLAG_BITS.silver_medal}
    + ${g.bronzeMedal} * ${RUN_FLAG_BITS.bronze_medal}`;
  // "Exceeds % of humans" in hundredths of a percent (none: one below the offset), as a second
  // character per run: one ordered aggregate costs one sort, two would cost two (+50% on a million runs).
  const pct = sql`${EXCEEDS_CHAR_OFFSET} + coalesce(cast(round(${g.exceedsHumansPct} * 100) as integer), -1)`;
  const pairs = sql<string>`group_concat(char(${code}, ${pct}), '' order by ${runsTable.runGroup}, ${runsTable.seed}, ${runsTable.id})`;
  return db
    .select({ agentId: runsTable.agentId, competitionId: runsTable.competitionId, pairs })
    .from(runsTable)
    .innerJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
    .where(runFilterCondition(filter))
    .groupBy(runsTable.agentId, runsTable.competitionId);
}

/** The string of these UTF-16 code units (in chunks: spreading a large array overflows the stack). */
function fromCodes(codes: Uint16Array): string {
  let text = "";
  for (let start = 0; start < codes.length; start += 8192) {
    text += String.fromCharCode(...codes.subarray(start, start + 8192));
  }
  return text;
}

/** Splits a run's two characters (flags, exceeds) apart: two strings in the same seed order. */
function seedFlagsRow(agentId: number, competitionId: string, pairs: string): SeedFlagsRow {
  const runs = pairs.length >> 1;
  const flags = new Uint16Array(runs);
  const exceeds = new Uint16Array(runs);
  for (let run = 0; run < runs; run++) {
    flags[run] = pairs.charCodeAt(2 * run);
    exceeds[run] = pairs.charCodeAt(2 * run + 1);
  }
  return { agentId, competitionId, flags: fromCodes(flags), exceeds: fromCodes(exceeds) };
}

export function selectSeedFlags(db: StoreDb, filter: RunFilter = {}): SeedFlagsRow[] {
  return seedFlagsQuery(db, filter)
    .all()
    .map((row) => seedFlagsRow(row.agentId, row.competitionId, row.pairs));
}

export interface ParallelSeedFlags {
  /** The store's file, opened again read-only by the worker. */
  file: string;
  /** The agents to read (all of the store's, or --agents): split in two halves. */
  agentIds: readonly number[];
  /** Runs while the worker reads (e.g. loading the registry), before this thread reads its half. */
  meanwhile?: () => Promise<void>;
}

/**
 * The same rows as selectSeedFlags, read in two halves at once: the second half of the agents on a
 * worker thread, the first on this one. With fewer than two agents it reads on this thread only.
 */
export async function selectSeedFlagsInParallel(
  db: StoreDb,
  filter: RunFilter,
  parallel: ParallelSeedFlags,
): Promise<SeedFlagsRow[]> {
  const ids = [...new Set(parallel.agentIds)].sort((a, b) => a - b);
  if (ids.length < 2) {
    await parallel.meanwhile?.();
    return selectSeedFlags(db, filter);
  }
  const half = Math.ceil(ids.length / 2);
  const mine = ids.slice(0, half);
  const theirs = ids.slice(half);
  const query = seedFlagsQuery(db, { ...filter, agentIds: theirs }).toSQL();
  const worker = readInWorker(parallel.file, { sql: query.sql, params: query.params });
  let rows: SeedFlagsRow[];
  try {
    await parallel.meanwhile?.();
    rows = selectSeedFlags(db, { ...filter, agentIds: mine });
  } catch (error) {
    worker.stop();
    throw error;
  }
  for (const [agentId, competitionId, pairs] of await worker.rows) {
    rows.push(seedFlagsRow(agentId as number, competitionId as string, pairs as string));
  }
  return rows;
}
