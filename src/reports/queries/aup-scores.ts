// Per agent, task and run group, what performance profiles need, aggregated in SQL: the best and worst of
// the runs' best-attempt scores and last-submission scores (which end is "best" depends on the task's
// direction, decided by the caller), the baseline scores recorded with the runs, and the direction.
// Run groups stay apart so that the caller can tell result sets of one import apart (MLGym's three).

import { count, eq, max, min } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { competitionsTable, runsTable } from "../../store/schema.js";
import { gradedRunCondition, type RunFilter } from "./run-filter.js";

export interface AupScoreRow {
  agentId: number;
  competitionId: string;
  /** The runs' run group (an imported result set); null when they have none. */
  runGroup: string | null;
  /** The task's direction from the store's competitions table. */
  direction: "higher" | "lower" | null;
  /** The grade's is_lower_better, for tasks whose competition row has no direction (0/1, or null). */
  lowerBetterMax: number | null;
  runs: number;
  scoreMax: number | null;
  scoreMin: number | null;
  lastScoreMax: number | null;
  lastScoreMin: number | null;
  baselineMin: number | null;
  baselineMax: number | null;
}

export function selectAupScores(db: StoreDb, filter: RunFilter = {}): AupScoreRow[] {
  return db
    .select({
      agentId: runsTable.agentId,
      competitionId: runsTable.competitionId,
      runGroup: runsTable.runGroup,
      direction: competitionsTable.direction,
      // max() over a boolean column returns SQLite's integer; read it as a number.
      lowerBetterMax: max(runsTable.gradeIsLowerBetter).mapWith(Number),
      runs: count(),
      scoreMax: max(runsTable.gradeScore),
      scoreMin: min(runsTable.gradeScore),
      lastScoreMax: max(runsTable.gradeLastScore),
      lastScoreMin: min(runsTable.gradeLastScore),
      baselineMin: min(runsTable.gradeBaselineScore),
      baselineMax: max(runsTable.gradeBaselineScore),
    })
    .from(runsTable)
    .innerJoin(competitionsTable, eq(competitionsTable.id, runsTable.competitionId))
    .where(gradedRunCondition(filter))
    .groupBy(runsTable.agentId, runsTable.competitionId, runsTable.runGroup)
    .all();
}
