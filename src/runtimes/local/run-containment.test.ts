import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { localEnvironment } from "./local-runtime.js";
import { availableMechanisms, RunContainment } from "./run-containment.js";
import { isRunning, scriptRun } from "./test-support/local-run.js";

const mechanisms = process.platform === "linux" ? await availableMechanisms() : [];

describe("RunContainment", () => {
  it("falls back to the environment scan where no cgroup can be made, and says so for the run's notes", () => {
    const containment = new RunContainment(scriptRun(""), "auto", []);
    expect(containment.mechanism).toBe("process-scan");
    expect(containment.fallbackNote).toMatch(/^no cgroup could be made for this run .*found by BENCH_RUN_ID/);
  });

  it.each(mechanisms.filter((m) => m !== "process-scan"))(
    "%s: kills a setsid'd process that cleared its environment, which only the cgroup can find",
    async (mechanism) => {
      const spec = scriptRun(
        'setsid env -i /bin/sh -c \'echo $$ > "$0"; exec sleep 300\' "$PWD/escaped.pid" & exec sleep 300',
      );
      mkdirSync(spec.runDir, { recursive: true });
      const containment = new RunContainment(spec, mechanism);
      const command = containment.command(spec.command);
      const child = spawn(command.file, command.args, {
        cwd: spec.runDir,
        env: localEnvironment(spec, {
          submission: spec.runDir,
          logs: spec.runDir,
          code: spec.runDir,
          score: spec.runDir,
        }),
        detached: true,
        stdio: "ignore",
      });
      containment.adopt(child.pid!);
      const pidFile = path.join(spec.runDir, "escaped.pid");
      // The file exists before the shell has written its pid into it: wait for a whole number.
      const writtenPid = () => (existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : 0);
      for (let i = 0; i < 250 && !(writtenPid() > 0 && containment.pids().length === 2); i++) await sleep(20);
      const escaped = writtenPid();
      expect(escaped).toBeGreaterThan(0);
      expect(containment.pids().sort()).toEqual([child.pid!, escaped].sort());
      expect(await containment.release()).toBe(true);
      expect(isRunning(escaped)).toBe(false);
    },
  );
});
