// Per agent and competition, what the leaderboard's per-competition matrix shows: how many graded runs,
// how many with a valid submission, their mean score, and how many won each medal. Aggregated in SQLite,
// one row per (agent, competition) pair.

import { count, eq, max, sql } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { competitionsTable, runsTable } from "../../store/schema.js";
import { RUN_FLAG_BITS } from "../mlebench/run-flags.js";
import { gradedRunCondition, type RunFilter } from "./run-filter.js";

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
  const r = runsTable;
  const flag = (bit: number) => sql`(${r.gradeFlags} & ${bit}) != 0`;
  const [valid, gold, silver, bronze] = [
    flag(RUN_FLAG_BITS.valid_submission),
    flag(RUN_FLAG_BITS.gold_medal),
    flag(RUN_FLAG_BITS.silver_medal),
    flag(RUN_FLAG_BITS.bronze_medal),
  ];
  return db
    .select({
      agentId: r.agentId,
      competitionId: r.competitionId,
      direction: competitionsTable.direction,
      lowerBetterMax: max(r.gradeIsLowerBetter).mapWith(Number),
      runs: count(),
      valid: sql<number>`sum(${valid})`.mapWith(Number),
      scoreMean: sql<number | null>`avg(case when ${valid} then ${r.gradeScore} end)`,
      // Each run counts once, by its best medal (the grader's flags already exclude each other).
      gold: sql<number>`sum(${gold})`.mapWith(Number),
      silver: sql<number>`sum(${silver} and not ${gold})`.mapWith(Number),
      bronze: sql<number>`sum(${bronze} and not ${gold} and not ${silver})`.mapWith(Number),
    })
    .from(r)
    .innerJoin(competitionsTable, eq(competitionsTable.id, r.competitionId))
    .where(gradedRunCondition(filter))
    .groupBy(r.agentId, r.competitionId)
    .all();
}
