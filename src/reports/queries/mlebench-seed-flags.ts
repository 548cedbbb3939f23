// The MLE-bench leaderboard's one query over the runs: for every agent and competition, the flags of
// its graded runs in seed order, packed one character per run (see mlebench/run-flags.ts). Grouping
// happens in SQLite, so a store of a million runs returns one row per (agent, competition) pair.
//
// Seed order follows the reference (SCORING.md §2): run groups by name (SQLite's binary collation
// compares UTF-8 bytes, which orders like code points, as Python does), then the run's seed (its
// position inside the group, as the importer stores it), then the run id to make ties deterministic.
//
// The flags are the runs' copy of their grade (runs.grade_flags, the bits of run-flags.ts), so the query
// reads runs_report_idx alone. On a large store it is split by agent into two halves run at once, one
// on a worker thread (read-in-worker.ts).

import { type SQLWrapper, sql } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { runsTable } from "../../store/schema.js";
import { EXCEEDS_CHAR_OFFSET } from "../mlebench/exceeds-humans-aggregate.js";
import { FLAG_CHAR_OFFSET } from "../mlebench/run-flags.js";
import { readInWorker } from "./read-in-worker.js";
import { gradedRunCondition, type RunFilter } from "./run-filter.js";

export interface SeedFlagsRow {
  agentId: number;
  competitionId: string;
  /** One character per graded run, in seed order. */
  flags: string;
  /** Each run's "exceeds % of humans", one character per run in the same order (exceeds-humans-aggregate.ts). */
  exceeds?: string;
  /** The LLM usage of these runs, summed (agent-usage.ts adds them up per agent). */
  usage?: RunsUsage;
}

/** Usage sums over a set of graded runs: runs.usage_* added up. */
export interface RunsUsage {
  /** Runs with any usage recorded. */
  runsWithUsage: number;
  /** null when no run has a token count. */
  tokens: number | null;
  /** The sum of the known costs; null when none is known. */
  costUsd: number | null;
  /** Runs with usage whose cost is (partly) unknown. */
  runsWithUnknownCost: number;
}

/**
 * How each group's runs come in seed order: "sql" sorts them (group_concat's ORDER BY, a temporary
 * B-tree per group); "index" takes them in the order SQLite reads runs_report_idx, whose columns start
 * with (agent, competition, run group, seed, id): the same order, without the sort (40% of the query).
 * "index" is right only for a plan that reads that index and groups as it goes; selectSeedFlags checks
 * the plan before using it.
 */
export type SeedOrder = "sql" | "index";

function seedFlagsQuery(db: StoreDb, filter: RunFilter, order: SeedOrder) {
  const r = runsTable;
  // "Exceeds % of humans" in hundredths of a percent (none: one below the offset), one character per
  // run. Sorted by SQL, the flags and this go as one pair of characters per run (one ordered aggregate
  // costs one sort, two would cost two: +50% on a million runs), split apart afterwards; taken in index
  // order, as two strings straight away (no sort to share, and no splitting).
  const pct = sql`char(${EXCEEDS_CHAR_OFFSET} + coalesce(cast(round(${r.gradeExceedsHumansPct} * 100) as integer), -1))`;
  const flag = sql`char(${FLAG_CHAR_OFFSET} + ${r.gradeFlags})`;
  const [first, second] =
    order === "sql"
      ? [
          sql<string>`group_concat(${flag} || ${pct}, '' order by ${r.runGroup}, ${r.seed}, ${r.id})`,
          sql<string | null>`null`,
        ]
      : [sql<string>`group_concat(${flag}, '')`, sql<string | null>`group_concat(${pct}, '')`];
  // The same runs' usage, summed in the same pass (the leaderboard's usage table), instead of a
  // second scan of the index.
  return db
    .select({
      agentId: r.agentId,
      competitionId: r.competitionId,
      first,
      second,
      withUsage: sql<number>`sum(${r.usageRows} > 0)`,
      tokens: sql<number | null>`sum(${r.usageTokens})`,
      costUsd: sql<number | null>`sum(${r.usageCostUsd})`,
      unknownCost: sql<number>`coalesce(sum(${r.usageUnknownCost}), 0)`,
    })
    .from(r)
    .where(gradedRunCondition(filter))
    .groupBy(r.agentId, r.competitionId);
}

/** The string of these UTF-16 code units (in chunks: spreading a large array overflows the stack). */
function fromCodes(codes: Uint16Array): string {
  let text = "";
  for (let start = 0; start < codes.length; start += 8192) {
    text += String.fromCharCode(...codes.subarray(start, start + 8192));
  }
  return text;
}

/** A row of the query: the flags and exceeds strings as they came, or split out of the pairs. */
function seedFlagsRow(row: unknown[]): SeedFlagsRow {
  const [agentId, competitionId, first, second, withUsage, tokens, costUsd, unknownCost] = row as [
    number,
    string,
    string,
    string | null,
    number,
    number | null,
    number | null,
    number,
  ];
  const usage = {
    runsWithUsage: Number(withUsage),
    tokens,
    costUsd,
    runsWithUnknownCost: Number(unknownCost),
  };
  if (second !== null) return { agentId, competitionId, flags: first, exceeds: second, usage };
  const pairs = first;
  const runs = pairs.length >> 1;
  const flags = new Uint16Array(runs);
  const exceeds = new Uint16Array(runs);
  for (let run = 0; run < runs; run++) {
    flags[run] = pairs.charCodeAt(2 * run);
    exceeds[run] = pairs.charCodeAt(2 * run + 1);
  }
  return {
    agentId,
    competitionId,
    flags: fromCodes(flags),
    exceeds: fromCodes(exceeds),
    usage,
  };
}

/**
 * Whether SQLite runs this query by reading runs_report_idx in order and grouping as it goes (no
 * temporary B-tree for the grouping or any ordering): then every group's rows arrive in the index's
 * order, which is seed order. A B-tree is walked in key order, IN lists are visited in ascending order,
 * and bench never sets reverse_unordered_selects.
 */
export function readsInIndexOrder(db: StoreDb, query: SQLWrapper): boolean {
  const plan = db
    .all<{ detail: string }>(sql`explain query plan ${query.getSQL()}`)
    .map((step) => step.detail);
  return (
    plan.some((detail) => /\bUSING COVERING INDEX runs_report_idx\b/.test(detail)) &&
    !plan.some((detail) => /TEMP B-TREE/.test(detail))
  );
}

/** The query for these runs in seed order: without the sort when the plan allows (SeedOrder). */
function seedOrderedQuery(db: StoreDb, filter: RunFilter, order?: SeedOrder) {
  if (order !== undefined) return seedFlagsQuery(db, filter, order);
  const fast = seedFlagsQuery(db, filter, "index");
  return readsInIndexOrder(db, fast) ? fast : seedFlagsQuery(db, filter, "sql");
}

/** `order`: force one way of ordering (tests); by default the fastest one the query plan allows. */
export function selectSeedFlags(db: StoreDb, filter: RunFilter = {}, order?: SeedOrder): SeedFlagsRow[] {
  return seedOrderedQuery(db, filter, order).values().map(seedFlagsRow);
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
  const query = seedOrderedQuery(db, { ...filter, agentIds: theirs }).toSQL();
  const worker = readInWorker(parallel.file, { sql: query.sql, params: query.params });
  let rows: SeedFlagsRow[];
  try {
    await parallel.meanwhile?.();
    rows = selectSeedFlags(db, { ...filter, agentIds: mine });
  } catch (error) {
    worker.stop();
    throw error;
  }
  for (const row of await worker.rows) rows.push(seedFlagsRow(row));
  return rows;
}
