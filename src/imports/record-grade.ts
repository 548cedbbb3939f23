// `bench grade`'s results into the store. A batch's report goes in exactly as `bench import mlebench`
// would import the written file (same run group rule, same content hash), so importing that file again
// later changes nothing; the batch it graded is recorded beside it (batch-identity.ts), so grading the
// same batch again adds no runs either. A single graded submission becomes one run with no run group.

import type { CompetitionReport } from "../grading/grade-report.js";
import { gradeFieldsFromReport } from "../store/grades-repo.js";
import { type Clock, type StoreQueryable, systemClock } from "../store/store-queryable.js";
import { batchIdentity, type GradedBatch } from "./batch-identity.js";
import { planCompetitions, type RegistryLookup } from "./competition-plan.js";
import { importMlebenchReport } from "./import-mlebench.js";
import type { ImportSummary } from "./import-summary.js";
import { recordRuns } from "./record-runs.js";

export interface RecordGradeOptions {
  agent: string;
  registry: RegistryLookup;
  clock?: Clock;
}

/**
 * Records the grading report `bench grade --batch` wrote: one run per entry. With `batch`, the graded
 * batch is recorded too, and a batch recorded before (same file content, submissions, agent and run
 * group) is "unchanged": no runs are added.
 */
export function recordBatchReport(
  db: StoreQueryable,
  reportFile: string,
  options: RecordGradeOptions & { batch?: GradedBatch | undefined },
): Promise<ImportSummary> {
  const { batch, ...rest } = options;
  return importMlebenchReport(db, reportFile, {
    ...rest,
    sameAs: batch === undefined ? undefined : async (resolved) => [await batchIdentity(batch, resolved)],
  });
}

/** Records one graded submission as a run of `agent`; returns the run id. */
export async function recordGradeReport(
  db: StoreQueryable,
  report: CompetitionReport,
  options: RecordGradeOptions,
): Promise<string> {
  const clock = options.clock ?? systemClock;
  const competitions = await planCompetitions([report.competition_id], options.registry);
  const outcome = recordRuns(db, {
    runs: [
      {
        agent: options.agent,
        competitionId: report.competition_id,
        runGroup: null,
        grade: gradeFieldsFromReport(report, {}, clock),
      },
    ],
    competitions,
    clock,
  });
  if (outcome.status !== "recorded") throw new Error("a run without an import source is always recorded");
  return outcome.runIds[0]!;
}
