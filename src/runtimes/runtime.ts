// The one interface every place an agent can run in implements (a Docker container, a local child
// process). The scheduler hands a runtime a fully resolved RunSpec and gets back how the run ended;
// it never needs to know which runtime it talks to.
//
// The contract an agent sees is MLE-bench's, so existing agents port easily:
//   /home/data        public data, read-only          ($BENCH_DATA_DIR)
//   /home/submission  writable; the agent writes submission.csv here ($BENCH_SUBMISSION_DIR)
//   /home/logs        writable; kept as an artifact   ($BENCH_LOGS_DIR)
//   /home/code        writable; kept as an artifact   ($BENCH_CODE_DIR)
//   /home/score       score requests (RE-bench score log): see score-requests.ts ($BENCH_SCORE_DIR)
//   /home/score/usage.jsonl  the agent's LLM usage, one JSON line per call: see usage-watcher.ts
//                     ($BENCH_USAGE_FILE)
//   /home/validate_submission.sh, /home/instructions.txt  MLE-bench's checker and rules (agent-contract-files.ts;
//                     $BENCH_VALIDATE, $BENCH_INSTRUCTIONS in the local runtime)
// plus COMPETITION_ID, BENCH_RUN_ID, TIME_LIMIT_SECS and BENCH_GPU_COUNT. The private answers are never among these.

import type { ArtifactLimits } from "./artifact-limits.js";

/**
 * How a run ended. Only `infra_error` is retried by the scheduler. `over_budget`: the agent reported
 * more LLM usage than its agent file's budget allows and was stopped like at its time limit (graded).
 */
export type RunEndClass =
  | "completed"
  | "agent_error"
  | "timed_out"
  | "out_of_memory"
  | "over_budget"
  | "infra_error"
  | "cancelled";

/**
 * The usage file's name inside the score folder: it shares that folder's writable host mount, so the
 * Docker runtime needs no mount of its own for it (and its size counts towards the folder's limit too).
 */
export const USAGE_FILE_NAME = "usage.jsonl";

/** Paths inside the agent's world (container paths for Docker; host paths for the local runtime). */
export const CONTAINER_PATHS = {
  data: "/home/data",
  submission: "/home/submission",
  logs: "/home/logs",
  code: "/home/code",
  score: "/home/score",
  usage: `/home/score/${USAGE_FILE_NAME}`,
} as const;

export interface RunLimits {
  timeLimitMs: number;
  /** Grace between the polite stop (SIGTERM) and the kill (SIGKILL) at the time limit or on cancel. */
  stopGraceMs: number;
  cpus: number;
  memoryBytes: number;
  shmBytes: number;
  pidsLimit: number;
  /** Exact GPU device ids the scheduler leased to this run (never shared with another run). */
  gpuIds: readonly string[];
  /** Network access; off unless the agent asks for it. */
  network: boolean;
  /** What is kept of the agent's folders and output, per folder (see artifact-limits.ts). */
  artifacts: ArtifactLimits;
}

export interface RunSpec {
  runId: string;
  sweepId: string;
  /** Identifies this bench process, so that a later bench can reap what a dead one left behind. */
  sessionId: string;
  competitionId: string;
  /** Docker image (docker runtime). */
  image?: string | undefined;
  /** The agent's start command and arguments. */
  command: readonly string[];
  /** Extra environment, on top of the contract's variables. */
  env: Readonly<Record<string, string>>;
  /** Host folder of the competition's public data (mounted read-only at /home/data). */
  publicDataDir: string;
  /** Host folder of this run's artifacts: submission/, logs/, code/, score/ and agent.log land here. */
  runDir: string;
  limits: RunLimits;
  /** A privileged container (docker); the sweep must have allowed it (--allow-privileged). */
  privileged?: boolean;
  /**
   * Start in the image's WORKDIR instead of /home/code (docker): MLE-bench agent folders, whose
   * Dockerfiles and start scripts expect the reference's working folder.
   */
  imageWorkdir?: boolean;
  /** Secret values the agent was given: masked in agent.log and the run's messages (redact.ts). */
  secrets?: readonly string[];
}

export interface RunResult {
  endClass: RunEndClass;
  exitCode: number | null;
  /** A sentence for the user: why the run ended this way. */
  message: string;
  startedAtMs: number;
  finishedAtMs: number;
  /** Where the submission was copied to on the host (runDir/submission/submission.csv), if any. */
  submissionPath: string | null;
  /**
   * What the run's record should say besides the message: files left out of the artifacts (over a
   * folder's budget, links, devices) and other limits applied. Short lines; at most a few dozen.
   */
  notes?: readonly string[];
}

export interface RunHooks {
  /** Cancels the run (Ctrl-C): stop politely, then kill after the grace period. */
  signal?: AbortSignal;
  /**
   * Forces the stop (second Ctrl-C): kill the agent now, without the rest of the grace period. Runtimes
   * whose stop is already bounded may leave it out; the Slurm runtime kills its jobs (scancel KILL).
   */
  forceSignal?: AbortSignal;
  /** Called once the agent is actually running (container started / process spawned). */
  onStarted?: (info: { startedAtMs: number; containerId?: string; pid?: number; jobId?: string }) => void;
}

export interface Runtime {
  readonly name: "docker" | "local" | "slurm";
  /** Whether this runtime isolates the agent from the host (the local one does not). */
  readonly isolates: boolean;
  /** Checks the runtime can run anything at all (engine reachable, image present). */
  preflight(spec: Pick<RunSpec, "image">): Promise<void>;
  run(spec: RunSpec, hooks?: RunHooks): Promise<RunResult>;
  /** Removes whatever runs of dead bench sessions left behind; returns how many were removed. */
  reapOrphans(isSessionAlive: (sessionId: string) => boolean): Promise<number>;
  /**
   * A cluster runtime (Slurm) whose scheduler, not bench's resource pool, decides which GPUs, CPUs and
   * memory a run gets: bench then only bounds how many runs are in flight (concurrency).
   */
  readonly allocatesResources?: boolean;
  /**
   * Runs a dead bench left in flight keep running and are re-attached by the next bench (canReattach),
   * so a sweep's start must not reap them; `bench reap` does that when asked.
   */
  readonly reattaches?: boolean;
  /**
   * Whether `run` will follow what a dead bench left of this run (a job still queued or running, or one
   * that finished meanwhile) instead of starting it again; its folder must then be kept as it is.
   */
  canReattach?(runId: string, runDir: string): Promise<boolean>;
}
