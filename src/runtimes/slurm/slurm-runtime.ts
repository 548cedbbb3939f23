// The Slurm runtime: each run is one Slurm job (sbatch), scheduled by the cluster's own scheduler on
// the resources the run asks for (GPUs by count: Slurm picks the devices, never bench). Inside the job
// the agent runs as a plain process or in a container on the node's Docker engine or podman (job-script.ts).
// Artifacts are written straight into the run folder, which must be on a filesystem shared between
// bench's host and the nodes; grading stays on bench's side, so the private answers never reach a node.
//
// All of a sweep's jobs are followed by one squeue per poll (job-tracker.ts). A bench killed with
// kill -9 and started again re-attaches to the jobs its runs still have (canReattach: the job id in the
// run folder, confirmed by the job's comment) instead of submitting them again; jobs of dead sessions
// are cancelled only when asked (`bench reap`). Ctrl-C cancels queued jobs and has running ones' wrappers
// stop their agents (SIGTERM, then SIGKILL after the grace); a second Ctrl-C kills them at once (#force).

import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { BenchError } from "../../errors.js";
import { INSTRUCTIONS_TEXT, VALIDATE_SCRIPT } from "../agent-contract-files.js";
import { formatBytes } from "../local/folder-budget.js";
import { pruneFolder, pruneNotes } from "../local/prune-folder.js";
import { redactText } from "../redact.js";
import { createRunDir, findSubmission, runDirLayout } from "../run-dir.js";
import type { RunHooks, RunResult, RunSpec, Runtime } from "../runtime.js";
import {
  classifyJob,
  parseWrapperExit,
  TERMINAL_STATES,
  WAITING_STATES,
  type WrapperExit,
} from "./classify-job.js";
import { formatJobComment, parseJobComment } from "./job-identity.js";
import {
  contractFiles,
  FORCE_SIGNAL,
  isContainerLauncher,
  jobFiles,
  jobScript,
  type SlurmJobOptions,
  type SlurmLauncher,
  sbatchArgs,
} from "./job-script.js";
import { JobTracker } from "./job-tracker.js";
import { SlurmCli, type SlurmCommands, type SlurmJobInfo } from "./slurm-cli.js";

/** Poll interval override (ms), e.g. for tests on a small test cluster. */
export const SLURM_POLL_ENV = "BENCH_SLURM_POLL_MS";

export interface SlurmRuntimeOptions extends SlurmJobOptions {
  /** process, docker, podman, or auto (default): docker for an agent with an image, process otherwise. */
  launcher?: SlurmLauncher | "auto";
  /** Time between two squeue calls. Default: BENCH_SLURM_POLL_MS, else 2,000 ms. */
  pollMs?: number;
  commands?: SlurmCommands;
  onNotice?: (message: string) => void;
}

/** A run that waited this long for Slurm to start it says so in its notes. */
const QUEUE_NOTE_MS = 30_000;

/** After Ctrl-C, how long bench waits for a running job's wrapper to show it got SIGTERM before resending it. */
const STOP_RESEND_MS = 1_000;

/** After Ctrl-C, how long past the run's grace bench waits for the wrapper to end its job before scancel. */
const STOP_BACKSTOP_MS = 15_000;

/** How long a forced stop lets the wrapper kill its agent (a container: the engine's kill) before SIGKILL. */
const FORCE_SETTLE_MS = 3_000;

/** How long the wrapper's exit record may take to appear on bench's side of a shared filesystem. */
const EXIT_RECORD_WAIT_MS = 5_000;

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export class SlurmRuntime implements Runtime {
  readonly name = "slurm" as const;
  readonly isolates: boolean;
  /** Slurm, not bench's resource pool, decides which GPUs, CPUs and memory a run gets. */
  readonly allocatesResources = true;
  /** Jobs of a dead bench are re-attached by the next one; reaping them is left to `bench reap`. */
  readonly reattaches = true;
  readonly #launcher: SlurmLauncher | "auto";
  readonly #jobOptions: SlurmJobOptions;
  readonly #commands: SlurmCommands;
  readonly #tracker: JobTracker;
  /** Run id -> job id of a job left by a dead bench, found by canReattach, to be followed by run(). */
  readonly #reattach = new Map<string, string>();
  #listing: { at: number; jobs: Promise<SlurmJobInfo[]> } | null = null;
  readonly #notice: (message: string) => void;
  #warnedProcess = false;

  constructor(options: SlurmRuntimeOptions = {}) {
    this.#launcher = options.launcher ?? "auto";
    if (!["auto", "process", "docker", "podman"].includes(this.#launcher)) {
      throw new TypeError(
        `SlurmRuntime option launcher must be auto, process, docker or podman, got ${String(this.#launcher)}`,
      );
    }
    this.isolates = this.#launcher !== "process";
    this.#jobOptions = {
      partition: options.partition,
      account: options.account,
      qos: options.qos,
      extraArgs: options.extraArgs,
    };
    this.#commands = options.commands ?? new SlurmCli();
    const pollMs = options.pollMs ?? (Number(process.env[SLURM_POLL_ENV] ?? "") || 2_000);
    if (!(Number.isSafeInteger(pollMs) && pollMs > 0)) {
      throw new TypeError(
        `SlurmRuntime option pollMs must be a positive whole number, got ${String(pollMs)}`,
      );
    }
    this.#notice = options.onNotice ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
    this.#tracker = new JobTracker(this.#commands, { pollMs, onError: this.#notice });
  }

  /** squeue calls made to follow jobs so far. */
  get polls(): number {
    return this.#tracker.polls;
  }

  launcherFor(spec: Pick<RunSpec, "image">): SlurmLauncher {
    if (this.#launcher !== "auto") return this.#launcher;
    return spec.image ? "docker" : "process";
  }

  async preflight(spec: Pick<RunSpec, "image">): Promise<void> {
    // One squeue: the client commands are installed and the controller answers.
    await this.#commands.squeueAll();
    if (this.#launcher === "auto" && !spec.image && !this.#warnedProcess) {
      this.#warnedProcess = true;
      this.#notice(
        "an agent without an image runs as a plain process on the Slurm node (launcher process): it is isolated from nothing there.",
      );
    }
    const launcher = this.launcherFor(spec);
    if (isContainerLauncher(launcher) && !spec.image) {
      throw new BenchError(
        "CONFIG_INVALID",
        `the Slurm runtime's ${launcher} launcher needs an agent with an image.`,
        {
          hint: "give the agent an image, or set slurm.launcher: process in the sweep file.",
        },
      );
    }
  }

  /**
   * Whether this run has a job left by a dead bench that run() will follow instead of submitting a new
   * one: the job id recorded in its folder, and either Slurm still lists that job with this run's
   * comment, or the job already finished and its wrapper's exit record is in the folder.
   */
  async canReattach(runId: string, runDir: string): Promise<boolean> {
    const files = jobFiles(runDir);
    // bench makes this folder before it submits: without it, no job of this run can exist.
    if (!existsSync(files.dir)) return false;
    const listing = await this.#jobListing();
    // A job of this run still queued or running, found by its comment (even if the dead bench was
    // killed between sbatch and writing the job id into the run folder); the newest if several.
    const live = listing
      .filter((job) => !TERMINAL_STATES.has(job.state) && parseJobComment(job.comment)?.runId === runId)
      .sort((a, b) => Number.parseInt(b.jobId, 10) - Number.parseInt(a.jobId, 10))[0];
    if (live !== undefined) {
      this.#reattach.set(runId, live.jobId);
      return true;
    }
    // A job that finished while no bench watched it: its id in the run folder and its exit record.
    const jobId = readText(files.jobId)?.trim();
    if (!jobId || parseWrapperExit(readText(files.exit) ?? "") === null) return false;
    const listed = listing.find((job) => job.jobId === jobId);
    if (listed !== undefined && parseJobComment(listed.comment)?.runId !== runId) return false; // id reused
    this.#reattach.set(runId, jobId);
    return true;
  }

  /** Cancels the jobs of dead bench sessions (`bench reap`); returns how many were cancelled. */
  async reapOrphans(isSessionAlive: (sessionId: string) => boolean): Promise<number> {
    const jobs = await this.#commands.squeueAll();
    const dead = jobs.filter((job) => {
      const identity = parseJobComment(job.comment);
      return identity !== null && !TERMINAL_STATES.has(job.state) && !isSessionAlive(identity.sessionId);
    });
    await this.#commands.scancel(dead.map((job) => job.jobId));
    return dead.length;
  }

  async run(spec: RunSpec, hooks: RunHooks = {}): Promise<RunResult> {
    const files = jobFiles(spec.runDir);
    const launcher = this.launcherFor(spec);
    const submittedAtMs = Date.now();
    let jobId = this.#reattach.get(spec.runId);
    this.#reattach.delete(spec.runId);
    const notes: string[] = [];
    if (jobId !== undefined) {
      notes.push(`re-attached to Slurm job ${jobId}, left running by a bench that was stopped`);
      // The job now belongs to this session: a `bench reap` must not take it for a dead one's.
      await this.#commands.setComment(jobId, formatJobComment(spec)).catch(() => {});
    } else {
      jobId = await this.#submit(spec, launcher);
    }
    const outcome = await this.#follow(jobId, files, spec.limits.stopGraceMs, hooks);
    // A cancelled run is cancelled whatever its record says: no need to wait for one.
    const exit = await this.#exitRecord(
      files.exit,
      !outcome.cancelled && (outcome.info === null || TERMINAL_STATES.has(outcome.info.state)),
    );
    const startedAtMs = exit?.startedAtMs ?? outcome.startedAtMs ?? submittedAtMs;
    const finishedAtMs = exit?.finishedAtMs ?? Date.now();
    // A job that ran and ended between two polls is reported started too (a cancelled queued one is not).
    if (!outcome.notifiedStart && exit !== null) hooks.onStarted?.({ startedAtMs, jobId });
    let classification = classifyJob({
      state: outcome.info?.state ?? null,
      reason: outcome.info?.reason ?? "",
      exit,
      cancelledByBench: outcome.cancelled,
      timeLimitMs: spec.limits.timeLimitMs,
      memoryBytes: spec.limits.memoryBytes,
    });
    if (exit === null && !outcome.cancelled && !existsSync(files.gpus)) {
      classification = {
        ...classification,
        message: `Slurm job ${jobId} never ran bench's wrapper in the run folder (${spec.runDir}): that folder must be on a filesystem shared between bench's host and the nodes, and the node must be able to start jobs (last state: ${outcome.info?.state ?? "unknown"})`,
      };
    }
    const gpus = readText(files.gpus)?.trim();
    if (gpus) notes.push(`Slurm allocated GPU(s) ${gpus} to job ${jobId}`);
    const queuedMs = startedAtMs - submittedAtMs;
    if (queuedMs >= QUEUE_NOTE_MS && !notes.some((n) => n.startsWith("re-attached"))) {
      notes.push(`waited ${(queuedMs / 1000).toFixed(0)} s in Slurm's queue before starting`);
    }
    notes.push(...this.#keepArtifacts(spec));
    const submission = findSubmission(spec.runDir);
    const message = submission.problem
      ? `${classification.message} ${submission.problem}`
      : classification.message;
    return {
      endClass: classification.endClass,
      exitCode: classification.exitCode,
      message,
      startedAtMs,
      finishedAtMs: Math.max(finishedAtMs, startedAtMs),
      submissionPath: submission.path,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  async #submit(spec: RunSpec, launcher: SlurmLauncher): Promise<string> {
    const layout = createRunDir(spec.runDir);
    const files = jobFiles(spec.runDir);
    await mkdir(files.dir, { recursive: true });
    if (isContainerLauncher(launcher)) {
      // The container's user (1000:1000) writes into the bind-mounted folders.
      for (const dir of [layout.submission, layout.logs, layout.code, layout.score]) chmodSync(dir, 0o777);
    }
    const contract = contractFiles(spec.runDir);
    await mkdir(contract.dir, { recursive: true });
    writeFileSync(contract.validate, VALIDATE_SCRIPT, { mode: 0o755 });
    writeFileSync(contract.instructions, INSTRUCTIONS_TEXT, { mode: 0o644 });
    const token = randomBytes(12).toString("hex");
    writeFileSync(files.token, token);
    const script = jobScript(spec, launcher, token);
    // Slurm gets the script on stdin; the copy kept for people has the agent's secrets masked.
    writeFileSync(files.script, redactText(script, spec.secrets), { mode: 0o700 });
    const jobId = await this.#commands.sbatch(sbatchArgs(spec, this.#jobOptions), script);
    writeFileSync(files.jobId, `${jobId}\n`);
    return jobId;
  }

  /**
   * Follows the job until Slurm says it ended (or forgot it); stops it when the run is cancelled
   * (#stop), and kills it when the stop is forced (#force).
   */
  #follow(
    jobId: string,
    files: { exit: string; stop: string },
    stopGraceMs: number,
    hooks: RunHooks,
  ): Promise<{
    info: SlurmJobInfo | null;
    cancelled: boolean;
    startedAtMs: number | null;
    notifiedStart: boolean;
  }> {
    return new Promise((resolve) => {
      let cancelled = false;
      let forced = false;
      let startedAtMs: number | null = null;
      let notifiedStart = false;
      let backstop: NodeJS.Timeout | undefined;
      let stopSentAt = 0;
      const onAbort = () => {
        cancelled = true;
        stopSentAt = Date.now();
        void this.#stop(jobId);
        // A wrapper that does not end its job within the grace (wedged, or killed before it could trap
        // the signal) is ended by Slurm.
        backstop = setTimeout(
          () => void this.#quiet(jobId, this.#tracker.cancel(jobId)),
          stopGraceMs + STOP_BACKSTOP_MS,
        );
      };
      const onForce = () => {
        if (forced) return;
        forced = true;
        cancelled = true;
        void this.#force(jobId, files.exit);
      };
      let cancelledWaiting = false;
      const stop = this.#tracker.watch(jobId, (info) => {
        // Stopped while still waiting to run (queued, or starting between #stop's two calls): no agent
        // runs yet, so the job is simply cancelled.
        if (cancelled && !forced && !cancelledWaiting && info !== null && WAITING_STATES.has(info.state)) {
          cancelledWaiting = true;
          void this.#quiet(jobId, this.#tracker.cancel(jobId));
        }
        // Slurm may list a job as running before its batch script runs on the node, and a signal sent
        // then is lost: sent again until the wrapper shows it got one (its stop file).
        if (
          cancelled &&
          !forced &&
          info?.state === "RUNNING" &&
          Date.now() - stopSentAt >= STOP_RESEND_MS &&
          !existsSync(files.stop)
        ) {
          stopSentAt = Date.now();
          void this.#stop(jobId);
        }
        if (
          info !== null &&
          !notifiedStart &&
          !WAITING_STATES.has(info.state) &&
          !TERMINAL_STATES.has(info.state)
        ) {
          startedAtMs = Date.now();
          notifiedStart = true;
          hooks.onStarted?.({ startedAtMs, jobId });
        }
        if (info === null || TERMINAL_STATES.has(info.state)) {
          stop();
          clearTimeout(backstop);
          hooks.signal?.removeEventListener("abort", onAbort);
          hooks.forceSignal?.removeEventListener("abort", onForce);
          resolve({ info, cancelled, startedAtMs, notifiedStart });
        }
      });
      if (hooks.forceSignal?.aborted) onForce();
      else if (hooks.signal?.aborted) onAbort();
      if (!hooks.forceSignal?.aborted) hooks.forceSignal?.addEventListener("abort", onForce, { once: true });
      if (!hooks.signal?.aborted) hooks.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  #quiet(jobId: string, step: Promise<void>): Promise<void> {
    return step.catch((error: unknown) =>
      this.#notice(`stopping Slurm job ${jobId}: ${(error as Error).message}`),
    );
  }

  /**
   * Ctrl-C: a job still queued is cancelled; a running one is not cancelled but its wrapper gets SIGTERM
   * (the batch script alone), stops the agent (SIGTERM, then SIGKILL after the run's grace: for a
   * container, through its engine) and ends the job. A plain scancel would have Slurm refuse any
   * further signal (a second Ctrl-C) and SIGKILL the wrapper after its own KillWait, leaving a
   * container running. Both calls are batched over the sweep's jobs.
   */
  async #stop(jobId: string): Promise<void> {
    await this.#quiet(jobId, this.#tracker.scancel(jobId, { state: "PENDING" }));
    await this.#quiet(
      jobId,
      this.#tracker.scancel(jobId, { signal: "TERM", batchOnly: true, state: "RUNNING" }),
    );
  }

  /**
   * A forced stop (second Ctrl-C): the wrapper kills its agent at once (FORCE_SIGNAL to the batch script
   * alone; for a container that is the engine's kill, which a SIGKILL of the wrapper would skip), then,
   * once its exit record shows it is done or after FORCE_SETTLE_MS, every process of the job gets
   * SIGKILL (scancel --signal=KILL --full) and Slurm ends the job (scancel). Each step is batched over
   * the sweep's jobs; a job that already ended is no error.
   */
  async #force(jobId: string, exitFile: string): Promise<void> {
    await this.#quiet(jobId, this.#tracker.scancel(jobId, { signal: FORCE_SIGNAL, batchOnly: true }));
    const deadline = Date.now() + FORCE_SETTLE_MS;
    while (!existsSync(exitFile) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.#quiet(jobId, this.#tracker.scancel(jobId, { signal: "KILL" }));
    await this.#quiet(jobId, this.#tracker.cancel(jobId));
  }

  /** The wrapper's exit record; on a shared filesystem it may show up a moment after the job ended. */
  async #exitRecord(file: string, ended: boolean): Promise<WrapperExit | null> {
    const deadline = Date.now() + (ended ? EXIT_RECORD_WAIT_MS : 0);
    for (;;) {
      const exit = parseWrapperExit(readText(file) ?? "");
      if (exit !== null || Date.now() >= deadline) return exit;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** What is kept of the run's folders and output: the same budgets as the other runtimes. */
  #keepArtifacts(spec: RunSpec): string[] {
    const layout = runDirLayout(spec.runDir);
    const { artifacts } = spec.limits;
    const notes: string[] = [];
    try {
      if (statSync(layout.agentLog).size > artifacts.agentLogBytes) {
        truncateSync(layout.agentLog, artifacts.agentLogBytes);
        notes.push(
          `agent.log kept the first ${formatBytes(artifacts.agentLogBytes)} of the agent's output; the rest was dropped`,
        );
      }
    } catch {
      // No agent.log: the job never started.
    }
    if (spec.secrets !== undefined && spec.secrets.length > 0) {
      // Slurm wrote the agent's output as it came: mask its secrets as the other runtimes do.
      try {
        const text = readFileSync(layout.agentLog, "utf8");
        const masked = redactText(text, spec.secrets);
        if (masked !== text) writeFileSync(layout.agentLog, masked);
      } catch {
        // No agent.log: the job never started.
      }
    }
    const pruned = [
      pruneFolder(layout.submission, "submission", artifacts.submission, "submission.csv"),
      pruneFolder(layout.logs, "logs", artifacts.logs),
      pruneFolder(layout.code, "code", artifacts.code),
    ].filter((report) => report !== null);
    notes.push(...pruneNotes(pruned));
    return notes;
  }

  async #jobListing(): Promise<SlurmJobInfo[]> {
    const now = Date.now();
    if (this.#listing === null || now - this.#listing.at > 5_000) {
      this.#listing = { at: now, jobs: this.#commands.squeueAll() };
    }
    return this.#listing.jobs;
  }
}
