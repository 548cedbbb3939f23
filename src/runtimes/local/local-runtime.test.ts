// The local runtime against agents that try to outlive or outgrow their run: daemons, setsid'd and
// double-forked grandchildren, a fork bomb, a grandchild that eats memory. Each runs once per mechanism
// this machine allows (cgroup v2, cgroup v1, the environment scan), with real processes.

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalRuntime } from "./local-runtime.js";
import { availableMechanisms } from "./run-containment.js";
import { processesWithRunId, scriptRun } from "./test-support/local-run.js";

const mechanisms = process.platform === "linux" ? await availableMechanisms() : [];
const missing = (["cgroup2", "cgroup1", "process-scan"] as const).filter((m) => !mechanisms.includes(m));

describe.each(mechanisms)("with containment %s", (containment) => {
  const runtime = new LocalRuntime({ containment });

  it.each([
    ["a setsid'd grandchild holding the output pipes", "setsid sh -c 'sleep 300' & echo started; exit 0"],
    ["a double-forked grandchild holding the output pipes", "( sh -c 'sleep 300' & ); echo started; exit 0"],
    [
      "a setsid'd, double-forked daemon with its own output",
      "( setsid sh -c 'sleep 300' </dev/null >/dev/null 2>&1 & ); echo started; exit 0",
    ],
  ])("an agent that leaves %s ends completed at once, and the grandchild is killed", async (_, script) => {
    const spec = scriptRun(script);
    const started = Date.now();
    const result = await runtime.run(spec);
    const elapsedMs = Date.now() - started;
    expect(result).toMatchObject({ endClass: "completed", exitCode: 0 });
    // The agent itself exits at once; seconds of slack for a loaded machine, far from the 30 s limit.
    expect(elapsedMs).toBeLessThan(15_000);
    expect(processesWithRunId(spec.runId)).toEqual([]);
    expect(result.notes?.join("\n")).toMatch(
      /left \d+ process\(es\) running when it exited; they were killed/,
    );
    expect(readFileSync(path.join(spec.runDir, "agent.log"), "utf8")).toContain("started");
  });

  it("stops a fork bomb of setsid'd sleepers at its time limit, promptly, leaving nothing", async () => {
    // About 300 processes, each in its own session, so none is in the agent's process group.
    const spec = scriptRun(
      "trap '' TERM; i=0; while [ $i -lt 150 ]; do setsid sh -c 'sleep 300 & exec sleep 300' & i=$((i+1)); done; wait",
      { limits: { timeLimitMs: 2_000, stopGraceMs: 500 } },
    );
    const started = Date.now();
    const result = await runtime.run(spec);
    const elapsedMs = Date.now() - started;
    expect(result.endClass).toBe("timed_out");
    expect(elapsedMs).toBeLessThan(30_000);
    expect(processesWithRunId(spec.runId)).toEqual([]);
  });

  it("counts a setsid'd grandchild's memory against the run's limit", async () => {
    const spec = scriptRun(
      // Holds 300 MB under a 100 MiB limit for a minute: the watchdog sees it however loaded the machine is.
      "setsid sh -c 'x=$(head -c 300000000 /dev/zero | tr \"\\0\" a); sleep 60' >/dev/null 2>&1 & sleep 60",
      { limits: { memoryBytes: 100 * 1024 ** 2, timeLimitMs: 25_000 } },
    );
    const result = await runtime.run(spec);
    expect(result.endClass).toBe("out_of_memory");
    expect(result.message).toMatch(/above its 100 MiB limit/);
    expect(processesWithRunId(spec.runId)).toEqual([]);
  });
});

describe("the local runtime", () => {
  if (missing.length > 0) it.skip(`with containment ${missing.join(", ")}: not available on this machine`);

  it("keeps the agent's output up to agent.log's cap and says so in the run's notes", async () => {
    const spec = scriptRun("echo first; head -c 5000000 /dev/zero | tr '\\0' x; echo; echo last", {
      artifacts: { agentLogBytes: 100_000 },
    });
    const result = await new LocalRuntime().run(spec);
    expect(result.endClass).toBe("completed");
    const log = path.join(spec.runDir, "agent.log");
    expect(statSync(log).size).toBeLessThan(100_000 + 1_000);
    const text = readFileSync(log, "utf8");
    expect(text.startsWith("first\n")).toBe(true);
    expect(text).toContain("reached the log size limit");
    expect(text).not.toContain("last");
    expect(result.notes).toContain(
      "agent.log kept the first 97.7 KiB of the agent's output; the rest was dropped",
    );
  });

  it("says a command that does not exist was not found, as an infrastructure error", async () => {
    const spec = { ...scriptRun(""), command: ["no-such-agent-command-xyz", "--flag"] };
    for (const containment of mechanisms) {
      const result = await new LocalRuntime({ containment }).run(spec);
      expect(result.endClass).toBe("infra_error");
      expect(result.message).toContain('the agent\'s command "no-such-agent-command-xyz" was not found');
    }
  });

  it("passes the agent's exit code and output through the cgroup's wrapper unchanged", async () => {
    const spec = scriptRun('echo "out $0 $1"; echo err >&2; exit 3');
    spec.command = [...spec.command, "zero", "one"];
    const result = await new LocalRuntime().run(spec);
    expect(result).toMatchObject({ endClass: "agent_error", exitCode: 3 });
    const log = readFileSync(path.join(spec.runDir, "agent.log"), "utf8");
    expect(log).toContain("out zero one");
    expect(log).toContain("err");
  });
});
