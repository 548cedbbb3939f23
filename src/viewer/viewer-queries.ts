// The few lookups the viewer's pages need that no report makes: one sweep's runs counted by outcome,
// a page of sweeps with theirs, the thresholds a competition's runs were graded against, and graded
// runs per competition. Each is one grouped statement over an index, so a page costs the same with a
// thousand runs or a million. Values are bound parameters, never spliced into SQL.

import { and, count, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { StoreDb } from "../store/open-store.js";
import { gradesTable, type RunStatus, runsTable, scoreLogTable, sweepsTable } from "../store/schema.js";

export type SweepRow = typeof sweepsTable.$inferSelect;

/** The ids of a sweep's runs, as a subquery (runs_sweep_id_idx). */
function selectRunIdsOfSweep(db: StoreDb, sweepId: string) {
  return db.select({ id: runsTable.id }).from(runsTable).where(eq(runsTable.sweepId, sweepId));
}

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
 * The grades of a competition's runs, or of those of one sweep (a scoped export): the runs of a sweep
 * through the grade's run id, an index seek per grade.
 */
function competitionGrades(db: StoreDb, competitionId: string, sweepId: string | undefined) {
  const g = gradesTable;
  return and(
    eq(g.competitionId, competitionId),
    sweepId === undefined ? undefined : inArray(g.runId, selectRunIdsOfSweep(db, sweepId)),
  );
}

/** The medal thresholds a competition's runs were graded against (one row per distinct set). */
export function competitionThresholds(
  db: StoreDb,
  competitionId: string,
  sweepId?: string | undefined,
): ThresholdRow[] {
  const g = gradesTable;
  return db
    .select({
      gold: g.goldThreshold,
      silver: g.silverThreshold,
      bronze: g.bronzeThreshold,
      median: g.medianThreshold,
      lowerIsBetter: g.isLowerBetter,
      runs: count(),
    })
    .from(g)
    .where(competitionGrades(db, competitionId, sweepId))
    .groupBy(g.goldThreshold, g.silverThreshold, g.bronzeThreshold, g.medianThreshold, g.isLowerBetter)
    .orderBy(desc(count()))
    .all();
}

/** Graded runs per competition (grades_competition_id_idx), or of one sweep's runs. */
export function gradedRunsByCompetition(db: StoreDb, sweepId?: string | undefined): Map<string, number> {
  return new Map(
    db
      .select({ id: gradesTable.competitionId, n: count() })
      .from(gradesTable)
      .where(sweepId === undefined ? undefined : inArray(gradesTable.runId, selectRunIdsOfSweep(db, sweepId)))
      .groupBy(gradesTable.competitionId)
      .all()
      .map((row) => [row.id, row.n]),
  );
}

/** How many runs a competition has (runs_competition_id_idx), or has in one sweep. */
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
        and(
          eq(runsTable.competitionId, competitionId),
          sweepId === undefined ? undefined : eq(runsTable.sweepId, sweepId),
        ),
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
 * The scores of a competition's graded runs with a score, most recently graded first, at most `limit`
 * (grades_competition_id_idx), and how many there are in all.
 */
export function competitionRunScores(
  db: StoreDb,
  competitionId: string,
  limit = SCORE_PLOT_RUNS,
  sweepId?: string | undefined,
): { total: number; runs: { agentId: number; score: number }[] } {
  const g = gradesTable;
  const where = and(competitionGrades(db, competitionId, sweepId), isNotNull(g.score));
  const total = db.select({ n: count() }).from(g).where(where).get()?.n ?? 0;
  const runs = db
    .select({ agentId: runsTable.agentId, score: g.score })
    .from(g)
    .innerJoin(runsTable, eq(runsTable.id, g.runId))
    .where(where)
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
