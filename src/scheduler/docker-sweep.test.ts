// Sweeps through the real Docker engine: the example agents over the demo competitions, GPU leases
// as they reach container specs, and `kill -9` of bench mid-sweep followed by the same command.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSweep } from "../config/sweep-schema.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { containerSpec } from "../runtimes/docker/container-spec.js";
import { DockerodeClient } from "../runtimes/docker/docker-client.js";
import { LABELS, MANAGED_FILTER } from "../runtimes/docker/labels.js";
import {
  dockerUnavailableReason,
  skipWithoutDocker,
} from "../runtimes/docker/test-support/docker-test-env.js";
import type { RunResult, RunSpec, Runtime } from "../runtimes/runtime.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable } from "../store/schema.js";
import { executeSweep, loadAgents } from "./execute-sweep.js";
import { ResourcePool } from "./resource-pool.js";
import { planSweep } from "./sweep-plan.js";
import { runSweep } from "./sweep-runner.js";

const unavailable = await dockerUnavailableReason();
const skip = skipWithoutDocker("src/scheduler/docker-sweep.test.ts", unavailable);

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-docker-sweep-"));
  return { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
}

function storeRuns(db: string) {
  const store = openStore({ path: db });
  try {
    return store.db
      .select({
        id: runsTable.id,
        status: runsTable.status,
        attempt: runsTable.attempt,
        finishedAtMs: runsTable.finishedAtMs,
        valid: gradesTable.validSubmission,
      })
      .from(runsTable)
      .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
      .orderBy(runsTable.id)
      .all();
  } finally {
    store.close();
  }
}

/** Containers of one sweep (other test files may have their own containers running meanwhile). */
async function containersOf(sweepId: string): Promise<number> {
  return (await new DockerodeClient().listContainers({ ...MANAGED_FILTER, [LABELS.sweepId]: sweepId }))
    .length;
}

describe("GPU leasing into container specs", () => {
  it("runs four one-GPU runs on two GPUs two at a time, each with its own device id", async () => {
    const specs: { gpuIds: string[]; at: number }[] = [];
    const held = new Set<string>();
    let running = 0;
    let maxRunning = 0;
    // A runtime that builds the real Docker container spec, then stands in for the engine (no GPU here).
    const recording: Runtime = {
      name: "docker",
      isolates: true,
      preflight: async () => {},
      reapOrphans: async () => 0,
      async run(spec: RunSpec): Promise<RunResult> {
        const created = containerSpec(spec);
        const requests = created.HostConfig?.DeviceRequests ?? [];
        expect(requests).toHaveLength(1);
        const ids = requests[0]!.DeviceIDs ?? [];
        expect(requests[0]).toMatchObject({ Driver: "nvidia", Capabilities: [["gpu"]] });
        expect(ids).toEqual([...spec.limits.gpuIds]);
        for (const id of ids) {
          expect(held.has(id)).toBe(false);
          held.add(id);
        }
        running++;
        maxRunning = Math.max(maxRunning, running);
        specs.push({ gpuIds: ids, at: Date.now() });
        await new Promise((r) => setTimeout(r, 100));
        running--;
        for (const id of ids) held.delete(id);
        const now = Date.now();
        return {
          endClass: "completed",
          exitCode: 0,
          message: "ok",
          startedAtMs: now,
          finishedAtMs: now,
          submissionPath: null,
        };
      },
    };
    const ws = workspace();
    const agentFile = path.join(ws.dir, "gpu-agent.yaml");
    writeFileSync(
      agentFile,
      'name: gpu-agent\nimage: bench-busybox:test\ncommand: ["true"]\nresources:\n  gpus: 1\n',
    );
    const agents = await loadAgents([agentFile]);
    const competition = await new CompetitionRegistry().get("demo-binary-auc");
    const plan = planSweep({ name: "gpus", seeds: 4, time_limit: "1m" }, agents, [competition]);
    const summary = await runSweep(plan, {
      sweepId: "gpus",
      sessionId: "test",
      runtime: recording,
      pool: new ResourcePool({ gpuIds: ["0", "1"], cpus: 64, memoryGb: 256 }),
      journal: {
        prepare: () => ({ skip: false }),
        markRunning() {},
        markHandle() {},
        markRetry() {},
        finish() {},
      },
      grade: async () => ({ report: {} as never, grader: null }),
      runsRoot: ws.runs,
      publicDataDir: () => ws.dir,
      concurrency: 4,
      retries: 0,
      stopGraceMs: 1000,
    });
    expect(summary.byClass.completed).toBe(4);
    expect(maxRunning).toBe(2);
    expect(specs.flatMap((s) => s.gpuIds).sort()).toEqual(["0", "0", "1", "1"]);
  });
});

describe.skipIf(skip)("sweeps with the docker runtime", () => {
  beforeAll(() => {
    if (!existsSync(path.resolve("dist/src/cli/main.js")))
      execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  }, 180_000);

  it("classifies every example agent on the demo competitions and grades every run", async () => {
    const ws = workspace();
    const files = ["copy-sample", "random-submission", "fails", "overruns", "exhausts-memory"].map((a) =>
      path.resolve("agents", `${a}.yaml`),
    );
    const agents = await loadAgents(files);
    const sweep = parseSweep(
      {
        name: "examples",
        agents: files,
        split: "demo",
        runtime: "docker",
        concurrency: 2,
        cpus: 4,
        memory_gb: 8,
        stop_grace: "1s",
      },
      "test",
    );
    const result = await executeSweep(sweep, agents, { dbPath: ws.db, runsRoot: ws.runs });
    expect(result.exitCode).toBe(0);
    const rows = storeRuns(ws.db);
    expect(rows).toHaveLength(15);
    const statusOf = (agent: string) => [
      ...new Set(rows.filter((r) => r.id.includes(`:${agent}-`)).map((r) => r.status)),
    ];
    expect(statusOf("copy-sample")).toEqual(["completed"]);
    expect(statusOf("random-submission")).toEqual(["completed"]);
    expect(statusOf("fails")).toEqual(["agent_error"]);
    expect(statusOf("overruns")).toEqual(["timed_out"]);
    expect(statusOf("exhausts-memory")).toEqual(["out_of_memory"]);
    expect(rows.every((r) => r.valid !== null)).toBe(true);
    expect(rows.filter((r) => r.id.includes(":copy-sample-")).every((r) => r.valid)).toBe(true);
    expect(await containersOf("examples")).toBe(0);
  }, 180_000);

  it("survives kill -9 mid-sweep: the same command resumes without losing or repeating a completed run", async () => {
    const ws = workspace();
    const slow = path.join(ws.dir, "slow-copy.yaml");
    writeFileSync(
      slow,
      [
        "name: slow-copy",
        "image: bench-busybox:test",
        'command: ["sh", "-c", "sleep 2; cp \\"$BENCH_DATA_DIR/sample_submission.csv\\" \\"$BENCH_SUBMISSION_DIR/submission.csv\\""]',
        "resources:",
        "  cpus: 1",
        "  memory_gb: 0.25",
        "",
      ].join("\n"),
    );
    const args = [
      path.resolve("bin/bench.js"),
      "run",
      "--agent",
      slow,
      "--split",
      "demo",
      "--seeds",
      "2",
      "--runtime",
      "docker",
      "--concurrency",
      "2",
      "--name",
      "crash",
      "--db",
      ws.db,
    ];
    const first: ChildProcess = spawn(process.execPath, args, {
      cwd: ws.dir,
      env: { ...process.env, BENCH_HOME: ws.dir },
      stdio: "ignore",
    });
    // Kill bench as soon as some runs are completed and others are in flight.
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error("the sweep never reached a completed + running state");
      await new Promise((r) => setTimeout(r, 200));
      if (!existsSync(ws.db)) continue;
      const rows = storeRuns(ws.db);
      if (rows.some((r) => r.status === "completed") && rows.some((r) => r.status === "running")) break;
    }
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const before = storeRuns(ws.db);
    const completedBefore = before.filter((r) => r.status === "completed");
    expect(completedBefore.length).toBeGreaterThan(0);
    expect(before.some((r) => r.status === "running")).toBe(true);

    const second = spawn(process.execPath, args, {
      cwd: ws.dir,
      env: { ...process.env, BENCH_HOME: ws.dir },
      stdio: "ignore",
    });
    const code = await new Promise<number | null>((r) => second.once("exit", r));
    expect(code).toBe(0);
    const after = storeRuns(ws.db);
    expect(after).toHaveLength(6);
    expect(after.every((r) => r.status === "completed" && r.valid === true)).toBe(true);
    for (const done of completedBefore) {
      // Not repeated: same attempt, same finish time.
      expect(after.find((r) => r.id === done.id)).toMatchObject({
        attempt: done.attempt,
        finishedAtMs: done.finishedAtMs,
      });
    }
    const interrupted = before.filter((r) => r.status === "running").map((r) => r.id);
    for (const id of interrupted) expect(after.find((r) => r.id === id)!.attempt).toBeGreaterThan(1);
    expect(await containersOf("crash")).toBe(0);
  }, 180_000);
});
