// A bench that died mid-run leaves its agents running, setsid'd grandchildren and run cgroups included.
// The crash is played by starting an agent through a run's containment and never releasing it.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { LocalRuntime, localEnvironment } from "./local-runtime.js";
import { availableMechanisms, RunContainment } from "./run-containment.js";
import { processesWithRunId, scriptRun } from "./test-support/local-run.js";

const mechanisms = process.platform === "linux" ? await availableMechanisms() : [];

// Sessions of another host: the real isSessionAlive calls them alive, so a bench reaping at the same
// time (another test) leaves them to this test's own judgement. The pid keeps two test runs apart.
const DEAD = `elsewhere.invalid:${process.pid}:dead`;
const LIVE = `elsewhere.invalid:${process.pid}:live`;

/** Starts an agent as the runtime would, then forgets it, as a crashed bench does. */
async function abandonedAgent(mechanism: (typeof mechanisms)[number], sessionId: string) {
  const spec = scriptRun("setsid sh -c 'exec sleep 300' </dev/null >/dev/null 2>&1 & exec sleep 300", {
    sessionId,
  });
  const containment = new RunContainment(spec, mechanism);
  const command = containment.command(spec.command);
  const dirs = { submission: spec.runDir, logs: spec.runDir, code: spec.runDir, score: spec.runDir };
  const child = spawn(command.file, command.args, {
    env: localEnvironment(spec, dirs),
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  containment.adopt(child.pid!);
  // Both the agent and its setsid'd grandchild are running before the "crash".
  for (let i = 0; i < 250 && processesWithRunId(spec.runId).length < 2; i++) await sleep(20);
  expect(processesWithRunId(spec.runId)).toHaveLength(2);
  return { spec, containment };
}

describe.each(mechanisms)("reapOrphans, runs contained by %s", (mechanism) => {
  it("kills a dead session's processes, setsid'd ones too, removes its run cgroup, and leaves a live session's alone", async () => {
    const dead = await abandonedAgent(mechanism, DEAD);
    const live = await abandonedAgent(mechanism, LIVE);
    try {
      const reaped = await new LocalRuntime().reapOrphans((session) => session !== DEAD);
      expect(reaped).toBeGreaterThanOrEqual(1);
      expect(processesWithRunId(dead.spec.runId)).toEqual([]);
      expect(processesWithRunId(live.spec.runId)).toHaveLength(2);
      if (mechanism !== "process-scan") expect(dead.containment.cgroupDirs.length).toBeGreaterThan(0);
      for (const dir of dead.containment.cgroupDirs) expect(existsSync(dir)).toBe(false);
      for (const dir of live.containment.cgroupDirs) expect(existsSync(dir)).toBe(true);
    } finally {
      await live.containment.release();
      await dead.containment.release();
    }
    expect(processesWithRunId(live.spec.runId)).toEqual([]);
  });
});
