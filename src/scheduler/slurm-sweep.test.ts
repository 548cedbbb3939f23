// Sweeps through a real Slurm cluster (scripts/slurm-test-cluster.sh start), driven as users drive
// bench: the example agents over the demo split with the process, docker and podman launchers, every run
// graded; `kill -9` of bench mid-sweep followed by the same command (nothing lost, nothing run twice, no
// job left in squeue); Ctrl-C cancelling the sweep's jobs, and a second Ctrl-C killing them at once.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bench as cli } from "../cli/test-support/run-bench.js";
import { dockerUnavailableReason, REQUIRE_DOCKER } from "../runtimes/docker/test-support/docker-test-env.js";
import { SLURM_POLL_ENV } from "../runtimes/slurm/slurm-runtime.js";
import {
  declaredGpus,
  liveJobsOfSweep,
  podmanUnavailableReason,
  skipWithoutPodman,
  skipWithoutSlurm,
  slurmUnavailableReason,
} from "../runtimes/slurm/test-support/slurm-test-env.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable } from "../store/schema.js";

const unavailable = slurmUnavailableReason();
const skip = skipWithoutSlurm("src/scheduler/slurm-sweep.test.ts", unavailable);
const AGENTS = path.resolve("agents");
// tsx's loader by its file URL: bench runs in a temporary folder, where the package name does not resolve.
const CLI = [
  "--import",
  pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href,
  path.resolve("src/cli/main.ts"),
];

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-slurm-sweep-"));
  return { dir, db: path.join(dir, "bench.db") };
}

function storeRuns(db: string) {
  const store = openStore({ path: db });
  try {
    return store.db
      .select({
        id: runsTable.id,
        status: runsTable.status,
        handle: runsTable.handle,
        graded: gradesTable.runId,
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

/** bench as a separate process (so it can be killed), compiled on the fly from the sources. */
function startBench(dir: string, args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...CLI, ...args], {
    cwd: dir,
    env: { ...process.env, BENCH_HOME: dir, [SLURM_POLL_ENV]: "200" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      if (code !== 0 && code !== null && code !== 130)
        console.warn(`bench exited ${code}: ${stderr.slice(-2000)}`);
      resolve(code);
    }),
  );
  return { child, exited };
}

async function waitFor(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sweepFile(dir: string, name: string, agents: string[], launcher: string, seeds = 1): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${name}`,
      "agents:",
      ...agents.map((agent) => `  - ${agent}`),
      "split: demo",
      `seeds: ${seeds}`,
      "runtime: slurm",
      "concurrency: 6",
      "retries: 0",
      "stop_grace: 2s",
      "slurm:",
      `  launcher: ${launcher}`,
      "",
    ].join("\n"),
  );
  return file;
}

describe.skipIf(skip)("sweeps through Slurm", () => {
  beforeAll(() => {
    if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_SLURM=1 but ${unavailable}`);
  });

  it("runs the example agents on the demo split with the process launcher, every run graded", async () => {
    const ws = workspace();
    // Asks bench for a score through the shared folder while its job runs, and keeps the answer.
    const scorer = path.join(ws.dir, "scorer.yaml");
    writeFileSync(
      scorer,
      [
        "name: scorer",
        "command:",
        "  - sh",
        "  - -c",
        "  - |",
        '    cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SCORE_DIR/try.csv"',
        '    touch "$BENCH_SCORE_DIR/try.request"',
        '    for i in $(seq 300); do [ -f "$BENCH_SCORE_DIR/try.result.json" ] && break; sleep 0.1; done',
        '    cp "$BENCH_SCORE_DIR/try.result.json" "$BENCH_LOGS_DIR/answer.json"',
        "resources:",
        "  cpus: 1",
        "  memory_gb: 0.125",
        "time_limit: 1m",
        "",
      ].join("\n"),
    );
    const file = sweepFile(
      ws.dir,
      "slurm-process",
      [
        path.join(AGENTS, "copy-sample.yaml"),
        path.join(AGENTS, "fails.yaml"),
        path.join(AGENTS, "overruns.yaml"),
        scorer,
      ],
      "process",
    );
    const bench = startBench(ws.dir, ["sweep", "run", file, "--db", ws.db]);
    expect(await bench.exited).toBe(0);
    const rows = storeRuns(ws.db);
    expect(rows).toHaveLength(12);
    const byAgent = (agent: string) =>
      new Set(rows.filter((r) => r.id.includes(`:${agent}-`)).map((r) => r.status));
    expect(byAgent("copy-sample")).toEqual(new Set(["completed"]));
    expect(byAgent("fails")).toEqual(new Set(["agent_error"]));
    expect(byAgent("overruns")).toEqual(new Set(["timed_out"]));
    // scorer wrote no submission (graded invalid), but bench answered its score request during the run.
    expect(byAgent("scorer")).toEqual(new Set(["completed"]));
    const answers = readdirSync(path.join(ws.dir, "runs", "slurm-process"), { recursive: true }).filter(
      (file) => String(file).endsWith(path.join("logs", "answer.json")),
    );
    expect(answers).toHaveLength(3);
    expect(rows.every((r) => r.graded !== null)).toBe(true);
    expect(rows.filter((r) => r.valid === true)).toHaveLength(3);
    expect(rows.every((r) => /^slurm:\d+$/.test(r.handle ?? ""))).toBe(true);
    expect(liveJobsOfSweep("slurm-process")).toEqual([]);
  }, 180_000);

  it("runs the demo split with the docker launcher on the node's engine", async (context) => {
    const noDocker = await dockerUnavailableReason();
    if (noDocker !== undefined && !REQUIRE_DOCKER) {
      console.warn(
        `docker launcher sweep skipped: ${noDocker} (set BENCH_REQUIRE_DOCKER=1 to make this fail)`,
      );
      context.skip();
    }
    const ws = workspace();
    const file = sweepFile(ws.dir, "slurm-docker", [path.join(AGENTS, "copy-sample.yaml")], "docker");
    const bench = startBench(ws.dir, ["sweep", "run", file, "--db", ws.db]);
    expect(await bench.exited).toBe(0);
    const rows = storeRuns(ws.db);
    expect(rows.map((r) => [r.status, r.valid])).toEqual(rows.map(() => ["completed", true]));
    expect(rows).toHaveLength(3);
  }, 180_000);

  it("runs the example agents with the podman launcher on the node's podman, every run graded", async (context) => {
    const noPodman = podmanUnavailableReason();
    if (skipWithoutPodman("podman launcher sweep", noPodman)) context.skip();
    if (noPodman !== undefined) throw new Error(`BENCH_REQUIRE_PODMAN=1 but ${noPodman}`);
    const ws = workspace();
    const file = sweepFile(
      ws.dir,
      "slurm-podman",
      [path.join(AGENTS, "copy-sample.yaml"), path.join(AGENTS, "fails.yaml")],
      "podman",
    );
    const bench = startBench(ws.dir, ["sweep", "run", file, "--db", ws.db]);
    expect(await bench.exited).toBe(0);
    const rows = storeRuns(ws.db);
    expect(rows).toHaveLength(6);
    const byAgent = (agent: string) => rows.filter((r) => r.id.includes(`:${agent}-`));
    expect(byAgent("copy-sample").map((r) => [r.status, r.valid])).toEqual([
      ["completed", true],
      ["completed", true],
      ["completed", true],
    ]);
    expect(byAgent("fails").map((r) => r.status)).toEqual(["agent_error", "agent_error", "agent_error"]);
    expect(rows.every((r) => r.graded !== null)).toBe(true);
    // The container wrote straight into the run folders on the shared filesystem.
    const written = readdirSync(path.join(ws.dir, "runs", "slurm-podman"), { recursive: true }).map(String);
    expect(written.filter((f) => f.endsWith(path.join("submission", "submission.csv")))).toHaveLength(3);
    expect(written.filter((f) => f.endsWith(path.join("logs", "why.txt")))).toHaveLength(3);
    const wrappers = written.filter((f) => f.endsWith(path.join("slurm-job", "job.sh")));
    expect(wrappers).toHaveLength(6);
    for (const wrapper of wrappers) {
      expect(readFileSync(path.join(ws.dir, "runs", "slurm-podman", wrapper), "utf8")).toContain(
        "engine=podman\n",
      );
    }
    expect(liveJobsOfSweep("slurm-podman")).toEqual([]);
  }, 180_000);

  it("survives kill -9 mid-sweep: the same command re-attaches, loses nothing, runs nothing twice, leaves no job", async () => {
    const ws = workspace();
    const ledger = path.join(ws.dir, "started.txt");
    const agent = path.join(ws.dir, "slow.yaml");
    // Seed 1 ends while bench is dead; seed 2 is still running when the second bench starts.
    writeFileSync(
      agent,
      [
        "name: slow",
        'command: ["sh", "-c", "echo \\"$BENCH_RUN_ID\\" >> \\"$LEDGER\\"; sleep $((BENCH_SEED * 4 - 3)); cp \\"$BENCH_DATA_DIR/sample_submission.csv\\" \\"$BENCH_SUBMISSION_DIR/submission.csv\\""]',
        "env:",
        `  LEDGER: ${JSON.stringify(ledger)}`,
        "resources:",
        "  cpus: 1",
        "  memory_gb: 0.125",
        "time_limit: 1m",
        "",
      ].join("\n"),
    );
    writeFileSync(ledger, "");
    const file = sweepFile(ws.dir, "slurm-crash", [agent], "process", 2);
    const args = ["sweep", "run", file, "--db", ws.db];
    const first = startBench(ws.dir, args);
    const ledgerLines = () => readFileSync(ledger, "utf8").split("\n").filter(Boolean);
    await waitFor("all six agents started", () => ledgerLines().length === 6);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(liveJobsOfSweep("slurm-crash").length).toBeGreaterThan(0);
    // Let the short runs end while no bench watches them.
    await new Promise((r) => setTimeout(r, 2_000));

    const second = startBench(ws.dir, args);
    expect(await second.exited).toBe(0);
    const rows = storeRuns(ws.db);
    expect(rows).toHaveLength(6);
    expect(
      rows.map((r) => [r.status, r.valid]),
      JSON.stringify(rows),
    ).toEqual(rows.map(() => ["completed", true]));
    expect(rows.every((r) => r.status === "completed" && r.valid === true)).toBe(true);
    // Each agent ran once: nothing was submitted again.
    expect(ledgerLines().sort()).toEqual(rows.map((r) => r.id).sort());
    expect(liveJobsOfSweep("slurm-crash")).toEqual([]);
  }, 180_000);

  it("shows queued time apart in bench status, then cancels the sweep's jobs on Ctrl-C and exits 130", async () => {
    const ws = workspace();
    const agent = path.join(ws.dir, "sleeper.yaml");
    // Every GPU of the node each: one job runs, the others wait in Slurm's queue.
    writeFileSync(
      agent,
      [
        "name: sleeper",
        'command: ["sleep", "60"]',
        "resources:",
        `  gpus: ${declaredGpus()}`,
        "  cpus: 1",
        "  memory_gb: 0.125",
        "",
      ].join("\n"),
    );
    const file = sweepFile(ws.dir, "slurm-ctrl-c", [agent], "process");
    const bench = startBench(ws.dir, ["sweep", "run", file, "--db", ws.db]);
    await waitFor("the jobs are submitted", () => liveJobsOfSweep("slurm-ctrl-c").length === 3);
    await waitFor("one job runs", () => storeRuns(ws.db).some((r) => r.handle !== null));
    const status = await cli("status", "--db", ws.db, "--json");
    const running = (JSON.parse(status.stdout) as { running: Array<{ queued_in_slurm: boolean }> }).running;
    expect(running.map((r) => r.queued_in_slurm).sort()).toEqual([false, true, true]);
    expect((await cli("status", "--db", ws.db)).stdout).toContain("queued in Slurm");
    bench.child.kill("SIGINT");
    expect(await bench.exited).toBe(130);
    expect(liveJobsOfSweep("slurm-ctrl-c")).toEqual([]);
    expect(storeRuns(ws.db).map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  }, 120_000);
  it("kills the sweep's jobs and their containers at once on a second Ctrl-C, runs recorded as cancelled", async (context) => {
    const noDocker = await dockerUnavailableReason();
    if (noDocker !== undefined && !REQUIRE_DOCKER) {
      console.warn(`forced stop test skipped: ${noDocker} (set BENCH_REQUIRE_DOCKER=1 to make this fail)`);
      context.skip();
    }
    const ws = workspace();
    const agent = path.join(ws.dir, "stubborn.yaml");
    // Ignores SIGTERM: only a kill stops it (a first Ctrl-C alone waits for Slurm's KillWait, and a
    // SIGKILL of the wrapper alone would leave its container running).
    writeFileSync(
      agent,
      [
        "name: stubborn",
        "image: bench-busybox:test",
        'command: ["sh", "-c", "trap \'\' TERM; while :; do sleep 1; done"]',
        "resources:",
        "  cpus: 1",
        "  memory_gb: 0.125",
        "time_limit: 5m",
        "",
      ].join("\n"),
    );
    const file = sweepFile(ws.dir, "slurm-force", [agent], "docker");
    const containers = () =>
      execFileSync("docker", ["ps", "-a", "-q", "--filter", "label=bench.sweep-id=slurm-force"], {
        encoding: "utf8",
      })
        .split("\n")
        .filter(Boolean);
    const bench = startBench(ws.dir, ["sweep", "run", file, "--db", ws.db]);
    await waitFor("the three containers run", () => containers().length === 3, 90_000);
    bench.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 300));
    const forcedAt = Date.now();
    bench.child.kill("SIGINT");
    expect(await bench.exited).toBe(130);
    const forcedMs = Date.now() - forcedAt;
    console.log(`second Ctrl-C to bench's exit: ${forcedMs} ms`);
    expect(forcedMs).toBeLessThan(30_000);
    expect(liveJobsOfSweep("slurm-force")).toEqual([]);
    expect(storeRuns(ws.db).map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    // The wrappers had the engine kill and remove their containers before SIGKILL reached them.
    await waitFor("no container of the sweep is left", () => containers().length === 0, 15_000);
  }, 150_000);
});
