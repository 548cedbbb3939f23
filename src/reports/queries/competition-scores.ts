// Per agent and competition, what the leaderboard's per-competition matrix shows: how many graded runs,
// how many with a valid submission, their mean score, and how many won each medal. Aggregated in SQLite,
// one row per (agent, competition) pair.

import { count, eq, max, sql, sum } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { competitionsTable, gradesTable, runsTable } from "../../store/schema.js";
import { type RunFilter, runFilterCondition } from "./run-filter.js";

export interface CompetitionScoreRow {
  agentId: number;
  competitionId: string;
  /** The competition's direction in the store, and grades.is_lower_better where it has none. */
  direction: "higher" | "lower" | null;
  lowerBetterMax: number | null;
  runs: number;
  valid: number;
  /** Mean score of the runs with a valid submission; null when none has one. */
  scoreMean: number | null;
  gold: number;
  silver: number;
  bronze: number;
}

export function selectCompetitionScores(db: StoreDb, filter: RunFilter = {}): CompetitionScoreRow[] {
  const g = gradesTable;
  return db
    .select({
      agentId: runsTable.agentId,
      competitionId: runsTable.competitionId,
      direction: competitionsTable.direction,
      lowerBetterMax: max(g.isLowerBetter).mapWith(Number),
      runs: count(),
      valid: sum(g.validSubmission).mapWith(Number),
      scoreMean: sql<number | null>`avg(case when ${g.validSubmission} then ${g.score} end)`,
      // Each run counts once, by its best medal (the grader's flags already exclude each other).
      gold: sum(g.goldMedal).mapWith(Number),
      silver: sql<number>`sum(${g.silverMedal} and not ${g.goldMedal})`.mapWith(Number),
      bronze: sql<number>`sum(${g.bronzeMedal} and not ${g.goldMedal} and not ${g.silverMedal})`.mapWith(
        Number,
      ),
    })
    .from(runsTable)
    .innerJoin(g, eq(g.runId, runsTable.id))
    .innerJoin(competitionsTable, eq(competitionsTable.id, runsTable.competitionId))
    .where(runFilterCondition(filter))
    .groupBy(runsTable.agentId, runsTable.competitionId)
    .all();
}
