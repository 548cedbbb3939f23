// One row per counted, graded run, with what a paired comparison and a trend need: the keys that pair
// runs (agent, sweep, competition, seed) and the values compared (the grader's flags, the normalized
// score). Per run rather than grouped, because pairing is by seed; the rows are narrow, and a
// comparison reads the runs of two sides only.

import { asc, eq } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { agentsTable, competitionsTable, gradesTable, runsTable } from "../../store/schema.js";
import { type RunFilter, runFilterCondition } from "./run-filter.js";

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

/**
 * The runs a filter selects, in the reference's seed order within each agent and competition (run
 * group by name, then seed, then run id: SCORING.md §2), so that the k-th run of a seed is well defined.
 */
export function selectRunOutcomes(db: StoreDb, filter: RunFilter = {}): RunOutcomeRow[] {
  const g = gradesTable;
  return db
    .select({
      runId: runsTable.id,
      agentId: runsTable.agentId,
      agentName: agentsTable.name,
      sweepId: runsTable.sweepId,
      competitionId: runsTable.competitionId,
      kind: competitionsTable.kind,
      seed: runsTable.seed,
      runGroup: runsTable.runGroup,
      submissionExists: g.submissionExists,
      validSubmission: g.validSubmission,
      aboveMedian: g.aboveMedian,
      goldMedal: g.goldMedal,
      silverMedal: g.silverMedal,
      bronzeMedal: g.bronzeMedal,
      normalizedScore: g.normalizedScore,
    })
    .from(runsTable)
    .innerJoin(g, eq(g.runId, runsTable.id))
    .innerJoin(agentsTable, eq(agentsTable.id, runsTable.agentId))
    .innerJoin(competitionsTable, eq(competitionsTable.id, runsTable.competitionId))
    .where(runFilterCondition(filter))
    .orderBy(
      asc(runsTable.agentId),
      asc(runsTable.competitionId),
      asc(runsTable.runGroup),
      asc(runsTable.seed),
      asc(runsTable.id),
    )
    .all();
}
