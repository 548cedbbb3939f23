// The docker runtime: each run in its own container, as a non-root user, without network unless the
// agent asks, with hard memory/CPU/pid limits, exactly its leased GPUs, the public data read-only and
// nothing else of the host. The harness enforces the time limit (SIGTERM, then SIGKILL after the
// grace), bounds the container's disk (see storage-limit.ts), classifies how the run ended, copies the
// artifacts out within the run's per-folder budgets, and always removes the container.

import { randomBytes } from "node:crypto";
import { chmod, chown, stat } from "node:fs/promises";
import { BenchError } from "../../errors.js";
import { CappedLogFile } from "../capped-log-file.js";
import { closeRedactingSink, redactingSink } from "../redact.js";
import { createRunDir, findSubmission } from "../run-dir.js";
import type { RunEndClass, RunHooks, RunResult, RunSpec, Runtime } from "../runtime.js";
import { AgentContainer } from "./agent-container.js";
import { classifyExit } from "./classify-exit.js";
import { type AgentUser, containerSpec, DEFAULT_AGENT_USER, validateRunSpec } from "./container-spec.js";
import { copyArtifacts } from "./copy-artifacts.js";
import { DEFAULT_DISK_CHECK_INTERVAL_MS, diskLimitWatcher } from "./disk-watch.js";
import { type DockerClient, DockerodeClient, type LogFollower } from "./docker-client.js";
import { dockerReason } from "./docker-errors.js";
import { formatBytes } from "./format-bytes.js";
import { settledOomKilled } from "./oom-flag.js";
import { preparedImage } from "./prepared-image.js";
import { reapOrphans } from "./reaper.js";
import { diskLimitFromEnv, StorageLimit } from "./storage-limit.js";
import { superviseContainer } from "./supervise-container.js";

export interface DockerRuntimeOptions {
  /** The Docker adapter. Default: a DockerodeClient for $DOCKER_HOST or /var/run/docker.sock. */
  client?: DockerClient;
  /** The user the agent runs as. Default: 1000:1000. Root (uid 0) is refused. */
  user?: AgentUser;
  /**
   * Most bytes a container may write into its own filesystem (outside the mounts). Default:
   * BENCH_MAX_CONTAINER_DISK_BYTES, else 20 GiB. What is kept of the folders, and of the agent's
   * output, is the run's own: RunSpec.limits.artifacts.
   */
  maxDiskBytes?: number;
  /** Where the storage driver cannot cap the disk: time between two checks of its use. Default: 10 s. */
  diskCheckIntervalMs?: number;
  /** How long to wait for the last log lines once the agent has exited. Default: 5 s. */
  logDrainMs?: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isSafeInteger(value) && value > 0)) {
    throw new TypeError(`DockerRuntime option ${name} must be a positive whole number, got ${String(value)}`);
  }
  return value;
}

export function imageMissingMessage(image: string): string {
  return `image ${image} is not present: build or import it (the test image: scripts/build-test-images.sh); bench never pulls`;
}

/** Docker names allow [a-zA-Z0-9_.-]; the suffix keeps a retried run's container from clashing with a leftover. */
function containerName(runId: string): string {
  const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 60);
  return `bench-${safe}-${randomBytes(3).toString("hex")}`;
}

/** When Docker could not exec the agent's command, the agent's configuration is at fault, not Docker. */
function commandRefused(error: unknown): { exitCode: number; message: string } | null {
  if (!(error instanceof BenchError)) return null;
  const reason = dockerReason(error.cause);
  const exec = /exec: "[^"]*":? .*$/.exec(reason);
  if (exec === null) return null;
  return {
    exitCode: /permission denied/i.test(exec[0]) ? 126 : 127,
    message: `the agent's command could not be started: ${exec[0].replace(/: unknown$/, "")}`,
  };
}

function infraMessage(error: BenchError): string {
  return error.hint === undefined ? error.message : `${error.message} (${error.hint})`;
}

export class DockerRuntime implements Runtime {
  readonly name = "docker" as const;
  readonly isolates = true;
  readonly #client: DockerClient;
  readonly #user: AgentUser;
  readonly #storage: StorageLimit;
  readonly #diskCheckIntervalMs: number;
  readonly #logDrainMs: number;

  constructor(options: DockerRuntimeOptions = {}) {
    this.#client = options.client ?? new DockerodeClient();
    this.#user = options.user ?? DEFAULT_AGENT_USER;
    if (
      !(Number.isSafeInteger(this.#user.uid) && this.#user.uid > 0 && Number.isSafeInteger(this.#user.gid))
    ) {
      throw new TypeError(
        `DockerRuntime option user must be a non-root uid:gid, got ${JSON.stringify(this.#user)}`,
      );
    }
    this.#storage = new StorageLimit(
      this.#client,
      options.maxDiskBytes === undefined
        ? diskLimitFromEnv()
        : positiveInteger("maxDiskBytes", options.maxDiskBytes, 0),
    );
    this.#diskCheckIntervalMs = positiveInteger(
      "diskCheckIntervalMs",
      options.diskCheckIntervalMs,
      DEFAULT_DISK_CHECK_INTERVAL_MS,
    );
    this.#logDrainMs = positiveInteger("logDrainMs", options.logDrainMs, 5_000);
  }

  async preflight(spec: Pick<RunSpec, "image">): Promise<void> {
    const image = requireImage(spec.image);
    await this.#client.ping();
    if (!(await this.#client.hasImage(image))) {
      throw new BenchError("RUNTIME", imageMissingMessage(image), {
        hint: "list the images Docker has with `docker images`",
      });
    }
  }

  readonly #prepared = new Map<string, Promise<string | null>>();

  /** The agent image with the contract's folders built in, made once per image (and per bench). */
  #preparedImage(image: string, sessionId: string): Promise<string | null> {
    let prepared = this.#prepared.get(image);
    if (prepared === undefined) {
      prepared = preparedImage(this.#client, image, this.#user, sessionId);
      // A failure (engine down, image missing) is retried by the next run, not remembered.
      prepared.then(
        (tag) => tag === null && this.#prepared.delete(image),
        () => this.#prepared.delete(image),
      );
      this.#prepared.set(image, prepared);
    }
    return prepared;
  }

  reapOrphans(isSessionAlive: (sessionId: string) => boolean): Promise<number> {
    return reapOrphans(this.#client, isSessionAlive);
  }

  async run(spec: RunSpec, hooks: RunHooks = {}): Promise<RunResult> {
    validateRunSpec(spec);
    const image = requireImage(spec.image);
    await requireDataDir(spec);
    const layout = createRunDir(spec.runDir);
    await this.#shareWithAgent(layout.score);
    const log = new CappedLogFile(layout.agentLog, spec.limits.artifacts.agentLogBytes);
    await log.opened();
    const output = redactingSink(log.sink, spec.secrets);
    /** The run's record: what was left out and which limits were applied. */
    const notes: string[] = [];
    const note = (line: string) => {
      notes.push(line);
      log.note(line);
    };

    let startedAtMs = Date.now();
    let finishedAtMs: number | undefined;
    const ended = (endClass: RunEndClass, message: string, exitCode: number | null = null): RunResult => ({
      endClass,
      exitCode,
      message,
      startedAtMs,
      finishedAtMs: finishedAtMs ?? Date.now(),
      submissionPath: null,
      notes: [...notes],
    });
    let container: AgentContainer | undefined;
    let logs: LogFollower | undefined;
    try {
      if (hooks.signal?.aborted) return ended("cancelled", "the run was cancelled before the agent started");
      const prepared = await this.#preparedImage(image, spec.sessionId);
      if (prepared === null) return ended("infra_error", imageMissingMessage(image));
      const options = containerSpec(
        { ...spec, image: prepared },
        { user: this.#user, name: containerName(spec.runId) },
      );
      const { created, bound } = await this.#storage.create(options, (limited) =>
        AgentContainer.create(this.#client, limited, this.#user, { foldersReady: true }),
      );
      container = created;
      const disk =
        bound.kind === "watched"
          ? diskLimitWatcher(() => created.diskUsage(), {
              limitBytes: this.#storage.limitBytes,
              intervalMs: this.#diskCheckIntervalMs,
            })
          : undefined;
      if (bound.kind === "watched") note(bound.note);
      try {
        await container.start();
      } catch (error) {
        const refused = commandRefused(error);
        if (refused === null) throw error;
        log.note(refused.message);
        return ended("agent_error", refused.message, refused.exitCode);
      }
      startedAtMs = Date.now();
      hooks.onStarted?.({ startedAtMs, containerId: container.id });
      logs = await this.#client.followLogs(container.id, output);

      const { stopReason, exitStatus } = await superviseContainer(
        container,
        spec.limits,
        hooks.signal,
        disk === undefined ? [] : [disk.watch],
      );
      finishedAtMs = Date.now();
      await Promise.race([
        logs.done,
        new Promise((resolve) => setTimeout(resolve, this.#logDrainMs).unref()),
      ]);
      logs.close();
      await closeRedactingSink(output);
      if (log.truncated) {
        notes.push(
          `agent.log: the agent's output passed ${formatBytes(spec.limits.artifacts.agentLogBytes)}; the rest was dropped`,
        );
      }

      const diskUsedBytes = disk?.usedBytes();
      const state = await created.inspect();
      const exitCode = state.exitCode ?? exitStatus;
      const oomKilled = await settledOomKilled(
        { exitCode, oomKilled: state.oomKilled, stoppedByBench: stopReason !== null },
        () => created.inspect(),
      );
      const outcome = classifyExit({
        stopReason,
        exitCode,
        oomKilled,
        timeLimitMs: spec.limits.timeLimitMs,
        memoryBytes: spec.limits.memoryBytes,
        ...(diskUsedBytes === undefined
          ? {}
          : { disk: { usedBytes: diskUsedBytes, limitBytes: this.#storage.limitBytes } }),
      });
      log.note(`${outcome.endClass}: ${outcome.message}`);

      const copied = await copyArtifacts(container, layout, spec.limits.artifacts);
      for (const line of copied.notes) note(line);
      const submission = findSubmission(spec.runDir);
      const problem = copied.submissionProblem ?? submission.problem;
      return {
        ...ended(
          outcome.endClass,
          problem === null ? outcome.message : `${outcome.message}; submission.csv: ${problem}`,
          exitCode,
        ),
        submissionPath: submission.path,
      };
    } catch (error) {
      if (!(error instanceof BenchError) || error.code !== "RUNTIME") throw error;
      log.note(`infrastructure failure: ${infraMessage(error)}`);
      return ended("infra_error", infraMessage(error));
    } finally {
      logs?.close();
      await closeRedactingSink(output);
      if (container !== undefined) {
        await container.remove().catch((error: unknown) => {
          log.note(
            `could not remove container ${container?.id}: ${dockerReason(error)}; a later bench will reap it`,
          );
        });
      }
      await log.close();
    }
  }

  /** The agent's user must be able to write the bind-mounted score folder. */
  async #shareWithAgent(dir: string): Promise<void> {
    const uid = process.getuid?.();
    if (uid === this.#user.uid) return;
    if (uid === 0) await chown(dir, this.#user.uid, this.#user.gid);
    else await chmod(dir, 0o777);
  }
}

function requireImage(image: string | undefined): string {
  if (image === undefined || image === "") {
    throw new BenchError("CONFIG_INVALID", "the docker runtime needs an image to run the agent in", {
      hint: "add `image: <name>` to the agent file, or use the local runtime",
    });
  }
  return image;
}

async function requireDataDir(spec: RunSpec): Promise<void> {
  const info = await stat(spec.publicDataDir).catch(() => null);
  if (info?.isDirectory()) return;
  throw new BenchError(
    "DATA_MISSING",
    `the public data folder of ${spec.competitionId} is missing: ${spec.publicDataDir}`,
    {
      hint: "prepare the competition's data first (MLE-bench: `mlebench prepare -c <id>`) or point data_dir at it",
    },
  );
}
