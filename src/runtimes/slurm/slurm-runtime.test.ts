// The Slurm runtime against a real cluster (scripts/slurm-test-cluster.sh start): each outcome class,
// artifacts in the run folder, GPUs from Slurm's allocation and never two runs on one device, Ctrl-C
// cancelling the job (a container that ignores SIGTERM killed after the grace), batched polling, and the
// docker and podman launchers on the node's engines.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ANSWER_TOKEN,
  dockerUnavailableReason,
  inlineAgent,
  makeCompetition,
  REQUIRE_DOCKER,
  specFor,
  type TestCompetition,
} from "../docker/test-support/docker-test-env.js";
import { LocalRuntime } from "../local/local-runtime.js";
import type { RunSpec } from "../runtime.js";
import { currentSessionId, isSessionAlive } from "../session.js";
import { formatJobComment } from "./job-identity.js";
import { SlurmCli } from "./slurm-cli.js";
import { SlurmRuntime } from "./slurm-runtime.js";
import {
  declaredGpus,
  liveJobsOfSweep,
  podmanUnavailableReason,
  skipWithoutPodman,
  skipWithoutSlurm,
  slurmUnavailableReason,
} from "./test-support/slurm-test-env.js";

const unavailable = slurmUnavailableReason();
const skip = skipWithoutSlurm("slurm-runtime.test.ts", unavailable);
const SESSION = `test-host:${process.pid}:slurm-test`;
const POLL_MS = 200;

let competition: TestCompetition;

function processSpec(script: string, overrides: Parameters<typeof specFor>[3] = {}): RunSpec {
  const agent = { ...inlineAgent(script), image: undefined };
  return specFor(agent, competition, SESSION, { sweepId: "slurm-tests", ...overrides });
}

describe.skipIf(skip)("Slurm runtime on a real cluster", () => {
  beforeAll(() => {
    if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_SLURM=1 but ${unavailable}`);
    competition = makeCompetition();
  });
  afterAll(() => {
    expect(liveJobsOfSweep("slurm-tests")).toEqual([]);
  });

  it("ends each run in its outcome class, with its artifacts in the run folder", async () => {
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: POLL_MS });
    await runtime.preflight({ image: undefined });
    const completed = processSpec(
      'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"; echo kept > "$BENCH_LOGS_DIR/note.txt"; echo "job $SLURM_JOB_ID ran $COMPETITION_ID with key $API_KEY"',
      { env: { API_KEY: "s3cr3t-4f9a" }, secrets: ["s3cr3t-4f9a"] },
    );
    const failed = processSpec('echo "giving up" >&2; exit 3');
    const overran = processSpec(
      "trap 'echo stopping > \"$BENCH_LOGS_DIR/stopped.txt\"; exit 143' TERM; while :; do sleep 0.1; done",
      { limits: { timeLimitMs: 2_000, stopGraceMs: 2_000 } },
    );
    const hungry = processSpec("head -c 300000000 /dev/zero | tail > /dev/null", {
      limits: { memoryBytes: 64 * 2 ** 20 },
    });
    const started: string[] = [];
    const hooks = { onStarted: (info: { jobId?: string }) => started.push(info.jobId ?? "") };
    const [ok, error, timeout, oom] = await Promise.all([
      runtime.run(completed, hooks),
      runtime.run(failed, hooks),
      runtime.run(overran, hooks),
      runtime.run(hungry, hooks),
    ]);

    expect(ok.endClass).toBe("completed");
    expect(ok.submissionPath).toBe(path.join(completed.runDir, "submission", "submission.csv"));
    expect(readFileSync(path.join(completed.runDir, "logs", "note.txt"), "utf8")).toBe("kept\n");
    expect(readFileSync(path.join(completed.runDir, "agent.log"), "utf8")).toMatch(
      /job \d+ ran test-competition with key \*\*\*/,
    );
    expect(readFileSync(path.join(completed.runDir, "slurm-job", "job.sh"), "utf8")).not.toContain("s3cr3t");
    expect(ok.finishedAtMs).toBeGreaterThanOrEqual(ok.startedAtMs);

    expect(error.endClass).toBe("agent_error");
    expect(error.exitCode).toBe(3);
    expect(error.submissionPath).toBeNull();
    expect(readFileSync(path.join(failed.runDir, "agent.log"), "utf8")).toContain("giving up");

    expect(timeout.endClass).toBe("timed_out");
    expect(existsSync(path.join(overran.runDir, "logs", "stopped.txt"))).toBe(true);

    expect(oom.endClass).toBe("out_of_memory");

    // Every run was reported started, by its job id, exactly once.
    expect(started).toHaveLength(4);
    expect(new Set(started).size).toBe(4);
    expect(started.every((id) => /^\d+$/.test(id))).toBe(true);
    // The job never sees the private answers: nothing bench gave it names them.
    for (const spec of [completed, failed, overran, hungry]) {
      expect(readFileSync(path.join(spec.runDir, "slurm-job", "job.sh"), "utf8")).not.toContain(
        competition.privateDir,
      );
    }
    expect(readFileSync(path.join(completed.runDir, "submission", "submission.csv"), "utf8")).not.toContain(
      ANSWER_TOKEN,
    );
  }, 120_000);

  it("gives each one-GPU run its own device from Slurm, never two runs on one, with one squeue per poll", async () => {
    const gpus = declaredGpus();
    expect(gpus).toBeGreaterThanOrEqual(2);
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: POLL_MS });
    const script = [
      "start=$(date +%s%N); sleep 1.5; end=$(date +%s%N)",
      'echo "$SLURM_JOB_GPUS|$CUDA_VISIBLE_DEVICES|$BENCH_GPU_COUNT|$start|$end" > "$BENCH_LOGS_DIR/gpu.txt"',
    ].join("; ");
    const specs = Array.from({ length: gpus + 2 }, () =>
      processSpec(script, { limits: { gpuIds: ["any"] } }),
    );
    const began = Date.now();
    const results = await Promise.all(specs.map((spec) => runtime.run(spec)));
    const elapsedMs = Date.now() - began;
    expect(results.map((r) => r.endClass)).toEqual(specs.map(() => "completed"));

    const byDevice = new Map<string, Array<[number, number]>>();
    for (const spec of specs) {
      const [jobGpus, visible, count, start, end] = readFileSync(
        path.join(spec.runDir, "logs", "gpu.txt"),
        "utf8",
      )
        .trim()
        .split("|");
      expect(jobGpus).toMatch(/^\d+$/); // exactly one device
      expect(visible).toBe(jobGpus);
      expect(count).toBe("1");
      const list = byDevice.get(jobGpus!) ?? [];
      list.push([Number(start) / 1e6, Number(end) / 1e6]);
      byDevice.set(jobGpus!, list);
    }
    for (const [device, spans] of byDevice) {
      spans.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i]![0], `two runs at once on GPU ${device}`).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      }
    }
    // More runs than GPUs: some had to wait for a device.
    expect(Math.max(...[...byDevice.values()].map((spans) => spans.length))).toBeGreaterThanOrEqual(2);
    // Batched: one squeue per poll for all the runs together, not one per run.
    expect(runtime.polls).toBeLessThanOrEqual(Math.ceil(elapsedMs / POLL_MS) + 2);
  }, 120_000);

  it("cancels the job on Ctrl-C, queued or running, and leaves nothing in squeue", async () => {
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: POLL_MS });
    const running = processSpec("sleep 60");
    const controller = new AbortController();
    const result = await runtime.run(running, {
      signal: controller.signal,
      onStarted: () => setTimeout(() => controller.abort(), 300),
    });
    expect(result.endClass).toBe("cancelled");
    // Aborted before Slurm even started it.
    const early = new AbortController();
    early.abort();
    const queued = await runtime.run(processSpec("sleep 60"), { signal: early.signal });
    expect(queued.endClass).toBe("cancelled");
    expect(liveJobsOfSweep("slurm-tests")).toEqual([]);
  }, 60_000);

  it("says so when the node does not see the run folder bench wrote (not a shared filesystem)", async () => {
    const cli = new SlurmCli();
    // As if the node saw another folder at the same path: the token there is not the one bench wrote.
    const commands = Object.assign(Object.create(cli) as SlurmCli, {
      sbatch: async (args: readonly string[], script: string) => {
        const chdir = args.find((a) => a.startsWith("--chdir="))!.slice("--chdir=".length);
        writeFileSync(path.join(chdir, "token"), "another folder");
        return cli.sbatch(args, script);
      },
    });
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: POLL_MS, commands });
    const result = await runtime.run(processSpec('touch "$BENCH_LOGS_DIR/ran"'));
    expect(result.endClass).toBe("infra_error");
    expect(result.message).toContain("shared between bench's host and the nodes");
  }, 60_000);

  it("leaves a job's agent to Slurm when a local sweep on the node reaps a dead bench's leftovers", async () => {
    // The bench that submitted this job counts as dead (killed): the local runtime's reaper, which every
    // local sweep runs first, must not take the job's agent for its own leftover: the next bench
    // re-attaches to the job and grades what it wrote.
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: POLL_MS });
    const spec = processSpec(
      'sleep 2; cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"',
    );
    let reaped: Promise<number> | undefined;
    const result = await runtime.run(spec, {
      onStarted: () => {
        reaped = new Promise((resolve) => setTimeout(resolve, 500)).then(() =>
          new LocalRuntime().reapOrphans((session) => session !== SESSION && isSessionAlive(session)),
        );
      },
    });
    expect(reaped).toBeDefined();
    await reaped;
    expect(result.endClass, result.message).toBe("completed");
    expect(result.submissionPath).not.toBeNull();
  }, 60_000);

  it("reaps (bench reap) only the jobs of dead bench sessions", async () => {
    const cli = new SlurmCli();
    const submit = (sessionId: string, runId: string) =>
      cli.sbatch(
        [
          `--comment=${formatJobComment({ runId, sweepId: "slurm-tests", sessionId })}`,
          "--mem=16M",
          "--time=2",
          "--output=/dev/null",
        ],
        "#!/bin/sh\nsleep 60\n",
      );
    const deadSession = `${os.hostname()}:999999999:gone`;
    const dead = await submit(deadSession, "reap-dead");
    const alive = await submit(currentSessionId(), "reap-alive");
    const runtime = new SlurmRuntime({ pollMs: POLL_MS });
    // The cluster is shared with the other test files: their sessions count as alive here (a sweep test
    // kills its bench on purpose and expects the next one to re-attach to its jobs).
    const mine = new Set([deadSession, currentSessionId()]);
    const judge = (session: string) => (mine.has(session) ? isSessionAlive(session) : true);
    expect(await runtime.reapOrphans(judge)).toBe(1);
    const left = liveJobsOfSweep("slurm-tests");
    expect(left).not.toContain(dead);
    expect(left).toContain(alive);
    await cli.scancel([alive]);
  }, 60_000);

  it("runs the agent in a container on the node's engine with the docker launcher", async (context) => {
    const noDocker = await dockerUnavailableReason();
    if (noDocker !== undefined && !REQUIRE_DOCKER) {
      console.warn(
        `docker launcher test skipped: ${noDocker} (set BENCH_REQUIRE_DOCKER=1 to make this fail)`,
      );
      context.skip();
    }
    const runtime = new SlurmRuntime({ launcher: "docker", pollMs: POLL_MS });
    const copy = specFor(
      inlineAgent(
        'id -u > "$BENCH_LOGS_DIR/uid.txt"; test -x /home/validate_submission.sh && cp /home/data/sample_submission.csv /home/submission/submission.csv; touch /home/data/x 2>/dev/null && echo writable; true',
      ),
      competition,
      SESSION,
      { sweepId: "slurm-tests" },
    );
    const fails = specFor(inlineAgent("exit 5"), competition, SESSION, { sweepId: "slurm-tests" });
    const [ok, error] = await Promise.all([runtime.run(copy), runtime.run(fails)]);
    expect(ok.endClass, ok.message).toBe("completed");
    expect(ok.submissionPath).not.toBeNull();
    expect(readFileSync(path.join(copy.runDir, "logs", "uid.txt"), "utf8").trim()).toBe("1000");
    expect(readFileSync(path.join(copy.runDir, "agent.log"), "utf8")).not.toContain("writable");
    expect(error.endClass).toBe("agent_error");
    expect(error.exitCode).toBe(5);
    // The container is removed once the job ends.
    expect(readdirSync(path.join(copy.runDir, "slurm-job"))).toContain("exit");
  }, 120_000);
  it("stops a container that ignores SIGTERM on Ctrl-C after the grace, and removes it", async (context) => {
    const noDocker = await dockerUnavailableReason();
    if (noDocker !== undefined && !REQUIRE_DOCKER) {
      console.warn(
        `Ctrl-C container test skipped: ${noDocker} (set BENCH_REQUIRE_DOCKER=1 to make this fail)`,
      );
      context.skip();
    }
    const runtime = new SlurmRuntime({ launcher: "docker", pollMs: POLL_MS });
    const stubborn = specFor(inlineAgent("trap '' TERM; while :; do sleep 1; done"), competition, SESSION, {
      sweepId: "slurm-tests",
    });
    const controller = new AbortController();
    let abortedAt = 0;
    const running = (name: string) => {
      try {
        return (
          execFileSync("docker", ["inspect", "-f", "{{.State.Running}}", name], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
          }).trim() === "true"
        );
      } catch {
        return false;
      }
    };
    const result = await runtime.run(stubborn, {
      signal: controller.signal,
      // Ctrl-C once the agent's container runs.
      onStarted: ({ jobId }) => {
        const check = setInterval(() => {
          if (!running(`bench-slurm-${jobId}`)) return;
          clearInterval(check);
          abortedAt = Date.now();
          controller.abort();
        }, 100);
      },
    });
    expect(result.endClass).toBe("cancelled");
    // SIGTERM was ignored: the wrapper killed the container once the run's grace had passed.
    expect(Date.now() - abortedAt).toBeGreaterThanOrEqual(stubborn.limits.stopGraceMs);
    const jobId = readFileSync(path.join(stubborn.runDir, "slurm-job", "job-id"), "utf8").trim();
    const containers = execFileSync("docker", ["ps", "-a", "--format", "{{.Names}}"], { encoding: "utf8" });
    expect(containers.split("\n")).not.toContain(`bench-slurm-${jobId}`);
    expect(liveJobsOfSweep("slurm-tests")).toEqual([]);
  }, 60_000);

  it("runs the same container with the node's podman for the podman launcher, and removes it", async (context) => {
    const noPodman = podmanUnavailableReason();
    if (skipWithoutPodman("podman launcher test", noPodman)) context.skip();
    if (noPodman !== undefined) throw new Error(`BENCH_REQUIRE_PODMAN=1 but ${noPodman}`);
    const runtime = new SlurmRuntime({ launcher: "podman", pollMs: POLL_MS });
    expect(runtime.isolates).toBe(true);
    const copy = specFor(
      inlineAgent(
        'id -u > "$BENCH_LOGS_DIR/uid.txt"; test -x /home/validate_submission.sh && cp /home/data/sample_submission.csv /home/submission/submission.csv; touch /home/data/x 2>/dev/null && echo writable; true',
      ),
      competition,
      SESSION,
      { sweepId: "slurm-tests" },
    );
    const fails = specFor(inlineAgent("exit 5"), competition, SESSION, { sweepId: "slurm-tests" });
    const [ok, error] = await Promise.all([runtime.run(copy), runtime.run(fails)]);
    expect(ok.endClass, ok.message).toBe("completed");
    expect(ok.submissionPath).not.toBeNull();
    expect(readFileSync(path.join(copy.runDir, "logs", "uid.txt"), "utf8").trim()).toBe("1000");
    expect(readFileSync(path.join(copy.runDir, "agent.log"), "utf8")).not.toContain("writable");
    expect(error.endClass).toBe("agent_error");
    expect(error.exitCode).toBe(5);
    // Each job's container is gone from podman once the job ends.
    const jobIds = [copy, fails].map((spec) =>
      readFileSync(path.join(spec.runDir, "slurm-job", "job-id"), "utf8").trim(),
    );
    const containers = execFileSync("podman", ["ps", "-a", "--format", "{{.Names}}"], { encoding: "utf8" });
    for (const jobId of jobIds) expect(containers.split("\n")).not.toContain(`bench-slurm-${jobId}`);
  }, 120_000);
});
