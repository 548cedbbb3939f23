// What a run's container looks like, as a pure function of its RunSpec: the one place where bench's
// resource limits (bytes, CPUs, GPU ids) become Docker's units and where the agent's view of the world
// (mounts, environment, user, network) is decided. Unit-tested without an engine.

import path from "node:path";
import type Docker from "dockerode";
import { CONTRACT_FILE_PATHS } from "../agent-contract-files.js";
import { CONTAINER_PATHS, type RunLimits, type RunSpec } from "../runtime.js";
import { runLabels } from "./labels.js";

/** The numeric user the agent runs as; its writable folders are created owned by it. */
export interface AgentUser {
  uid: number;
  gid: number;
}

/** Not root, and the first regular user on most systems (and in bench-busybox:test). */
export const DEFAULT_AGENT_USER: AgentUser = { uid: 1000, gid: 1000 };

/** Folders the agent writes, created in the container's own filesystem, owned by the agent user. */
export const WRITABLE_PATHS = [
  CONTAINER_PATHS.submission,
  CONTAINER_PATHS.logs,
  CONTAINER_PATHS.code,
] as const;

/**
 * Where the bind mounts really are. /home/data and /home/score are symbolic links to them, so that
 * /home holds no mount: bench can then copy all three writable folders out of the stopped container
 * with ONE archive request of /home (an archive of a folder includes any mount below it, and every
 * archive request costs the engine a mount of the container's volumes).
 */
export const MOUNT_TARGETS = { data: "/bench/data", score: "/bench/score" } as const;

/** The links the agent sees at the contract's paths. */
export const CONTRACT_LINKS = [
  { path: CONTAINER_PATHS.data, target: MOUNT_TARGETS.data },
  { path: CONTAINER_PATHS.score, target: MOUNT_TARGETS.score },
] as const;

const MIN_MEMORY_BYTES = 6 * 1024 * 1024; // Docker refuses less

/** Checks a spec up front, naming the option and the value received (a scheduler bug otherwise). */
export function validateRunSpec(spec: RunSpec): void {
  const limits = spec.limits;
  const positive: Array<[keyof RunLimits, number]> = [
    ["timeLimitMs", limits.timeLimitMs],
    ["cpus", limits.cpus],
    ["shmBytes", limits.shmBytes],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new TypeError(`limits.${name} must be a positive number, got ${String(value)}`);
    }
  }
  if (!(Number.isFinite(limits.stopGraceMs) && limits.stopGraceMs >= 0)) {
    throw new TypeError(`limits.stopGraceMs must be 0 or more, got ${String(limits.stopGraceMs)}`);
  }
  if (!(Number.isSafeInteger(limits.memoryBytes) && limits.memoryBytes >= MIN_MEMORY_BYTES)) {
    throw new TypeError(
      `limits.memoryBytes must be a whole number of at least 6 MiB, got ${String(limits.memoryBytes)}`,
    );
  }
  if (!(Number.isSafeInteger(limits.pidsLimit) && limits.pidsLimit > 0)) {
    throw new TypeError(`limits.pidsLimit must be a positive whole number, got ${String(limits.pidsLimit)}`);
  }
  if (limits.gpuIds.some((id) => id.trim() === "") || new Set(limits.gpuIds).size !== limits.gpuIds.length) {
    throw new TypeError(`limits.gpuIds must be distinct non-empty ids, got ${JSON.stringify(limits.gpuIds)}`);
  }
  const artifacts = limits.artifacts;
  const counts: Array<[string, number | undefined]> = [
    ...(["submission", "logs", "code"] as const).flatMap(
      (folder): Array<[string, number | undefined]> => [
        [`${folder}.bytes`, artifacts?.[folder]?.bytes],
        [`${folder}.entries`, artifacts?.[folder]?.entries],
      ],
    ),
    ["agentLogBytes", artifacts?.agentLogBytes],
  ];
  for (const [name, value] of counts) {
    if (!(Number.isSafeInteger(value) && (value as number) >= 0)) {
      throw new TypeError(`limits.artifacts.${name} must be a whole number, 0 or more, got ${String(value)}`);
    }
  }
  if (spec.command.length === 0) throw new TypeError("command must not be empty");
  if (!path.isAbsolute(spec.runDir)) throw new TypeError(`runDir must be absolute, got ${spec.runDir}`);
}

/** The one conversion from bench's limits to Docker's HostConfig fields. */
export function dockerResources(limits: RunLimits): Docker.HostConfig {
  const resources: Docker.HostConfig = {
    Memory: limits.memoryBytes,
    // Memory + swap equal to memory: no swap, so exceeding the limit ends in the OOM killer, not in
    // a run that crawls for hours.
    MemorySwap: limits.memoryBytes,
    MemorySwappiness: 0,
    NanoCpus: Math.round(limits.cpus * 1e9),
    ShmSize: limits.shmBytes,
    PidsLimit: limits.pidsLimit,
  };
  if (limits.gpuIds.length > 0) {
    // Exactly the leased devices: never `Count`, which would hand out whichever GPUs are free.
    resources.DeviceRequests = [{ Driver: "nvidia", DeviceIDs: [...limits.gpuIds], Capabilities: [["gpu"]] }];
  }
  return resources;
}

/**
 * The cap on a container's writable layer, for the storage drivers that enforce one (see
 * storage-limit.ts). Docker reads a plain number as bytes.
 */
export function diskLimitOption(bytes: number): Pick<Docker.HostConfig, "StorageOpt"> {
  return { StorageOpt: { size: String(bytes) } };
}

/** The agent's environment: the contract's variables, then the agent's own (as in the local runtime). */
export function agentEnvironment(spec: RunSpec): string[] {
  const env: Record<string, string> = {
    HOME: CONTAINER_PATHS.code,
    BENCH_DATA_DIR: CONTAINER_PATHS.data,
    BENCH_SUBMISSION_DIR: CONTAINER_PATHS.submission,
    BENCH_LOGS_DIR: CONTAINER_PATHS.logs,
    BENCH_CODE_DIR: CONTAINER_PATHS.code,
    BENCH_SCORE_DIR: CONTAINER_PATHS.score,
    // Inside the score folder's bind mount: bench reads it on the host while the agent appends.
    BENCH_USAGE_FILE: CONTAINER_PATHS.usage,
    // MLE-bench's checker and rules, under names that work in both runtimes.
    BENCH_VALIDATE: CONTRACT_FILE_PATHS.validate,
    BENCH_INSTRUCTIONS: CONTRACT_FILE_PATHS.instructions,
    COMPETITION_ID: spec.competitionId,
    BENCH_RUN_ID: spec.runId,
    TIME_LIMIT_SECS: String(Math.round(spec.limits.timeLimitMs / 1000)),
    BENCH_GPU_COUNT: String(spec.limits.gpuIds.length),
    ...spec.env,
  };
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

export interface ContainerSpecOptions {
  /** Default: DEFAULT_AGENT_USER (1000:1000). */
  user?: AgentUser;
  /** Container name; default: none (Docker picks one). */
  name?: string;
  /** Per-container cap of the engine's own copy of the output (json-file). Default: "50m". */
  engineLogMaxSize?: string;
}

/**
 * The container for one run. Only the competition's public folder is mounted (read-only); the
 * private answers live elsewhere on the host and are never named here.
 */
export function containerSpec(
  spec: RunSpec,
  options: ContainerSpecOptions = {},
): Docker.ContainerCreateOptions {
  if (spec.image === undefined || spec.image === "")
    throw new TypeError("image is required by the docker runtime");
  const user = options.user ?? DEFAULT_AGENT_USER;
  return {
    ...(options.name === undefined ? {} : { name: options.name }),
    Image: spec.image,
    Cmd: [...spec.command],
    // The image's entrypoint would run before (or instead of) the agent's command.
    Entrypoint: [],
    Env: agentEnvironment(spec),
    User: `${user.uid}:${user.gid}`,
    // "" is the image's own WORKDIR.
    WorkingDir: spec.imageWorkdir === true ? "" : CONTAINER_PATHS.code,
    Labels: runLabels(spec),
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    StopSignal: "SIGTERM",
    HostConfig: {
      ...dockerResources(spec.limits),
      NetworkMode: spec.limits.network ? "bridge" : "none",
      Mounts: [
        {
          Type: "bind",
          Source: path.resolve(spec.publicDataDir),
          Target: MOUNT_TARGETS.data,
          ReadOnly: true,
        },
        {
          Type: "bind",
          Source: path.join(spec.runDir, "score"),
          Target: MOUNT_TARGETS.score,
          ReadOnly: false,
        },
      ],
      // A privileged container (the sweep allowed it) has every capability; otherwise none at all.
      ...(spec.privileged === true
        ? { Privileged: true }
        : { CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges"] }),
      RestartPolicy: { Name: "no" },
      AutoRemove: false, // bench copies the artifacts out of the stopped container, then removes it
      LogConfig: {
        Type: "json-file",
        Config: { "max-size": options.engineLogMaxSize ?? "50m", "max-file": "1" },
      },
    },
  };
}
