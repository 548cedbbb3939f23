import { describe, expect, it } from "vitest";
import { DEFAULT_ARTIFACT_LIMITS } from "../artifact-limits.js";
import type { RunSpec } from "../runtime.js";
import { containerSpec, diskLimitOption, dockerResources, validateRunSpec } from "./container-spec.js";

const spec: RunSpec = {
  runId: "run-1",
  sweepId: "nightly",
  sessionId: "box:123:abc-456",
  competitionId: "spaceship-titanic",
  image: "bench-busybox:test",
  command: ["python", "main.py"],
  env: { SEED: "7" },
  publicDataDir: "/data/spaceship-titanic/prepared/public",
  runDir: "/runs/nightly/run-1",
  limits: {
    timeLimitMs: 3_600_000,
    stopGraceMs: 10_000,
    cpus: 2.5,
    memoryBytes: 8 * 1024 ** 3,
    shmBytes: 512 * 1024 ** 2,
    pidsLimit: 512,
    gpuIds: [],
    network: false,
    artifacts: DEFAULT_ARTIFACT_LIMITS,
  },
};

describe("containerSpec", () => {
  it("labels every container with its run, sweep, session and competition", () => {
    expect(containerSpec(spec).Labels).toEqual({
      "bench.managed": "true",
      "bench.run-id": "run-1",
      "bench.sweep-id": "nightly",
      "bench.session-id": "box:123:abc-456",
      "bench.competition-id": "spaceship-titanic",
    });
  });

  it("runs the agent as a non-root user with no network and no capabilities", () => {
    const options = containerSpec(spec);
    expect(options.User).toBe("1000:1000");
    expect(containerSpec(spec, { user: { uid: 2000, gid: 3000 } }).User).toBe("2000:3000");
    expect(options.HostConfig?.NetworkMode).toBe("none");
    expect(options.HostConfig?.CapDrop).toEqual(["ALL"]);
    expect(options.HostConfig?.SecurityOpt).toEqual(["no-new-privileges"]);
    expect(options.Cmd).toEqual(["python", "main.py"]);
    expect(options.Entrypoint).toEqual([]);
    const networked = { ...spec, limits: { ...spec.limits, network: true } };
    expect(containerSpec(networked).HostConfig?.NetworkMode).toBe("bridge");
  });

  it("mounts only the public data (read-only) and the run's score folder", () => {
    expect(containerSpec(spec).HostConfig?.Mounts).toEqual([
      { Type: "bind", Source: spec.publicDataDir, Target: "/bench/data", ReadOnly: true },
      { Type: "bind", Source: "/runs/nightly/run-1/score", Target: "/bench/score", ReadOnly: false },
    ]);
    expect(JSON.stringify(containerSpec(spec))).not.toContain("private");
  });

  it("converts the limits to Docker's units, with no swap", () => {
    expect(dockerResources(spec.limits)).toEqual({
      Memory: 8 * 1024 ** 3,
      MemorySwap: 8 * 1024 ** 3,
      MemorySwappiness: 0,
      NanoCpus: 2_500_000_000,
      ShmSize: 512 * 1024 ** 2,
      PidsLimit: 512,
    });
  });

  it("gives the disk limit in bytes, as Docker's storage option", () => {
    expect(diskLimitOption(20 * 1024 ** 3)).toEqual({ StorageOpt: { size: "21474836480" } });
  });

  it("requests exactly the leased GPUs, and none when none are leased", () => {
    expect(containerSpec(spec).HostConfig?.DeviceRequests).toBeUndefined();
    const withGpus = { ...spec, limits: { ...spec.limits, gpuIds: ["2", "GPU-5e1c"] } };
    expect(containerSpec(withGpus).HostConfig?.DeviceRequests).toEqual([
      { Driver: "nvidia", DeviceIDs: ["2", "GPU-5e1c"], Capabilities: [["gpu"]] },
    ]);
  });

  it("sets the contract's environment, then the agent's own", () => {
    const env = containerSpec({ ...spec, env: { SEED: "7", HOME: "/tmp" } }).Env;
    expect(env).toEqual([
      "HOME=/tmp",
      "BENCH_DATA_DIR=/home/data",
      "BENCH_SUBMISSION_DIR=/home/submission",
      "BENCH_LOGS_DIR=/home/logs",
      "BENCH_CODE_DIR=/home/code",
      "BENCH_SCORE_DIR=/home/score",
      "BENCH_USAGE_FILE=/home/score/usage.jsonl",
      "BENCH_VALIDATE=/home/validate_submission.sh",
      "BENCH_INSTRUCTIONS=/home/instructions.txt",
      "COMPETITION_ID=spaceship-titanic",
      "BENCH_RUN_ID=run-1",
      "TIME_LIMIT_SECS=3600",
      `BENCH_GPU_COUNT=${spec.limits.gpuIds.length}`,
      "SEED=7",
    ]);
  });

  it("drops every capability, unless the sweep allowed a privileged container", () => {
    expect(containerSpec(spec).HostConfig).toMatchObject({
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
    });
    expect(containerSpec(spec).HostConfig?.Privileged).toBeUndefined();
    const privileged = containerSpec({ ...spec, privileged: true }).HostConfig;
    expect(privileged?.Privileged).toBe(true);
    expect(privileged?.CapDrop).toBeUndefined();
  });

  it("refuses specs the engine would misread, naming the option", () => {
    const bad = (limits: Partial<RunSpec["limits"]>) => ({ ...spec, limits: { ...spec.limits, ...limits } });
    expect(() => validateRunSpec(bad({ memoryBytes: 1024 }))).toThrow(/limits.memoryBytes .* got 1024/);
    expect(() => validateRunSpec(bad({ cpus: 0 }))).toThrow(/limits.cpus/);
    expect(() => validateRunSpec(bad({ gpuIds: ["1", "1"] }))).toThrow(/limits.gpuIds/);
    expect(() => validateRunSpec(bad({ timeLimitMs: Number.NaN }))).toThrow(/limits.timeLimitMs/);
    expect(() => validateRunSpec({ ...spec, runDir: "runs/x" })).toThrow(/runDir must be absolute/);
    const artifacts = { ...DEFAULT_ARTIFACT_LIMITS, code: { bytes: -1, entries: 10 } };
    expect(() => validateRunSpec(bad({ artifacts }))).toThrow(/limits.artifacts.code.bytes .* got -1/);
    expect(() => containerSpec({ ...spec, image: undefined })).toThrow(/image is required/);
    expect(() => validateRunSpec(spec)).not.toThrow();
  });
});
