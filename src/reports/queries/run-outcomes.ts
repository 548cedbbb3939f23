// One row per counted, graded run, with what a paired comparison and a trend need: the keys that pair
// runs (agent, sweep, competition, seed) and the values compared (the grader's flags, the normalized
// score). Per run rather than grouped, because pairing is by seed; the rows are narrow, and a
// comparison reads the runs of two sides only.

import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { agentsTable, competitionsTable, runsTable } from "../../store/schema.js";
import { RUN_FLAG_BITS } from "../mlebench/run-flags.js";
import { gradedRunCondition, type RunFilter } from "./run-filter.js";

export interface RunOutcomeRow {
  runId: string;
  agentId: number;
  agentName: string;
  sweepId: string | null;
  competitionId: string;
  kind: "kaggle" | "rebench" | "external";
  seed: number;
  runGroup: string | null;
  submissionExists: boolean;
  validSubmission: boolean;
  aboveMedian: boolean;
  goldMedal: boolean;
  silverMedal: boolean;
  bronzeMedal: boolean;
  /** Null for a failed or invalid run. */
  normalizedScore: number | null;
}

/** Agent id → name (the agents table is small: read whole rather than joined to every run). */
function agentNames(db: StoreDb): Map<number, string> {
  return new Map(
    db
      .select({ id: agentsTable.id, name: agentsTable.name })
      .from(agentsTable)
      .all()
      .map((agent) => [agent.id, agent.name]),
  );
}

/**
 * The runs a filter selects, in the reference's seed order within each agent and competition (run
 * group by name, then seed, then run id: SCORING.md §2), so that the k-th run of a seed is well defined.
 * Read from runs_report_idx alone (the grade's copy in runs.grade_*), in the index's order; agent names
 * and competition kinds come from their small tables.
 */
export function selectRunOutcomes(db: StoreDb, filter: RunFilter = {}): RunOutcomeRow[] {
  const r = runsTable;
  const names = agentNames(db);
  const kinds = new Map(
    db
      .select({ id: competitionsTable.id, kind: competitionsTable.kind })
      .from(competitionsTable)
      .all()
      .map((competition) => [competition.id, competition.kind]),
  );
  const rows = db
    .select({
      runId: r.id,
      agentId: r.agentId,
      sweepId: r.sweepId,
      competitionId: r.competitionId,
      seed: r.seed,
      runGroup: r.runGroup,
      flags: r.gradeFlags,
      normalizedScore: r.gradeNormalizedScore,
    })
    .from(r)
    .where(gradedRunCondition(filter))
    .orderBy(asc(r.agentId), asc(r.competitionId), asc(r.runGroup), asc(r.seed), asc(r.id))
    .values();
  const has = (bits: number, bit: number) => (bits & bit) !== 0;
  return rows.map(([runId, agentId, sweepId, competitionId, seed, runGroup, flags, normalizedScore]) => {
    const bits = flags as number;
    return {
      runId: runId as string,
      agentId: agentId as number,
      agentName: names.get(agentId as number) ?? `agent ${agentId}`,
      sweepId: sweepId as string | null,
      competitionId: competitionId as string,
      kind: kinds.get(competitionId as string) ?? "external",
      seed: seed as number,
      runGroup: runGroup as string | null,
      submissionExists: has(bits, RUN_FLAG_BITS.submission_exists),
      validSubmission: has(bits, RUN_FLAG_BITS.valid_submission),
      aboveMedian: has(bits, RUN_FLAG_BITS.above_median),
      goldMedal: has(bits, RUN_FLAG_BITS.gold_medal),
      silverMedal: has(bits, RUN_FLAG_BITS.silver_medal),
      bronzeMedal: has(bits, RUN_FLAG_BITS.bronze_medal),
      normalizedScore: normalizedScore as number | null,
    };
  });
}

/** A run as `bench compare` pairs it: its agent, competition and seed, and the compared value. */
export interface RunValueRow {
  agentName: string;
  competitionId: string;
  seed: number;
  value: number;
}

/**
 * The runs selectRunOutcomes gives, restricted to competitions of one kind, with one value each
 * computed by SQLite (`value`, an expression over the runs' columns), in the same order. Narrow rows:
 * a comparison of two agents with 100,000 runs each reads them in a third of the time.
 */
export function selectRunValues(
  db: StoreDb,
  filter: RunFilter,
  kind: "kaggle" | "rebench",
  value: SQL<number>,
): RunValueRow[] {
  const r = runsTable;
  const names = agentNames(db);
  const ofKind = db
    .select({ id: competitionsTable.id })
    .from(competitionsTable)
    .where(eq(competitionsTable.kind, kind));
  return db
    .select({ agentId: r.agentId, competitionId: r.competitionId, seed: r.seed, value })
    .from(r)
    .where(and(gradedRunCondition(filter), inArray(r.competitionId, ofKind)))
    .orderBy(asc(r.agentId), asc(r.competitionId), asc(r.runGroup), asc(r.seed), asc(r.id))
    .values()
    .map(([agentId, competitionId, seed, runValue]) => ({
      agentName: names.get(agentId as number) ?? `agent ${agentId}`,
      competitionId: competitionId as string,
      seed: seed as number,
      value: runValue as number,
    }));
}
