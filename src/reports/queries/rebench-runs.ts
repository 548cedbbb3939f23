// RE-bench runs for `bench report rebench`: one row per graded run of a task the store records as an
// RE-bench environment, with its time limit and normalized score. score@k needs every run's score
// (it sorts them and bootstraps over them), so rows are per run, but narrow: four small fields.

import { asc, eq } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { competitionsTable, runsTable } from "../../store/schema.js";
import { gradedRunCondition, type RunFilter } from "./run-filter.js";

export interface RebenchRunRow {
  agentId: number;
  competitionId: string;
  /** Null when the run had no time limit (e.g. imported human baselines). */
  timeLimitMs: number | null;
  /** Null for a failed or invalid run: it counts as 0. */
  normalizedScore: number | null;
}

export function selectRebenchRuns(db: StoreDb, filter: RunFilter = {}): RebenchRunRow[] {
  // The RE-bench tasks first (a small table), so that SQLite seeks their runs in runs_report_idx
  // instead of reading every run of the store to find them: instant on a store without RE-bench tasks.
  const tasks = db
    .select({ id: competitionsTable.id })
    .from(competitionsTable)
    .where(eq(competitionsTable.kind, "rebench"))
    .all()
    .map((task) => task.id)
    .filter((id) => filter.competitionIds?.includes(id) ?? true);
  if (tasks.length === 0) return [];
  return db
    .select({
      agentId: runsTable.agentId,
      competitionId: runsTable.competitionId,
      timeLimitMs: runsTable.timeLimitMs,
      normalizedScore: runsTable.gradeNormalizedScore,
    })
    .from(runsTable)
    .where(gradedRunCondition({ ...filter, competitionIds: tasks }))
    .orderBy(
      asc(runsTable.agentId),
      asc(runsTable.timeLimitMs),
      asc(runsTable.competitionId),
      asc(runsTable.id),
    )
    .all();
}
