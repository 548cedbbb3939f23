// The scheduler's record of every run in the store, written before each step is taken: a run is
// `queued` before it waits for resources, `running` (with the owning bench session) before the
// runtime starts it, and finished together with its grade in one transaction. Resuming a sweep reads
// this record back: finished and graded runs are skipped, runs owned by a dead bench are marked
// interrupted and run again.

import { eq } from "drizzle-orm";
import { BenchError } from "../errors.js";
import type { CompetitionReport } from "../grading/grade-report.js";
import type { RunResult } from "../runtimes/runtime.js";
import { findOrCreateAgent } from "../store/agents-repo.js";
import { boundedNotes, boundedText, MAX_RUN_ERROR_CHARS } from "../store/bounded-text.js";
import { withBusyRetry } from "../store/busy-retry.js";
import { upsertRegistryCompetitions } from "../store/competitions-repo.js";
import { getGrade, writeGradeReport } from "../store/grades-repo.js";
import type { StoreDb } from "../store/open-store.js";
import { getRun, insertRun } from "../store/runs-repo.js";
import { type RunStatus, runsTable, sweepsTable } from "../store/schema.js";
import type { PlannedRun } from "./sweep-plan.js";

type StoreTransaction = Parameters<Parameters<StoreDb["transaction"]>[0]>[0];

export type PrepareDecision = { skip: true; reason: string } | { skip: false };

export interface RunJournal {
  /** Records the run as queued (creating or re-queuing it), or says why it needs no new attempt. */
  prepare(run: PlannedRun, sweepId: string): PrepareDecision;
  markRunning(
    runId: string,
    info: { sessionId: string; gpuIds: readonly string[]; runtime: string; runDir: string },
  ): void;
  /** The run's handle in its runtime; `startedAtMs` when the agent started later than markRunning (a queued Slurm job). */
  markHandle(runId: string, handle: string | null, startedAtMs?: number): void;
  /** An infrastructure error that will be retried: back to queued, one more attempt. */
  markRetry(runId: string, message: string): void;
  finish(runId: string, result: RunResult, graded: GradedRun | null): void;
}

/** A run's grade report and the grader that produced it (stored with the grade, for resume). */
export interface GradedRun {
  report: CompetitionReport;
  grader: { id: string; version: number } | null;
}

/** Statuses whose runs are done: a resumed sweep does not run them again (if graded by this grader). */
const DONE: readonly RunStatus[] = ["completed", "agent_error", "timed_out", "out_of_memory", "over_budget"];

export interface StoreRunJournalOptions {
  db: StoreDb;
  /** The grader id and version a run's grade must have to count as done. */
  graderOf: (run: PlannedRun) => { id: string; version: number } | null;
  isSessionAlive: (sessionId: string) => boolean;
  currentSessionId: string;
  clock?: () => number;
}

export class StoreRunJournal implements RunJournal {
  readonly #db: StoreDb;
  readonly #options: StoreRunJournalOptions;
  readonly #now: () => number;

  constructor(options: StoreRunJournalOptions) {
    this.#db = options.db;
    this.#options = options;
    this.#now = options.clock ?? Date.now;
  }

  /** Creates or refreshes the sweep row; marks it running under this session. */
  startSweep(sweepId: string, config: Record<string, unknown>): void {
    const now = this.#now();
    withBusyRetry(() =>
      this.#db
        .insert(sweepsTable)
        .values({ id: sweepId, name: sweepId, config, status: "running", createdAtMs: now })
        .onConflictDoUpdate({
          target: sweepsTable.id,
          set: { config, status: "running", finishedAtMs: null },
        })
        .run(),
    );
  }

  endSweep(sweepId: string, status: "finished" | "interrupted" | "failed"): void {
    withBusyRetry(() =>
      this.#db
        .update(sweepsTable)
        .set({ status, finishedAtMs: this.#now() })
        .where(eq(sweepsTable.id, sweepId))
        .run(),
    );
  }

  prepare(run: PlannedRun, sweepId: string): PrepareDecision {
    return this.#transaction((tx) => {
      const existing = getRun(tx, run.runId);
      if (existing === undefined) {
        upsertRegistryCompetitions(tx, [run.competition.manifest], this.#now);
        const agent = findOrCreateAgent(
          tx,
          {
            name: run.agent.config.name,
            contentHash: run.agent.contentHash,
            version: run.agent.config.version ?? null,
            config: run.agent.config as unknown as Record<string, unknown>,
          },
          this.#now,
        );
        insertRun(tx, {
          id: run.runId,
          sweepId,
          agentId: agent.id,
          competitionId: run.competition.id,
          seed: run.seed,
          timeLimitMs: run.timeLimitMs,
          status: "queued",
          sessionId: this.#options.currentSessionId,
          queuedAtMs: this.#now(),
        });
        return { skip: false };
      }
      if (DONE.includes(existing.status)) {
        const grade = getGrade(tx, run.runId);
        const grader = this.#options.graderOf(run);
        if (grade !== undefined && (grader === null || grade.graderVersion === grader.version)) {
          return { skip: true, reason: `already ${existing.status.replace(/_/g, " ")} and graded` };
        }
      }
      if ((existing.status === "running" || existing.status === "queued") && existing.sessionId) {
        const owner = existing.sessionId;
        if (owner !== this.#options.currentSessionId && this.#options.isSessionAlive(owner)) {
          throw new BenchError(
            "USAGE",
            `run ${run.runId} belongs to another bench that is still running (${owner}).`,
            {
              hint: "wait for it to finish, or stop it, before running the same sweep again.",
            },
          );
        }
        if (existing.status === "running") {
          // Its bench died mid-run: record that before anything else happens to it.
          this.#set(tx, run.runId, {
            status: "interrupted",
            finishedAtMs: this.#now(),
            error: "bench stopped while this run was in flight",
          });
        }
      }
      this.#set(tx, run.runId, {
        status: "queued",
        sessionId: this.#options.currentSessionId,
        queuedAtMs: this.#now(),
        startedAtMs: null,
        finishedAtMs: null,
        exitCode: null,
        error: null,
        handle: null,
        attempt: existing.status === "queued" ? existing.attempt : existing.attempt + 1,
      });
      return { skip: false };
    });
  }

  markRunning(
    runId: string,
    info: { sessionId: string; gpuIds: readonly string[]; runtime: string; runDir: string },
  ): void {
    this.#set(this.#db, runId, {
      status: "running",
      sessionId: info.sessionId,
      gpus: [...info.gpuIds],
      runtime: info.runtime,
      workspace: info.runDir,
      startedAtMs: this.#now(),
    });
  }

  markHandle(runId: string, handle: string | null, startedAtMs?: number): void {
    this.#set(this.#db, runId, startedAtMs === undefined ? { handle } : { handle, startedAtMs });
  }

  markRetry(runId: string, message: string): void {
    const run = getRun(this.#db, runId);
    this.#set(this.#db, runId, {
      status: "queued",
      error: boundedText(`retrying after an infrastructure error: ${message}`, MAX_RUN_ERROR_CHARS),
      attempt: (run?.attempt ?? 1) + 1,
      queuedAtMs: this.#now(),
    });
  }

  finish(runId: string, result: RunResult, graded: GradedRun | null): void {
    this.#transaction((tx) => {
      this.#set(tx, runId, {
        status: result.endClass,
        exitCode: result.exitCode,
        error: result.endClass === "completed" ? null : boundedText(result.message, MAX_RUN_ERROR_CHARS),
        notes: boundedNotes(result.notes),
        startedAtMs: result.startedAtMs,
        finishedAtMs: result.finishedAtMs,
      });
      if (graded !== null) {
        const extras = graded.grader
          ? { graderId: graded.grader.id, graderVersion: graded.grader.version }
          : {};
        writeGradeReport(tx, runId, graded.report, extras, this.#now);
      }
    });
  }

  /**
   * One write transaction, IMMEDIATE (the write lock is taken before the first read, so a concurrent
   * writer makes it wait in the busy handler instead of failing it), retried while another bench
   * process holds the store: a journal write is never dropped.
   */
  #transaction<T>(work: (tx: StoreTransaction) => T): T {
    return withBusyRetry(() => this.#db.transaction(work, { behavior: "immediate" }));
  }

  #set(db: Pick<StoreDb, "update">, runId: string, values: Partial<typeof runsTable.$inferInsert>): void {
    const write = () => db.update(runsTable).set(values).where(eq(runsTable.id, runId)).run();
    // Inside a transaction the retry belongs to the whole transaction, not to one of its statements.
    if (db === this.#db) withBusyRetry(write);
    else write();
  }
}
