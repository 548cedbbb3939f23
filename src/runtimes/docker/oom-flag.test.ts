import { describe, expect, it } from "vitest";
import { settledOomKilled } from "./oom-flag.js";

/** An inspect that reports the flag from the `after`-th call on. */
function flagAfter(after: number) {
  let calls = 0;
  return {
    inspect: async () => ({ oomKilled: ++calls >= after }),
    calls: () => calls,
  };
}
const noWait = async () => undefined;

describe("settledOomKilled", () => {
  it("waits for a flag that comes after a SIGKILL exit bench did not cause", async () => {
    const late = flagAfter(3);
    const facts = { exitCode: 137, oomKilled: false, stoppedByBench: false };
    expect(await settledOomKilled(facts, late.inspect, noWait)).toBe(true);
    expect(late.calls()).toBe(3);
  });

  it("gives up after the settle time: a plain SIGKILL stays one", async () => {
    const never = flagAfter(Number.POSITIVE_INFINITY);
    const facts = { exitCode: 137, oomKilled: false, stoppedByBench: false };
    expect(await settledOomKilled(facts, never.inspect, noWait, 1000)).toBe(false);
    expect(never.calls()).toBe(10);
  });

  it("asks nothing again for other exits, bench's own stops, or a flag already set", async () => {
    for (const facts of [
      { exitCode: 1, oomKilled: false, stoppedByBench: false },
      { exitCode: 0, oomKilled: false, stoppedByBench: false },
      { exitCode: 137, oomKilled: false, stoppedByBench: true },
      { exitCode: 137, oomKilled: true, stoppedByBench: false },
    ]) {
      const probe = flagAfter(1);
      expect(await settledOomKilled(facts, probe.inspect, noWait)).toBe(facts.oomKilled);
      expect(probe.calls()).toBe(0);
    }
  });
});
