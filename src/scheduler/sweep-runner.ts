// Runs a planned sweep: leases resources, starts each run in the runtime, enforces limits through
// it, retries only infrastructure errors (bounded, with backoff), grades each submission the moment
// its run ends and records everything in the store. Every state change is journaled BEFORE it is
// acted on, so a bench killed at any point can be resumed by running the same sweep again.

import { rmSync, statfsSync } from "node:fs";
import path from "node:path";
import PQueue from "p-queue";
import { agentSecretValues, resolveAgentArgs, resolveAgentEnvironment } from "../config/agent-environment.js";
import { BenchError, isDiskFull } from "../errors.js";
import type { CompetitionReport } from "../grading/grade-report.js";
import { type ArtifactLimits, DEFAULT_ARTIFACT_LIMITS } from "../runtimes/artifact-limits.js";
import { redactText } from "../runtimes/redact.js";
import type { RunEndClass, RunResult, Runtime } from "../runtimes/runtime.js";
import { boundedText } from "../store/bounded-text.js";
import type { ResourcePool } from "./resource-pool.js";
import type { GradedRun, RunJournal } from "./run-journal.js";
import type { PlannedRun } from "./sweep-plan.js";

export interface SweepRunnerOptions {
  sweepId: string;
  sessionId: string;
  runtime: Runtime;
  pool: ResourcePool;
  journal: RunJournal;
  /** Grades a run's outcome (the submission, or its absence). */
  grade: (run: PlannedRun, result: RunResult) => Promise<GradedRun>;
  /** Folder under which each run's relativeDir lives (runs/). */
  runsRoot: string;
  /** Host folder of a competition's public data. */
  publicDataDir: (run: PlannedRun) => string;
  concurrency: number;
  /** What is kept of each run's folders and output; default DEFAULT_ARTIFACT_LIMITS. */
  artifactLimits?: ArtifactLimits;
  retries: number;
  stopGraceMs: number;
  /** First retry delay; doubles each attempt. */
  retryBaseDelayMs?: number;
  /** Stops launching and cancels running runs (first Ctrl-C). */
  signal?: AbortSignal;
  /** Cuts the stop grace to zero (second Ctrl-C). */
  forceSignal?: AbortSignal;
  onEvent?: (event: SweepEvent) => void;
  /**
   * Starts per-run side work while the agent runs (the score-request and usage watchers); stopped after
   * it ends, when its `notes` join the run's. `violate(message)` stops the run (SIGTERM, then the grace)
   * and records it as the agent's error (e.g. it filled its folder), or as `over_budget`.
   */
  watchRun?: (
    run: PlannedRun,
    runDir: string,
    startedAtMs: number,
    violate: (message: string, endClass?: ViolationClass) => void,
  ) => RunWatch;
}

/** How a run stopped for breaking a rule is recorded. */
export type ViolationClass = Extract<RunEndClass, "agent_error" | "over_budget">;

export interface RunWatch {
  stop(): Promise<void>;
  /** Read after `stop`: what the run's record should say besides the runtime's notes. */
  notes?(): readonly string[];
}

export type SweepEvent =
  | { type: "skipped"; run: PlannedRun; reason: string }
  | { type: "started"; run: PlannedRun; attempt: number; gpuIds: readonly string[] }
  | { type: "retrying"; run: PlannedRun; attempt: number; delayMs: number; message: string }
  | {
      type: "finished";
      run: PlannedRun;
      endClass: RunEndClass;
      report: CompetitionReport | null;
      message: string;
    };

export interface SweepSummary {
  planned: number;
  skipped: number;
  byClass: Record<RunEndClass, number>;
  /** Runs that never started because the sweep was stopped. */
  notStarted: number;
  /** Set when the sweep stopped because the disk bench writes to was full: what the disk said. */
  diskFull?: string;
}

function emptyCounts(): Record<RunEndClass, number> {
  return {
    completed: 0,
    agent_error: 0,
    timed_out: 0,
    out_of_memory: 0,
    over_budget: 0,
    infra_error: 0,
    cancelled: 0,
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** An error's message, cut short: it may quote whatever the agent wrote. */
function errorText(error: unknown): string {
  return boundedText(error instanceof Error ? error.message : String(error), 500);
}

/** The run's message and notes with the agent's secret values masked (they may quote its output). */
function redactResult(result: RunResult, secrets: readonly string[]): RunResult {
  if (secrets.length === 0) return result;
  return {
    ...result,
    message: redactText(result.message, secrets),
    ...(result.notes === undefined ? {} : { notes: result.notes.map((note) => redactText(note, secrets)) }),
  };
}

function infraResult(result: RunResult, message: string): RunResult {
  return { ...result, endClass: "infra_error", message };
}

export async function runSweep(
  plan: readonly PlannedRun[],
  options: SweepRunnerOptions,
): Promise<SweepSummary> {
  const { journal, runtime, pool, signal } = options;
  const summary: SweepSummary = { planned: plan.length, skipped: 0, byClass: emptyCounts(), notStarted: 0 };
  const emit = (event: SweepEvent) => options.onEvent?.(event);

  // Resume: decide per run whether it is already done, before anything is launched.
  const todo: PlannedRun[] = [];
  for (const run of plan) {
    const decision = journal.prepare(run, options.sweepId);
    if (decision.skip) {
      summary.skipped++;
      emit({ type: "skipped", run, reason: decision.reason });
    } else {
      todo.push(run);
    }
  }

  const queue = new PQueue({ concurrency: options.concurrency });
  const onStop = () => queue.clear();
  // Set when the disk bench writes to is full: no later run could be recorded, so none is started; the
  // runs left stay queued in the store, and the same command resumes them once there is room.
  let diskFull = false;
  /** `reason`: what the disk said (the first time: later runs only meet the same disk). */
  const stopForFullDisk = (reason: string) => {
    if (diskFull) return;
    diskFull = true;
    summary.diskFull = reason;
    queue.clear();
  };
  signal?.addEventListener("abort", onStop, { once: true });

  const runOne = async (run: PlannedRun): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted || diskFull) {
        summary.notStarted++;
        return;
      }
      let lease: Awaited<ReturnType<ResourcePool["acquire"]>>;
      try {
        lease = await pool.acquire(run.resources, signal);
      } catch {
        summary.notStarted++;
        return; // aborted while waiting for resources
      }
      let result: RunResult;
      // Configuration problems (a bad spec, missing data) fail the same way on every attempt.
      let retryable = true;
      try {
        const runDir = path.join(options.runsRoot, run.relativeDir);
        // A fresh folder per attempt: nothing from an interrupted attempt may be graded as this one's;
        // except where the runtime follows what a dead bench left in flight (a Slurm job) instead.
        const reattach = attempt === 1 && (await runtime.canReattach?.(run.runId, runDir)) === true;
        if (!reattach) rmSync(runDir, { recursive: true, force: true });
        journal.markRunning(run.runId, {
          sessionId: options.sessionId,
          // A cluster runtime's lease holds placeholder slots: the devices are the scheduler's choice.
          gpuIds: runtime.allocatesResources ? [] : lease.gpuIds,
          runtime: runtime.name,
          runDir,
        });
        emit({ type: "started", run, attempt, gpuIds: runtime.allocatesResources ? [] : lease.gpuIds });
        const controller = new AbortController();
        const cancel = () => controller.abort(new Error("sweep stopped"));
        signal?.addEventListener("abort", cancel, { once: true });
        const force = () => controller.abort(new Error("sweep forced to stop"));
        options.forceSignal?.addEventListener("abort", force, { once: true });
        const secrets = agentSecretValues(run.agent);
        let watcher: RunWatch | undefined;
        let violation: { message: string; endClass: ViolationClass } | undefined;
        const violate = (message: string, endClass: ViolationClass = "agent_error") => {
          violation ??= { message, endClass };
          controller.abort(new Error(message));
        };
        try {
          result = await runtime.run(
            {
              runId: run.runId,
              sweepId: options.sweepId,
              sessionId: options.sessionId,
              competitionId: run.competition.id,
              image: run.agent.config.image,
              command: [...run.agent.config.command, ...resolveAgentArgs(run.agent)],
              // Secrets are read from bench's environment here, per run, so that their values live in
              // the runtime's spec only (executeSweep checked them all before the first run).
              // BENCH_SEED last: the agent's own env cannot change which seed a run is.
              env: { ...resolveAgentEnvironment(run.agent), BENCH_SEED: String(run.seed) },
              secrets,
              ...(run.agent.config.privileged ? { privileged: true } : {}),
              ...(run.agent.startScript === undefined ? {} : { imageWorkdir: true }),
              publicDataDir: options.publicDataDir(run),
              runDir,
              limits: {
                timeLimitMs: run.timeLimitMs,
                stopGraceMs: options.forceSignal?.aborted ? 0 : options.stopGraceMs,
                cpus: run.resources.cpus,
                memoryBytes: Math.round(run.resources.memoryGb * 1024 ** 3),
                shmBytes: Math.round(run.resources.shmGb * 1024 ** 3),
                pidsLimit: run.resources.pids,
                gpuIds: lease.gpuIds,
                network: run.agent.config.network,
                artifacts: options.artifactLimits ?? DEFAULT_ARTIFACT_LIMITS,
              },
            },
            {
              signal: controller.signal,
              ...(options.forceSignal ? { forceSignal: options.forceSignal } : {}),
              onStarted: (info) => {
                journal.markHandle(
                  run.runId,
                  info.containerId ??
                    (info.jobId !== undefined
                      ? `slurm:${info.jobId}`
                      : info.pid === undefined
                        ? null
                        : `pid:${info.pid}`),
                  // A cluster job may wait in the scheduler's queue: its run time starts now, not at submission.
                  info.jobId === undefined ? undefined : info.startedAtMs,
                );
                watcher = options.watchRun?.(run, runDir, info.startedAtMs, violate);
              },
            },
          );
        } finally {
          await watcher?.stop();
          signal?.removeEventListener("abort", cancel);
          options.forceSignal?.removeEventListener("abort", force);
        }
        // Stopped for breaking a rule, not by the user: the agent's, not to be run again.
        if (violation !== undefined) {
          result = { ...result, endClass: violation.endClass, message: violation.message };
        }
        const watchNotes = watcher?.notes?.() ?? [];
        if (watchNotes.length > 0) result = { ...result, notes: [...(result.notes ?? []), ...watchNotes] };
        // An agent that failed on a disk with no room left most likely failed for the disk, not for
        // itself: not held against it (an infrastructure error, run again on resume), and the sweep
        // stops, since every later run would meet the same disk.
        const full = result.endClass === "agent_error" ? fullDiskNote(runDir) : null;
        if (full !== null) {
          result = {
            ...result,
            endClass: "infra_error",
            message: `${full}; the agent's own failure: ${result.message}`,
          };
          stopForFullDisk(full);
        }
        result = redactResult(result, secrets);
      } catch (error) {
        // A runtime that throws instead of classifying is itself an infrastructure failure; one that
        // found the disk full stops the sweep (no retry could do better).
        retryable = !(error instanceof BenchError) || error.code === "RUNTIME";
        if (isDiskFull(error)) {
          stopForFullDisk(errorText(error));
          retryable = false;
        }
        const now = Date.now();
        result = {
          endClass: "infra_error",
          exitCode: null,
          message: error instanceof Error ? error.message : String(error),
          startedAtMs: now,
          finishedAtMs: now,
          submissionPath: null,
        };
      } finally {
        lease.release();
      }

      if (
        result.endClass === "infra_error" &&
        retryable &&
        attempt <= options.retries &&
        !signal?.aborted &&
        !diskFull
      ) {
        const delayMs = (options.retryBaseDelayMs ?? 2000) * 2 ** (attempt - 1);
        journal.markRetry(run.runId, result.message);
        emit({ type: "retrying", run, attempt, delayMs, message: result.message });
        await sleep(delayMs, signal);
        continue;
      }
      // Cancelled runs are not graded: they did not get their time.
      let graded: GradedRun | null = null;
      if (result.endClass !== "cancelled") {
        try {
          graded = await options.grade(run, result);
        } catch (error) {
          // Grading turns anything wrong with the file into an invalid report; what still throws is
          // bench's own failure on this run, recorded as such, and the sweep goes on (unless the disk
          // is full: then it stops).
          if (isDiskFull(error)) stopForFullDisk(errorText(error));
          result = infraResult(result, `bench could not grade this run: ${errorText(error)}`);
        }
      }
      journal.finish(run.runId, result, graded);
      summary.byClass[result.endClass]++;
      emit({
        type: "finished",
        run,
        endClass: result.endClass,
        report: graded?.report ?? null,
        message: result.message,
      });
      return;
    }
  };

  for (const run of todo) {
    // Every add() promise gets a handler: a failing run must not become an unhandled rejection.
    queue
      .add(() => runOne(run))
      .catch((error: unknown) => {
        // The top-level guard: anything unexpected while handling one run is that run's infra_error,
        // recorded in the store (so no row stays `running`), and the other runs go on; except a full
        // disk, which stops the sweep (see diskFull).
        const full = isDiskFull(error);
        if (full) stopForFullDisk(errorText(error));
        const message = full
          ? `bench could not record this run: the disk is full (${errorText(error)}); the sweep stops, and the same command resumes it once there is room`
          : `bench failed while handling this run: ${errorText(error)}`;
        const now = Date.now();
        try {
          journal.finish(
            run.runId,
            {
              endClass: "infra_error",
              exitCode: null,
              message,
              startedAtMs: now,
              finishedAtMs: now,
              submissionPath: null,
            },
            null,
          );
        } catch {
          // The store itself failed (retried already); the event below still tells the user.
        }
        summary.byClass.infra_error++;
        emit({ type: "finished", run, endClass: "infra_error", report: null, message });
      });
  }
  await queue.onIdle();
  signal?.removeEventListener("abort", onStop);
  const handled =
    summary.skipped + summary.notStarted + Object.values(summary.byClass).reduce((a, b) => a + b, 0);
  summary.notStarted += plan.length - handled;
  return summary;
}

/** Below this many free bytes, the disk of a run's folder counts as full. */
export const FULL_DISK_BYTES = 1024 ** 2;

/** What to say when the disk holding `dir` has (almost) no room left; null when it has room or cannot be asked. */
export function fullDiskNote(dir: string): string | null {
  try {
    const stats = statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    return free < FULL_DISK_BYTES
      ? `the disk of the run folder had ${free} bytes free when the agent ended`
      : null;
  } catch {
    return null;
  }
}
