// The local runtime: the agent runs as a child process on this machine, with the same directory
// contract as in a container, passed through environment variables. It is bench's embedded default for
// trying things without Docker, and it ISOLATES NOTHING: the agent runs with your user's rights and could
// read any file you can. Use the docker runtime for real sweeps.
//
// What it does enforce (see supervise-agent.ts): the time limit, a memory limit, the writable folders'
// budgets, a cap on agent.log, and cancellation, over every process the run starts (run-containment.ts:
// a cgroup per run where the machine allows one), none of which outlives the run. The private answers
// are never passed to the agent.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BenchError } from "../../errors.js";
import { INSTRUCTIONS_TEXT, VALIDATE_SCRIPT } from "../agent-contract-files.js";
import { CappedLogFile } from "../capped-log-file.js";
import { closeRedactingSink, redactingSink } from "../redact.js";
import { createRunDir, findSubmission } from "../run-dir.js";
import { type RunHooks, type RunResult, type RunSpec, type Runtime, USAGE_FILE_NAME } from "../runtime.js";
import { formatBytes } from "./folder-budget.js";
import { RUN_ENV, SESSION_ENV } from "./proc-scan.js";
import { pruneFolder, pruneNotes } from "./prune-folder.js";
import { reapLocalOrphans } from "./reap-orphans.js";
import { type ContainmentChoice, RunContainment } from "./run-containment.js";
import { superviseAgent } from "./supervise-agent.js";

export const LOCAL_ISOLATION_WARNING =
  "the local runtime isolates nothing: agents run as your user, with your files and network. Use --runtime docker for untrusted agents.";

/** The environment an agent sees: the contract's variables, a minimal PATH/HOME, and the agent's own. */
export function localEnvironment(
  spec: RunSpec,
  /** `bench`: where writeContractFiles put the checker and the rules (none: no BENCH_VALIDATE). */
  dirs: { submission: string; logs: string; code: string; score: string; bench?: string },
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: dirs.code,
    LANG: process.env.LANG ?? "C.UTF-8",
    BENCH_DATA_DIR: spec.publicDataDir,
    BENCH_SUBMISSION_DIR: dirs.submission,
    BENCH_LOGS_DIR: dirs.logs,
    BENCH_CODE_DIR: dirs.code,
    BENCH_SCORE_DIR: dirs.score,
    BENCH_USAGE_FILE: path.join(dirs.score, USAGE_FILE_NAME),
    ...(dirs.bench === undefined
      ? {}
      : {
          BENCH_VALIDATE: path.join(dirs.bench, "validate_submission.sh"),
          BENCH_INSTRUCTIONS: path.join(dirs.bench, "instructions.txt"),
        }),
    COMPETITION_ID: spec.competitionId,
    TIME_LIMIT_SECS: String(Math.round(spec.limits.timeLimitMs / 1000)),
    BENCH_GPU_COUNT: String(spec.limits.gpuIds.length),
    ...spec.env,
    // Last, so an agent's own env cannot change them: they are how bench finds every process of this
    // run (see proc-scan.ts), and how a later bench finds them if this one dies (see reapOrphans).
    [RUN_ENV]: spec.runId,
    [SESSION_ENV]: spec.sessionId,
  };
}

/**
 * MLE-bench's checker and rules for a local run, in the run's folder (beside, not inside, the folders
 * kept as artifacts): $BENCH_VALIDATE and $BENCH_INSTRUCTIONS point at them.
 */
export function writeContractFiles(runDir: string): string {
  const dir = path.join(runDir, "bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "validate_submission.sh"), VALIDATE_SCRIPT, { mode: 0o755 });
  writeFileSync(path.join(dir, "instructions.txt"), INSTRUCTIONS_TEXT, { mode: 0o644 });
  return dir;
}

export interface LocalRuntimeOptions {
  /**
   * How the processes of a run are tracked and killed: "auto" (default) takes a cgroup v2, else a
   * cgroup v1, else finds them by the run id in their environment ("process-scan"). Naming a cgroup
   * kind makes a run fail when that kind cannot be made here.
   */
  containment?: ContainmentChoice;
  /** How long the agent's output is still read once it has exited. Default: 2,000 ms. */
  logDrainMs?: number;
  /** How often the writable folders are measured against their budgets. Default: 500 ms. */
  folderPollMs?: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isSafeInteger(value) && value > 0)) {
    throw new TypeError(`LocalRuntime option ${name} must be a positive whole number, got ${String(value)}`);
  }
  return value;
}

export class LocalRuntime implements Runtime {
  readonly name = "local" as const;
  readonly isolates = false;
  readonly #containment: ContainmentChoice;
  readonly #logDrainMs: number;
  readonly #folderPollMs: number;

  constructor(options: LocalRuntimeOptions = {}) {
    const choice = options.containment ?? "auto";
    if (!["auto", "cgroup2", "cgroup1", "process-scan"].includes(choice)) {
      throw new TypeError(
        `LocalRuntime option containment must be auto, cgroup2, cgroup1 or process-scan, got ${String(choice)}`,
      );
    }
    this.#containment = choice;
    this.#logDrainMs = positiveInteger("logDrainMs", options.logDrainMs, 2_000);
    this.#folderPollMs = positiveInteger("folderPollMs", options.folderPollMs, 500);
  }

  async preflight(): Promise<void> {
    if (process.platform === "win32") {
      throw new BenchError("RUNTIME", "the local runtime needs a POSIX system (process groups).");
    }
  }

  /**
   * Kills what the runs of dead bench sessions left running and removes their run cgroups. Processes
   * are found by the session id in their environment (or their leftover cgroup), never by a pid that
   * may have been reused. Returns how many runs had leftovers.
   */
  reapOrphans(isSessionAlive: (sessionId: string) => boolean): Promise<number> {
    return reapLocalOrphans(isSessionAlive);
  }

  async run(spec: RunSpec, hooks: RunHooks = {}): Promise<RunResult> {
    const layout = createRunDir(spec.runDir);
    const log = new CappedLogFile(layout.agentLog, spec.limits.artifacts.agentLogBytes);
    await log.opened();
    const output = redactingSink(log.sink, spec.secrets);
    const contractDir = writeContractFiles(spec.runDir);
    const startedAtMs = Date.now();
    let containment: RunContainment;
    try {
      containment = new RunContainment(spec, this.#containment);
    } catch (error) {
      const message = `the run's ${this.#containment} could not be made: ${(error as Error).message}`;
      log.note(`infra_error: ${message}`);
      await log.close();
      return {
        endClass: "infra_error",
        exitCode: null,
        message,
        startedAtMs,
        finishedAtMs: Date.now(),
        submissionPath: null,
      };
    }
    const notes: string[] = [];
    if (containment.fallbackNote !== null) notes.push(containment.fallbackNote);
    let outcome: Awaited<ReturnType<typeof superviseAgent>>;
    try {
      outcome = await superviseAgent({
        spec,
        layout,
        env: localEnvironment(spec, { ...layout, bench: contractDir }),
        containment,
        output,
        hooks,
        startedAtMs,
        logDrainMs: this.#logDrainMs,
        folderPollMs: this.#folderPollMs,
      });
    } catch (error) {
      await closeRedactingSink(output);
      await log.close();
      throw error;
    } finally {
      await closeRedactingSink(output);
      if (!(await containment.release())) {
        notes.push(
          "some of the run's processes could not be killed or its cgroup removed; a later bench will reap them",
        );
      }
    }
    const finishedAtMs = Date.now();
    notes.push(...outcome.notes);
    // Nothing of the run writes any more: what exceeds a folder's budget can go.
    const { artifacts } = spec.limits;
    const pruned = [
      pruneFolder(layout.submission, "submission", artifacts.submission, "submission.csv"),
      pruneFolder(layout.logs, "logs", artifacts.logs),
      pruneFolder(layout.code, "code", artifacts.code),
    ].filter((report) => report !== null);
    notes.push(...pruneNotes(pruned));
    if (log.truncated) {
      notes.push(
        `agent.log kept the first ${formatBytes(artifacts.agentLogBytes)} of the agent's output; the rest was dropped`,
      );
    }
    const submission = findSubmission(spec.runDir);
    const message = submission.problem ? `${outcome.message} ${submission.problem}` : outcome.message;
    for (const note of notes) log.note(note);
    log.note(`${outcome.endClass}: ${message}`);
    await log.close();
    return {
      endClass: outcome.endClass,
      exitCode: outcome.exitCode,
      message,
      startedAtMs,
      finishedAtMs,
      submissionPath: submission.path,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }
}
