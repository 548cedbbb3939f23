// The few lookups the viewer's pages need that no report makes: one sweep's runs counted by outcome,
// a page of sweeps with theirs, the thresholds a competition's runs were graded against, and graded
// runs per competition. Each is one grouped statement over an index, so a page costs the same with a
// thousand runs or a million. Values are bound parameters, never spliced into SQL.

import { and, count, desc, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { StoreDb } from "../store/open-store.js";
import {
  agentsTable,
  gradesTable,
  type RunStatus,
  runsTable,
  scoreLogTable,
  sweepsTable,
} from "../store/schema.js";

export type SweepRow = typeof sweepsTable.$inferSelect;

export function getSweep(db: StoreDb, id: string): SweepRow | undefined {
  return db.select().from(sweepsTable).where(eq(sweepsTable.id, id)).get();
}

/** A sweep's runs by status (runs_sweep_id_idx). */
export function sweepStatusCounts(db: StoreDb, sweepId: string): Partial<Record<RunStatus, number>> {
  const counts: Partial<Record<RunStatus, number>> = {};
  for (const row of db
    .select({ status: runsTable.status, n: count() })
    .from(runsTable)
    .where(eq(runsTable.sweepId, sweepId))
    .groupBy(runsTable.status)
    .all()) {
    counts[row.status] = row.n;
  }
  return counts;
}

export interface SweepListPage {
  total: number;
  sweeps: (SweepRow & { runsByStatus: Partial<Record<RunStatus, number>> })[];
}

/** One page of sweeps, newest first, each with its runs by status; `sweepId`: that sweep alone (a scoped export). */
export function selectSweepsPage(
  db: StoreDb,
  page: { limit: number; offset: number; sweepId?: string | undefined },
): SweepListPage {
  const only = page.sweepId === undefined ? undefined : eq(sweepsTable.id, page.sweepId);
  const total = db.select({ n: count() }).from(sweepsTable).where(only).get()?.n ?? 0;
  const sweeps = db
    .select()
    .from(sweepsTable)
    .where(only)
    .orderBy(desc(sweepsTable.createdAtMs), desc(sweepsTable.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((sweep) => ({ ...sweep, runsByStatus: {} as Partial<Record<RunStatus, number>> }));
  const byId = new Map(sweeps.map((sweep) => [sweep.id, sweep]));
  if (sweeps.length > 0) {
    for (const row of db
      .select({ sweepId: runsTable.sweepId, status: runsTable.status, n: count() })
      .from(runsTable)
      .where(inArray(runsTable.sweepId, [...byId.keys()]))
      .groupBy(runsTable.sweepId, runsTable.status)
      .all()) {
      byId.get(row.sweepId!)!.runsByStatus[row.status] = row.n;
    }
  }
  return { total, sweeps };
}

export interface ThresholdRow {
  gold: number | null;
  silver: number | null;
  bronze: number | null;
  median: number | null;
  lowerIsBetter: boolean | null;
  /** How many graded runs used these thresholds. */
  runs: number;
}

/**
 * A competition's runs in one sweep (a scoped export), from the runs table and the grade's copy in it,
 * never the competition's grades of every sweep (23 ms for a competition of a million-run store; this,
 * 3 ms). Naming every agent lets SQLite choose between the sweep's runs (runs_sweep_id_status_idx) and
 * the (agent, competition) entries of runs_report_idx, which carry the sweep.
 */
function competitionRunsOfSweep(competitionId: string, sweepId: string): SQL {
  return and(
    sql`${runsTable.agentId} in (select ${agentsTable.id} from ${agentsTable})`,
    eq(runsTable.competitionId, competitionId),
    eq(runsTable.sweepId, sweepId),
  )!;
}

const THRESHOLD_COLUMNS = {
  gold: gradesTable.goldThreshold,
  silver: gradesTable.silverThreshold,
  bronze: gradesTable.bronzeThreshold,
  median: gradesTable.medianThreshold,
  lowerIsBetter: gradesTable.isLowerBetter,
  runs: count(),
};

/** The medal thresholds a competition's runs (or one sweep's of them) were graded against, one row per set. */
export function competitionThresholds(
  db: StoreDb,
  competitionId: string,
  sweepId?: string | undefined,
): ThresholdRow[] {
  const g = gradesTable;
  const grouped = [g.goldThreshold, g.silverThreshold, g.bronzeThreshold, g.medianThreshold, g.isLowerBetter];
  if (sweepId !== undefined) {
    return db
      .select(THRESHOLD_COLUMNS)
      .from(runsTable)
      .innerJoin(g, eq(g.runId, runsTable.id))
      .where(competitionRunsOfSweep(competitionId, sweepId))
      .groupBy(...grouped)
      .orderBy(desc(count()))
      .all();
  }
  return db
    .select(THRESHOLD_COLUMNS)
    .from(g)
    .where(eq(g.competitionId, competitionId))
    .groupBy(...grouped)
    .orderBy(desc(count()))
    .all();
}

/** Graded runs per competition (grades_competition_id_idx), or of one sweep's runs (runs_sweep_id_idx). */
export function gradedRunsByCompetition(db: StoreDb, sweepId?: string | undefined): Map<string, number> {
  const rows =
    sweepId === undefined
      ? db
          .select({ id: gradesTable.competitionId, n: count() })
          .from(gradesTable)
          .groupBy(gradesTable.competitionId)
          .all()
      : db
          .select({ id: runsTable.competitionId, n: count() })
          .from(runsTable)
          .where(and(eq(runsTable.sweepId, sweepId), isNotNull(runsTable.gradeFlags)))
          .groupBy(runsTable.competitionId)
          .all();
  return new Map(rows.map((row) => [row.id, row.n]));
}

/** How many runs a competition has (runs_competition_id_idx), or has in one sweep (runs_report_idx). */
export function countCompetitionRuns(
  db: StoreDb,
  competitionId: string,
  sweepId?: string | undefined,
): number {
  return (
    db
      .select({ n: count() })
      .from(runsTable)
      .where(
        sweepId === undefined
          ? eq(runsTable.competitionId, competitionId)
          : competitionRunsOfSweep(competitionId, sweepId),
      )
      .get()?.n ?? 0
  );
}

/** The competitions a sweep has runs of (runs_sweep_id_idx). */
export function sweepCompetitionIds(db: StoreDb, sweepId: string): Set<string> {
  return new Set(
    db
      .selectDistinct({ id: runsTable.competitionId })
      .from(runsTable)
      .where(eq(runsTable.sweepId, sweepId))
      .all()
      .map((row) => row.id),
  );
}

/** At most this many runs are drawn on a competition's score plot (the most recently graded). */
export const SCORE_PLOT_RUNS = 2000;

/**
 * The scores of a competition's graded runs with a score (or of one sweep's), most recently graded
 * first, at most `limit`, and how many there are in all.
 */
export function competitionRunScores(
  db: StoreDb,
  competitionId: string,
  limit = SCORE_PLOT_RUNS,
  sweepId?: string | undefined,
): { total: number; runs: { agentId: number; score: number }[] } {
  const g = gradesTable;
  const where =
    sweepId === undefined
      ? and(eq(g.competitionId, competitionId), isNotNull(g.score))
      : and(competitionRunsOfSweep(competitionId, sweepId), isNotNull(runsTable.gradeScore));
  const total =
    sweepId === undefined
      ? (db.select({ n: count() }).from(g).where(where).get()?.n ?? 0)
      : (db.select({ n: count() }).from(runsTable).where(where).get()?.n ?? 0);
  const runs = db
    .select({ agentId: runsTable.agentId, score: g.score })
    .from(runsTable)
    .innerJoin(g, eq(runsTable.id, g.runId))
    .where(sweepId === undefined ? where : and(where, isNotNull(g.score)))
    .orderBy(desc(g.gradedAtMs))
    .limit(limit)
    .all()
    .filter((row): row is { agentId: number; score: number } => row.score !== null);
  return { total, runs };
}

/** Whether a run's score log has an entry with a score (its page then draws it). */
export function hasScoreLog(db: StoreDb, runId: string): boolean {
  const s = scoreLogTable;
  return (
    db
      .select({ n: count() })
      .from(s)
      .where(and(eq(s.runId, runId), or(isNotNull(s.rawScore), isNotNull(s.normalizedScore))))
      .get()?.n !== 0
  );
}
