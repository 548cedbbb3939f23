// Helpers for tests of the local runtime: a RunSpec for a shell script in a fresh folder, and a look at
// /proc that does not share code with the runtime, so a bug there cannot hide itself.

import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ArtifactLimits, DEFAULT_ARTIFACT_LIMITS } from "../../artifact-limits.js";
import type { RunLimits, RunSpec } from "../../runtime.js";
import { currentSessionId } from "../../session.js";

export function scriptRun(
  script: string,
  options: { limits?: Partial<RunLimits>; artifacts?: Partial<ArtifactLimits>; sessionId?: string } = {},
): RunSpec {
  const root = mkdtempSync(path.join(os.tmpdir(), "bench-local-"));
  const data = path.join(root, "data");
  mkdirSync(data);
  return {
    runId: `test:${randomUUID()}`,
    sweepId: "test",
    // A live session's id: a bench reaping orphans at the same time (another test) leaves the run alone.
    sessionId: options.sessionId ?? currentSessionId(),
    competitionId: "demo",
    command: ["sh", "-c", script],
    env: {},
    publicDataDir: data,
    runDir: path.join(root, "run"),
    limits: {
      timeLimitMs: 30_000,
      stopGraceMs: 500,
      cpus: 1,
      memoryBytes: 4 * 1024 ** 3,
      shmBytes: 64 * 1024 ** 2,
      pidsLimit: 4096,
      gpuIds: [],
      network: false,
      ...options.limits,
      artifacts: { ...DEFAULT_ARTIFACT_LIMITS, ...options.artifacts },
    },
  };
}

/** Live processes whose environment carries BENCH_RUN_ID=<runId>. */
export function processesWithRunId(runId: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = `\0${readFileSync(`/proc/${entry}/environ`, "latin1")}`;
      if (!environ.includes(`\0BENCH_RUN_ID=${runId}\0`)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "latin1");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
      found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Whether `pid` is a live process (not gone, not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}
