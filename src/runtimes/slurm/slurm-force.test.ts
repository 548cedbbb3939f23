// Ctrl-C and a forced stop (second Ctrl-C) of Slurm runs, against fake Slurm commands: the scancel
// calls bench makes and their order (queued jobs cancelled and SIGTERM to running wrappers; then the
// wrappers' kill signal, SIGKILL to every process, and cancel), batched over the sweep's jobs, and the
// runs recorded as cancelled. The same on a real
// cluster is in src/scheduler/slurm-sweep.test.ts.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ARTIFACT_LIMITS } from "../artifact-limits.js";
import type { RunSpec } from "../runtime.js";
import { FORCE_SIGNAL, jobFiles, jobScript } from "./job-script.js";
import type { ScancelOptions, SlurmCommands, SlurmJobInfo } from "./slurm-cli.js";
import { SlurmRuntime } from "./slurm-runtime.js";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function specIn(root: string, name: string): RunSpec {
  return {
    runId: `force:${name}`,
    sweepId: "force",
    sessionId: "host:1:force",
    competitionId: "demo",
    image: undefined,
    command: ["sleep", "600"],
    env: {},
    publicDataDir: path.join(root, "public"),
    runDir: path.join(root, name),
    limits: {
      timeLimitMs: 600_000,
      stopGraceMs: 60_000,
      cpus: 1,
      memoryBytes: 2 ** 28,
      shmBytes: 2 ** 26,
      pidsLimit: 64,
      gpuIds: [],
      network: false,
      artifacts: DEFAULT_ARTIFACT_LIMITS,
    },
  };
}

type Scancel = { ids: string[] } & ScancelOptions;

/** A cluster whose jobs run until SIGKILL reaches them; `wrapperExits` says whether the wrappers obey USR1. */
function fakeCluster(wrapperExits: boolean, runningState = "RUNNING") {
  const calls: Scancel[] = [];
  const dirs = new Map<string, string>();
  const killed = new Set<string>();
  let next = 100;
  const commands: SlurmCommands = {
    sbatch: async (args) => {
      const id = String(next++);
      dirs.set(id, args.find((a) => a.startsWith("--chdir="))!.slice("--chdir=".length));
      return id;
    },
    squeue: async (ids) =>
      ids.map(
        (jobId): SlurmJobInfo => ({
          jobId,
          state: killed.has(jobId) ? "CANCELLED" : runningState,
          reason: "None",
          comment: "",
          name: "",
        }),
      ),
    squeueAll: async () => [],
    showJob: async () => null,
    scancel: async (ids, options = {}) => {
      calls.push({ ids: [...ids].sort(), ...options });
      for (const id of ids) {
        // The wrapper kills its agent on bench's force signal and writes its exit record.
        if (options.signal === FORCE_SIGNAL && wrapperExits) {
          const dir = dirs.get(id)!;
          writeFileSync(path.join(dir, "exit"), `signal 137 ${Date.now() - 1000} ${Date.now()}\n`);
        }
        const plainCancel = options.signal === undefined && options.state === undefined;
        if (options.signal === "KILL" || (runningState !== "RUNNING" && plainCancel)) {
          killed.add(id);
        }
      }
    },
    setComment: async () => {},
  };
  return { commands, calls };
}

/** The scancel calls that named one job, by kind (its signal, else its state filter, else a cancel). */
function kindsFor(calls: Scancel[], id: string): string[] {
  return calls.filter((c) => c.ids.includes(id)).map((c) => c.signal ?? c.state ?? "cancel");
}

async function forcedSweep(wrapperExits: boolean) {
  const root = mkdtempSync(path.join(tmpdir(), "bench-slurm-force-"));
  folders.push(root);
  const { commands, calls } = fakeCluster(wrapperExits);
  const runtime = new SlurmRuntime({ launcher: "process", pollMs: 20, commands, onNotice: () => {} });
  const stop = new AbortController();
  const force = new AbortController();
  const specs = [specIn(root, "a"), specIn(root, "b")];
  let started = 0;
  const runs = specs.map((spec) =>
    runtime.run(spec, {
      signal: stop.signal,
      forceSignal: force.signal,
      onStarted: () => {
        started++;
      },
    }),
  );
  while (started < specs.length) await new Promise((resolve) => setTimeout(resolve, 10));
  stop.abort(); // first Ctrl-C
  await new Promise((resolve) => setTimeout(resolve, 100));
  const forcedAt = Date.now();
  force.abort(); // second Ctrl-C
  const results = await Promise.all(runs);
  const forcedMs = Date.now() - forcedAt;
  // A run ends once Slurm lists its job as ended: the last scancel of its forced stop may still be on
  // its way (one setImmediate later).
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { results, calls, forcedMs, specs };
}

describe("a forced stop of Slurm runs (second Ctrl-C)", () => {
  it("cancels, then has the wrappers kill their agents, then SIGKILLs every process, all jobs in one call each", async () => {
    const { results, calls, forcedMs } = await forcedSweep(true);
    expect(results.map((r) => r.endClass)).toEqual(["cancelled", "cancelled"]);
    const both = ["100", "101"];
    // First Ctrl-C: queued jobs are cancelled, running ones' wrappers get SIGTERM (they stop the agent).
    // Second: the wrappers kill their agents now, then every process gets SIGKILL, and the jobs end.
    // The calls of one moment are one scancel for all jobs.
    expect(calls.slice(0, 3)).toEqual([
      { ids: both, state: "PENDING" },
      { ids: both, signal: "TERM", batchOnly: true, state: "RUNNING" },
      { ids: both, signal: FORCE_SIGNAL, batchOnly: true },
    ]);
    for (const id of both)
      expect(kindsFor(calls, id)).toEqual(["PENDING", "TERM", FORCE_SIGNAL, "KILL", "cancel"]);
    expect(calls.find((c) => c.signal === "KILL")).toEqual({ ids: both, signal: "KILL" });
    // The wrappers wrote their exit records at once: no wait for the settle time (3 s).
    expect(forcedMs).toBeLessThan(2_500);
  });

  it("sends SIGKILL after a short wait even when a wrapper does not answer the force signal", async () => {
    const { results, calls, forcedMs } = await forcedSweep(false);
    expect(results.map((r) => r.endClass)).toEqual(["cancelled", "cancelled"]);
    for (const id of ["100", "101"]) {
      expect(kindsFor(calls, id)).toEqual(["PENDING", "TERM", FORCE_SIGNAL, "KILL", "cancel"]);
    }
    expect(forcedMs).toBeGreaterThanOrEqual(2_900);
    expect(forcedMs).toBeLessThan(15_000);
  }, 30_000);

  it("cancels a job that is still starting (neither queued nor running) when Ctrl-C comes", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "bench-slurm-force-"));
    folders.push(root);
    const { commands, calls } = fakeCluster(true, "CONFIGURING");
    const runtime = new SlurmRuntime({ launcher: "process", pollMs: 20, commands, onNotice: () => {} });
    const stop = new AbortController();
    stop.abort();
    const started = Date.now();
    const result = await runtime.run(specIn(root, "a"), { signal: stop.signal });
    expect(result.endClass).toBe("cancelled");
    expect(calls.map((c) => c.signal ?? c.state ?? "cancel")).toEqual(["PENDING", "TERM", "cancel"]);
    // At once, not after the grace (60 s here) and the backstop.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("writes a wrapper that kills its agent at once on the force signal", () => {
    const root = mkdtempSync(path.join(tmpdir(), "bench-slurm-force-"));
    folders.push(root);
    const spec = specIn(root, "a");
    for (const launcher of ["process", "docker", "podman"] as const) {
      const script = jobScript({ ...spec, image: "bench-busybox:test" }, launcher, "tok");
      expect(script).toContain(`trap on_force ${FORCE_SIGNAL}\n`);
      expect(script).toMatch(/on_force\(\) \{[^}]*stop_agent KILL; \}/);
    }
    expect(jobFiles(spec.runDir).exit).toBe(path.join(spec.runDir, "slurm-job", "exit"));
  });
});
