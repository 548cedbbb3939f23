// The Slurm runtime's pure parts, without a cluster: Slurm states and the wrapper's exit record to
// outcome classes, the job comment that identifies a run, the output parsers, the sbatch options and
// the batch script, and the tracker's batching (one squeue per poll for every job).

import { describe, expect, it } from "vitest";
import { parseSweep } from "../../config/sweep-schema.js";
import { DEFAULT_ARTIFACT_LIMITS } from "../artifact-limits.js";
import type { RunSpec } from "../runtime.js";
import { classifyJob, parseWrapperExit } from "./classify-job.js";
import { formatJobComment, jobName, parseJobComment } from "./job-identity.js";
import { dockerRunArgs, jobScript, sbatchArgs, shellQuote, slurmTimeMinutes } from "./job-script.js";
import { JobTracker } from "./job-tracker.js";
import { parseShowJob, parseSqueue, type SlurmCommands, type SlurmJobInfo } from "./slurm-cli.js";

const spec: RunSpec = {
  runId: "nightly:agent-1:demo-binary-auc:2",
  sweepId: "nightly",
  sessionId: "login1:4242:abc-99",
  competitionId: "demo-binary-auc",
  image: "bench-busybox:test",
  command: ["sh", "-c", "echo 'it''s' > x"],
  env: { SEED: "42" },
  publicDataDir: "/data/demo-binary-auc/prepared/public",
  runDir: "/shared/runs/nightly/agent-1/demo-binary-auc/seed-2",
  limits: {
    timeLimitMs: 90 * 60_000,
    stopGraceMs: 10_000,
    cpus: 1.5,
    memoryBytes: 3 * 2 ** 30,
    shmBytes: 2 ** 26,
    pidsLimit: 512,
    gpuIds: ["slot0", "slot1"],
    network: false,
    artifacts: DEFAULT_ARTIFACT_LIMITS,
  },
};

const base = { cancelledByBench: false, timeLimitMs: 60_000, memoryBytes: 2 ** 30 };
const exit = (reason: string, code: number) => parseWrapperExit(`${reason} ${code} 1000 2000`);

describe("classifyJob", () => {
  it("maps Slurm's states and the wrapper's record to bench's outcome classes", () => {
    const cls = (state: string | null, record = exit("exit", 0), cancelled = false) =>
      classifyJob({ ...base, state, exit: record, cancelledByBench: cancelled }).endClass;
    expect(cls("COMPLETED")).toBe("completed");
    expect(cls("FAILED", exit("exit", 3))).toBe("agent_error");
    expect(cls("TIMEOUT", null)).toBe("timed_out");
    expect(cls("COMPLETED", exit("timeout", 143))).toBe("timed_out");
    expect(cls("OUT_OF_MEMORY", null)).toBe("out_of_memory");
    expect(cls("FAILED", exit("oom", 137))).toBe("out_of_memory");
    for (const state of ["NODE_FAIL", "BOOT_FAIL", "PREEMPTED"]) expect(cls(state, null)).toBe("infra_error");
    // Even with an exit record: the node failed under the agent.
    expect(cls("NODE_FAIL", exit("exit", 0))).toBe("infra_error");
    expect(cls("CANCELLED", null, true)).toBe("cancelled");
    // Cancelled by someone else, or no record at all: bench's infrastructure failed this run.
    expect(cls("CANCELLED", null)).toBe("infra_error");
    expect(cls(null, null)).toBe("infra_error");
    expect(cls("FAILED", exit("engine", 125))).toBe("infra_error");
    expect(cls("FAILED", exit("exit", 127))).toBe("agent_error");
  });

  it("keeps the exit code and says why", () => {
    const result = classifyJob({ ...base, state: "FAILED", exit: exit("exit", 3) });
    expect(result).toMatchObject({ exitCode: 3, message: "the agent exited with code 3; see agent.log" });
    expect(classifyJob({ ...base, state: "NODE_FAIL", reason: "NodeDown", exit: null }).message).toContain(
      "NODE_FAIL (NodeDown)",
    );
  });

  it("refuses a malformed exit record", () => {
    expect(parseWrapperExit("")).toBeNull();
    expect(parseWrapperExit("exploded 1 2 3")).toBeNull();
    expect(parseWrapperExit("exit x 2 3")).toBeNull();
    expect(parseWrapperExit("exit 0 10 20\n")).toEqual({
      reason: "exit",
      code: 0,
      startedAtMs: 10,
      finishedAtMs: 20,
    });
  });
});

describe("job identity", () => {
  it("round-trips the run, sweep and session ids through the comment", () => {
    const comment = formatJobComment(spec);
    expect(comment.startsWith("bench:")).toBe(true);
    expect(comment).not.toMatch(/\s/);
    expect(parseJobComment(comment)).toEqual({
      runId: spec.runId,
      sweepId: spec.sweepId,
      sessionId: spec.sessionId,
    });
    expect(
      parseJobComment(formatJobComment({ runId: "a;b=c", sweepId: "s", sessionId: "h:1:x" }))?.runId,
    ).toBe("a;b=c");
  });

  it("ignores jobs bench did not submit", () => {
    expect(parseJobComment("")).toBeNull();
    expect(parseJobComment("training run 4")).toBeNull();
    expect(parseJobComment("bench:run=x")).toBeNull();
    expect(parseJobComment("bench:run=%E0;sweep=s;session=t")).toBeNull();
  });

  it("names jobs readably", () => {
    expect(jobName(spec)).toBe("bench-nightly:agent-1:demo-binary-auc:2");
    expect(jobName({ runId: "a b\nc" })).toBe("bench-a-b-c");
  });
});

describe("Slurm output parsers", () => {
  it("reads squeue's fields, whatever the comment holds", () => {
    const sep = "\u001f";
    const text = `12${sep}RUNNING${sep}None${sep}bench:run=a;sweep=b;session=c${sep}bench-a\n13${sep}PENDING${sep}Resources${sep}(null)${sep}x\n`;
    expect(parseSqueue(text)).toEqual([
      {
        jobId: "12",
        state: "RUNNING",
        reason: "None",
        comment: "bench:run=a;sweep=b;session=c",
        name: "bench-a",
      },
      { jobId: "13", state: "PENDING", reason: "Resources", comment: "", name: "x" },
    ]);
  });

  it("reads scontrol show job -o", () => {
    const line =
      "JobId=77 JobName=bench-x UserId=root(0) JobState=TIMEOUT Reason=TimeLimit Dependency=(null) Comment=bench:run=a;sweep=b;session=c Requeue=0";
    expect(parseShowJob(line)).toEqual({
      jobId: "77",
      state: "TIMEOUT",
      reason: "TimeLimit",
      comment: "bench:run=a;sweep=b;session=c",
      name: "bench-x",
    });
    expect(parseShowJob("")).toBeNull();
  });
});

describe("the job's sbatch options and script", () => {
  it("asks Slurm for the run's resources: GPUs by count, never by device", () => {
    const args = sbatchArgs(spec, {
      partition: "gpu",
      account: "lab",
      qos: "high",
      extraArgs: ["--constraint=a100"],
    });
    expect(args).toEqual(
      expect.arrayContaining([
        "--gres=gpu:2",
        "--cpus-per-task=2",
        "--mem=3072M",
        `--time=${slurmTimeMinutes(spec.limits.timeLimitMs, spec.limits.stopGraceMs)}`,
        "--partition=gpu",
        "--account=lab",
        "--qos=high",
        "--constraint=a100",
        "--export=NONE",
        `--output=${spec.runDir}/agent.log`,
        `--comment=${formatJobComment(spec)}`,
      ]),
    );
    expect(args.join(" ")).not.toContain("slot0");
    expect(
      sbatchArgs({ ...spec, limits: { ...spec.limits, gpuIds: [] } }).some((a) => a.startsWith("--gres")),
    ).toBe(false);
  });

  it("gives Slurm the limit plus the stop grace, rounded up to minutes, plus one", () => {
    expect(slurmTimeMinutes(90 * 60_000, 10_000)).toBe(92);
    expect(slurmTimeMinutes(2_000, 2_000)).toBe(2);
  });

  it("quotes every word for bash", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const script = jobScript({ ...spec, image: undefined }, "process", "tok");
    expect(script.startsWith("#!/bin/bash\n")).toBe(true);
    expect(script).toContain(shellQuote(spec.command[2]!));
    expect(script).toContain("'SEED=42'");
    // The agent's environment has its run id but not the local runtime's session marker (see processLaunch).
    expect(script).toContain(shellQuote(`BENCH_RUN_ID=${spec.runId}`));
    expect(script).not.toContain("BENCH_SESSION_ID");
    expect(script).toContain(`deadline=$((started + ${spec.limits.timeLimitMs}))`);
  });

  it("runs the docker runtime's container for the docker launcher, GPUs from Slurm's allocation", () => {
    const args = dockerRunArgs(spec, "c1");
    expect(args).toEqual(
      expect.arrayContaining(["--network", "none", "--cap-drop", "ALL", "--user", "1000:1000"]),
    );
    expect(args).toContain(`type=bind,source=${spec.publicDataDir},target=/home/data,readonly`);
    expect(args.join(" ")).not.toContain("slot0");
    // The job owns the container: the Docker runtime's reaper (bench.managed, by session) never lists it.
    const labels = args.flatMap((arg, i) => (args[i - 1] === "--label" ? [arg] : []));
    expect(labels).toContain(`bench.run-id=${spec.runId}`);
    expect(labels).toContain("bench.cluster-job=true");
    expect(
      labels.some((label) => label.startsWith("bench.managed=") || label.startsWith("bench.session-id=")),
    ).toBe(false);
    const script = jobScript(spec, "docker", "tok");
    expect(script).toContain("SLURM_JOB_GPUS");
    expect(script).toContain("engine=docker\n");
    expect(script).toContain('"$engine" rm -f');
    expect(script).toContain("--gpus");
  });

  it("runs the same container with the node's podman for the podman launcher, GPUs as devices", () => {
    const docker = jobScript(spec, "docker", "tok");
    const podman = jobScript(spec, "podman", "tok");
    expect(podman).toContain("engine=podman\n");
    expect(podman).not.toContain("engine=docker");
    // podman 4.3 has no --gpus: Slurm's GPUs go in as devices (CDI names, else /dev/nvidiaN).
    expect(podman).not.toContain("--gpus");
    expect(podman).toContain('--device "nvidia.com/gpu=$gpu"');
    expect(podman).toContain('--device "/dev/nvidia$gpu"');
    // The same run options as the docker launcher's.
    const runLine = (script: string) =>
      script.split("\n").find((line) => line.startsWith(`"$engine" 'run' `));
    expect(runLine(podman)).toBeDefined();
    expect(runLine(podman)).toBe(runLine(docker));
    expect(() => jobScript({ ...spec, image: undefined }, "podman", "tok")).toThrow(/podman launcher/);
  });
});

describe("the sweep file's slurm section", () => {
  const sweep = (slurm: unknown) =>
    parseSweep({ name: "s", agents: ["a.yaml"], split: "demo", runtime: "slurm", slurm }, "s.yaml");

  it("takes partition, account, QoS, launcher, sbatch options and the poll interval", () => {
    const parsed = sweep({
      partition: "gpu",
      account: "lab",
      qos: "high",
      launcher: "docker",
      sbatch_args: ["--constraint=a100"],
      poll_interval: "5s",
    });
    expect(parsed.runtime).toBe("slurm");
    expect(parsed.slurm).toEqual({
      partition: "gpu",
      account: "lab",
      qos: "high",
      launcher: "docker",
      sbatch_args: ["--constraint=a100"],
      poll_interval: "5s",
    });
    expect(sweep({}).slurm).toEqual({ launcher: "auto", sbatch_args: [] });
    expect(sweep({ launcher: "podman" }).slurm?.launcher).toBe("podman");
  });

  it("refuses what sbatch would misread, naming the field", () => {
    expect(() => sweep({ sbatch_args: ["rm -rf /"] })).toThrow(/sbatch_args/);
    expect(() => sweep({ partition: "gpu; true" })).toThrow(/partition/);
    expect(() => sweep({ launcher: "kubernetes" })).toThrow(/launcher/);
    expect(() => sweep({ nodes: 3 })).toThrow(/nodes/);
  });
});

describe("JobTracker", () => {
  it("follows every job with one squeue per poll and batches cancellations", async () => {
    const calls: string[][] = [];
    const cancels: string[][] = [];
    let round = 0;
    const commands: SlurmCommands = {
      sbatch: async () => "1",
      squeue: async (ids) => {
        calls.push([...ids]);
        round++;
        return ids.map(
          (jobId): SlurmJobInfo => ({
            jobId,
            state: round >= 3 ? "COMPLETED" : "RUNNING",
            reason: "None",
            comment: "",
            name: "",
          }),
        );
      },
      squeueAll: async () => [],
      showJob: async () => null,
      scancel: async (ids) => {
        cancels.push([...ids]);
      },
      setComment: async () => {},
    };
    const tracker = new JobTracker(commands, { pollMs: 5 });
    const ids = ["1", "2", "3", "4", "5"];
    const ends = await Promise.all(
      ids.map(
        (id) =>
          new Promise<string>((resolve) => {
            const stop = tracker.watch(id, (info) => {
              if (info?.state === "COMPLETED") {
                stop();
                resolve(id);
              }
            });
          }),
      ),
    );
    expect(ends).toEqual(ids);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.length === 5)).toBe(true);
    await Promise.all([tracker.cancel("7"), tracker.cancel("8")]);
    expect(cancels).toEqual([["7", "8"]]);
  });
});
