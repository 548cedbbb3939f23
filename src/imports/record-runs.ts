// Writes finished, graded runs that came from outside the scheduler (an imported file, a `bench grade`)
// into the store, in one transaction: the import row (whose content hash makes a repeated import a
// no-op), the competitions, the agents, then every run with its seed and grade. Either all of a file's
// rows land or none do.

import { didYouMean } from "../config/closest-match.js";
import { externalAgentHash, findOrCreateAgent } from "../store/agents-repo.js";
import { withBusyRetry } from "../store/busy-retry.js";
import { ensureExternalCompetition, upsertRegistryCompetitions } from "../store/competitions-repo.js";
import { type GradeFields, insertGrades } from "../store/grades-repo.js";
import { findImportByHash, insertImport } from "../store/imports-repo.js";
import { runReportCopy } from "../store/run-report-copy.js";
import { insertRuns, type NewRun, newRunId, SeedAllocator } from "../store/runs-repo.js";
import { type Clock, type StoreQueryable, systemClock } from "../store/store-queryable.js";
import { insertRunUsage, type UsageWrite } from "../store/usage-repo.js";
import { type CompetitionPlan, registryManifests } from "./competition-plan.js";

export interface RecordedRun {
  /** Agent name; results known only by name share one agent (`externalAgentHash`). */
  agent: string;
  competitionId: string;
  runGroup: string | null;
  sourceRunId?: string | null;
  timeLimitMs?: number | null;
  startedAtMs?: number | null;
  /** The run's LLM usage as the source gives it (totals, no model); null or absent when none. */
  usage?: { tokens: number | null; costUsd: number | null } | null;
  grade: GradeFields;
}

export interface ImportSource {
  kind: "mlebench" | "csv" | "mlgym";
  path: string;
  contentHash: string;
  options: Record<string, unknown>;
}

export interface RecordRequest {
  /** The imported file; absent for results that come from no file (one `bench grade`). */
  source?: ImportSource;
  /**
   * Other files that stand for exactly these runs (`bench grade --batch`: the batch file it graded,
   * beside the report it wrote). Each gets an import row of its own; when any of them, or the source,
   * was imported before, nothing is recorded, and the ones not yet known are registered, so that
   * importing any of them later changes nothing either. Only with a source.
   */
  sameAs?: readonly ImportSource[];
  /**
   * The runs, in order: an array, or anything that counts them and makes them one at a time (an import
   * of a large file makes each run's grade only as it is written, instead of holding them all).
   */
  runs: RecordedRuns;
  competitions: CompetitionPlan;
  clock?: Clock;
}

export type RecordOutcome =
  | {
      status: "recorded";
      importId: number | null;
      /** Run ids in the order of `runs`. */
      runIds: string[];
      /** External tasks this call created. */
      createdCompetitions: string[];
      warnings: string[];
    }
  | { status: "unchanged"; importId: number; importedAtMs: number; warnings: string[] };

/** The runs of a request: an array is one. */
export interface RecordedRuns {
  readonly length: number;
  [Symbol.iterator](): Iterator<RecordedRun>;
}

/** Runs written per batch: each batch's rows are built, inserted and dropped before the next. */
const WRITE_BATCH = 2000;

/** The option key of an import row registered through `sameAs`: the id of the import holding its runs. */
const RUNS_OF = "runsOfImport";

export function recordRuns(db: StoreQueryable, request: RecordRequest): RecordOutcome {
  const clock = request.clock ?? systemClock;
  // IMMEDIATE: take the write lock before reading the content hash, so that two processes importing the
  // same file cannot both see it as new. Retried while another bench process holds the store.
  return withBusyRetry(() =>
    db.transaction(
      (tx): RecordOutcome => {
        const now = clock();
        const { source } = request;
        const identities = source === undefined ? [] : [source, ...(request.sameAs ?? [])];
        const known = identities.map((identity) => findImportByHash(tx, identity.contentHash));
        const existing = known.find((row) => row !== undefined);
        // A row registered for another file of the same runs names the import the runs belong to.
        const register = (identity: ImportSource, runsImportId?: number) =>
          insertImport(tx, {
            kind: identity.kind,
            sourcePath: identity.path,
            contentHash: identity.contentHash,
            options:
              runsImportId === undefined
                ? identity.options
                : { ...identity.options, [RUNS_OF]: runsImportId },
            rowCount: request.runs.length,
            importedAtMs: now,
          });
        if (existing !== undefined) {
          const runsOf = existing.options?.[RUNS_OF];
          const importId = typeof runsOf === "number" ? runsOf : existing.id;
          identities.forEach((identity, index) => {
            if (known[index] === undefined) register(identity, importId);
          });
          return { status: "unchanged", importId, importedAtMs: existing.importedAtMs, warnings: [] };
        }
        const warnings: string[] = [];
        upsertRegistryCompetitions(tx, registryManifests(request.competitions), clock);
        const created: string[] = [];
        for (const external of request.competitions.external) {
          const { row, created: isNew } = ensureExternalCompetition(tx, external, clock);
          if (isNew) created.push(external.id);
          else if (external.direction && row.direction && external.direction !== row.direction) {
            warnings.push(
              `${external.id}: this file says ${external.direction} is better, the store already has it as ${row.direction} is better (kept).`,
            );
          }
        }
        if (created.length > 0) warnings.push(externalWarning(created, request.competitions));

        const importRow = source === undefined ? undefined : register(source);
        for (const identity of identities.slice(1)) register(identity, importRow!.id);

        const agentIds = new Map<string, number>();
        const agentId = (name: string) => {
          let id = agentIds.get(name);
          if (id === undefined) {
            id = findOrCreateAgent(tx, { name, contentHash: externalAgentHash(name) }, clock).id;
            agentIds.set(name, id);
          }
          return id;
        };
        const seeds = new SeedAllocator(tx);
        const runIds: string[] = [];
        let runRows: NewRun[] = [];
        let gradeRows: (GradeFields & { runId: string })[] = [];
        let usageRows: (UsageWrite & { runId: string })[] = [];
        const flush = () => {
          insertRuns(tx, runRows);
          insertGrades(tx, gradeRows);
          insertRunUsage(tx, usageRows, clock);
          runRows = [];
          gradeRows = [];
          usageRows = [];
        };
        for (const run of request.runs) {
          const id = newRunId();
          const owner = agentId(run.agent);
          runRows.push({
            id,
            importId: importRow?.id ?? null,
            agentId: owner,
            competitionId: run.competitionId,
            seed: seeds.next({ agentId: owner, competitionId: run.competitionId, runGroup: run.runGroup }),
            runGroup: run.runGroup,
            sourceRunId: run.sourceRunId ?? null,
            timeLimitMs: run.timeLimitMs ?? null,
            status: "completed",
            queuedAtMs: run.startedAtMs ?? now,
            startedAtMs: run.startedAtMs ?? null,
            // The reports' copy of the grade and usage written below, so that the store's triggers
            // find it in place (store/run-report-copy.ts).
            ...runReportCopy(run.grade, run.usage ? [{ model: null, ...run.usage }] : []),
          });
          gradeRows.push({ ...run.grade, runId: id });
          if (run.usage) usageRows.push({ runId: id, model: null, ...run.usage });
          runIds.push(id);
          if (runRows.length === WRITE_BATCH) flush();
        }
        flush();
        return {
          status: "recorded",
          importId: importRow?.id ?? null,
          runIds,
          createdCompetitions: created,
          warnings,
        };
      },
      { behavior: "immediate" },
    ),
  );
}

function externalWarning(ids: readonly string[], plan: CompetitionPlan): string {
  const described = ids.map((id) => {
    const direction = plan.external.find((external) => external.id === id)?.direction;
    const suggestion = didYouMean(id, plan.suggestions.get(id) ?? []);
    return `${id}${direction ? ` (${direction} is better)` : ""}${suggestion}`;
  });
  return (
    `${ids.length === 1 ? "1 competition is" : `${ids.length} competitions are`} not in the registry; ` +
    `created as external tasks: ${described.join(", ")}.`
  );
}
