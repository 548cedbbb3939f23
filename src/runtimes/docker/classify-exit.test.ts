import { describe, expect, it } from "vitest";
import { classifyExit, type ExitFacts } from "./classify-exit.js";

const base: ExitFacts = {
  stopReason: null,
  exitCode: 0,
  oomKilled: false,
  timeLimitMs: 120_000,
  memoryBytes: 64 * 1024 ** 2,
};

describe("classifyExit", () => {
  it("exit 0 is completed, even if a child process was OOM-killed", () => {
    expect(classifyExit(base).endClass).toBe("completed");
    const coped = classifyExit({ ...base, oomKilled: true });
    expect(coped.endClass).toBe("completed");
    expect(coped.message).toMatch(/memory limit/);
  });

  it("a non-zero exit with the OOM flag is out_of_memory, naming the limit", () => {
    const result = classifyExit({ ...base, exitCode: 137, oomKilled: true });
    expect(result.endClass).toBe("out_of_memory");
    expect(result.message).toContain("64 MiB");
    expect(result.message).toContain("killed by signal 9");
  });

  it("exit 137 without the OOM flag is an agent error (something else killed it)", () => {
    expect(classifyExit({ ...base, exitCode: 137 }).endClass).toBe("agent_error");
  });

  it("other non-zero exits are agent errors", () => {
    const result = classifyExit({ ...base, exitCode: 3 });
    expect(result).toEqual({ endClass: "agent_error", message: "the agent failed with exit code 3" });
  });

  it("bench's own stop reasons win over whatever exit code the stop produced", () => {
    const timedOut = classifyExit({ ...base, stopReason: "timed_out", exitCode: 137, oomKilled: true });
    expect(timedOut.endClass).toBe("timed_out");
    expect(timedOut.message).toContain("2 min");
    expect(classifyExit({ ...base, stopReason: "timed_out", timeLimitMs: 2500 }).message).toContain("2.5 s");
    expect(classifyExit({ ...base, stopReason: "cancelled", exitCode: 143 }).endClass).toBe("cancelled");
  });

  it("a stop past the disk limit is an agent error naming the size and the limit", () => {
    const result = classifyExit({
      ...base,
      stopReason: "disk_limit",
      exitCode: 137,
      oomKilled: true,
      disk: { usedBytes: 45.2 * 1024 ** 2, limitBytes: 40 * 1024 ** 2 },
    });
    expect(result).toEqual({
      endClass: "agent_error",
      message:
        "the agent wrote 45.2 MiB into its container's filesystem, past the disk limit of 40 MiB " +
        "(BENCH_MAX_CONTAINER_DISK_BYTES), and was stopped",
    });
  });
});
