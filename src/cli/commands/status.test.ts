// `bench status`: a sweep's running runs with their elapsed time, its failed runs with their errors,
// and an ETA from the runs that have finished ("unknown" before any has).

import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatDuration } from "../../config/duration.js";
import { ReportStore } from "../../reports/test-support/report-store.js";
import { currentSessionId } from "../../runtimes/session.js";
import { type RunStatus, runsTable, sweepsTable } from "../../store/schema.js";
import { bench } from "../test-support/run-bench.js";
import { makeSweepStore, type SweepStore } from "./test-support/sweep-store.js";

let sweeps: SweepStore;
beforeAll(async () => {
  sweeps = await makeSweepStore();
}, 120_000);

const stores: ReportStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

interface LiveRun {
  status: RunStatus;
  /** Started this long ago, s. */
  startedAgoS?: number;
  /** Took this long, s (finished runs). */
  tookS?: number;
  error?: string;
}

/** A sweep "live" (concurrency 1) with runs in the given states, timed relative to now. */
function liveSweep(runs: readonly LiveRun[]): ReportStore {
  const s = new ReportStore();
  stores.push(s);
  const agent = s.agent("slow");
  s.competition("demo-binary-auc");
  s.sweep("live");
  s.db
    .update(sweepsTable)
    .set({ status: "running", config: { concurrency: 1 } })
    .where(eq(sweepsTable.id, "live"))
    .run();
  const now = Date.now();
  runs.forEach((r, seed) => {
    const id = s.run({
      agentId: agent,
      competitionId: "demo-binary-auc",
      sweepId: "live",
      seed,
      status: r.status,
    });
    const startedAtMs = r.startedAgoS === undefined ? null : now - r.startedAgoS * 1000;
    s.db
      .update(runsTable)
      .set({
        sessionId: currentSessionId(),
        startedAtMs,
        finishedAtMs: r.tookS === undefined || startedAtMs === null ? null : startedAtMs + r.tookS * 1000,
        error: r.error ?? null,
      })
      .where(eq(runsTable.id, id))
      .run();
  });
  return s;
}

describe("bench status", () => {
  it("lists the failed runs of a sweep with their errors", async () => {
    const { code, stdout } = await bench("status", "--sweep", "nightly", "--db", sweeps.db);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sweep nightly: 4 runs, all finished\n/);
    const failed = stdout.split("Failed:\n")[1]!.split("\n").slice(2, -1);
    expect(failed).toHaveLength(2);
    for (const line of failed) {
      expect(line).toMatch(
        /^[0-9a-f]{8}\s+fails\s+demo-binary-auc\s+[12]\s+agent_error\s+the agent exited with code 3; see agent.log$/,
      );
    }
  });

  it("lists running runs with elapsed time and estimates the sweep's end from the mean finished run", async () => {
    const s = liveSweep([
      { status: "completed", startedAgoS: 600, tookS: 60 },
      { status: "agent_error", startedAgoS: 400, tookS: 120, error: "exit 1\n\u001b[31mred" },
      { status: "running", startedAgoS: 30 },
      { status: "queued" },
      { status: "queued" },
    ]);
    const { code, stdout } = await bench("status", "--db", s.file);
    expect(code).toBe(0);
    // Mean 90 s; two queued (180 s) and the running one's remaining 60 s, one at a time.
    expect(stdout).toContain(
      `Sweep live: 5 runs, 3 left, ETA about ${formatDuration(240_000)} (mean run ${formatDuration(90_000)}, 1 at a time)`,
    );
    const running = stdout.split("Running:\n")[1]!.split("\n")[2]!;
    expect(running.split(/\s{2,}/)).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}$/),
      "slow",
      "demo-binary-auc",
      "2",
      formatDuration(30_000),
      "-",
      "1",
      "yes",
    ]);
    const failed = stdout.split("Failed:\n")[1]!.split("\n")[2]!;
    // The error is one line, cleaned of control characters.
    expect(failed).toMatch(/agent_error\s+exit 1 red$/);
    const json = JSON.parse((await bench("status", "--json", "--db", s.file)).stdout);
    expect(json.eta).toMatchObject({ left: 3, mean_run_ms: 90_000, parallel: 1 });
    expect(json.running.map((r: { seed: number }) => r.seed)).toEqual([2]);
    expect(json.failed.map((r: { seed: number }) => r.seed)).toEqual([1]);
  });

  it("says the ETA is unknown while no run has finished", async () => {
    const s = liveSweep([{ status: "running", startedAgoS: 5 }, { status: "queued" }]);
    const { stdout } = await bench("status", "--sweep", "live", "--db", s.file);
    expect(stdout).toContain("Sweep live: 2 runs, 2 left, ETA unknown (no run has finished yet)");
  });

  it("answers an unknown --sweep with the sweep probably meant", async () => {
    const { code, stderr } = await bench("status", "--sweep", "nigthly", "--db", sweeps.db);
    expect(code).toBe(2);
    expect(stderr).toContain('no sweep "nigthly" in the results store (did you mean "nightly"?)');
  });
});
