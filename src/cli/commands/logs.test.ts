// `bench logs`: a finished run's log printed once and cleaned; with -f, a running run's log followed as
// a real file grows, until the store's row says the run has finished.

import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ReportStore } from "../../reports/test-support/report-store.js";
import { currentSessionId } from "../../runtimes/session.js";
import { runsTable } from "../../store/schema.js";
import { bench } from "../test-support/run-bench.js";
import { controlCharacters, makeSweepStore, type SweepStore } from "./test-support/sweep-store.js";

let sweeps: SweepStore;
beforeAll(async () => {
  sweeps = await makeSweepStore();
}, 120_000);

const stores: ReportStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

/** A store with one run of the given status whose folder holds an agent.log with `log`. */
function storeWithRun(status: "running" | "queued" | "completed", log: string | null) {
  const s = new ReportStore();
  stores.push(s);
  const agent = s.agent("slow");
  s.competition("demo-binary-auc");
  s.sweep("live");
  const id = s.run({
    agentId: agent,
    competitionId: "demo-binary-auc",
    sweepId: "live",
    status,
    graded: false,
  });
  const workspace = path.join(s.dir, "run");
  mkdirSync(workspace);
  const agentLog = path.join(workspace, "agent.log");
  if (log !== null) writeFileSync(agentLog, log);
  s.db
    .update(runsTable)
    .set({
      sessionId: currentSessionId(),
      startedAtMs: status === "queued" ? null : Date.now(),
      workspace: status === "queued" ? null : workspace,
    })
    .where(eq(runsTable.id, id))
    .run();
  return { s, id, agentLog, workspace };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("bench logs", () => {
  it("prints a finished run's whole log once, without terminal control characters", async () => {
    const { stdout: listed } = await bench("runs", "list", "--sweep", "extra", "--json", "--db", sweeps.db);
    const short = JSON.parse(listed).runs[0].short_id as string;
    for (const args of [[short], [short, "-f"]]) {
      const { code, stdout } = await bench("logs", ...args, "--db", sweeps.db);
      expect(code).toBe(0);
      const lines = stdout.split("\n");
      expect(lines.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
      expect(lines.slice(30, 34)).toEqual(["TITLE set", "COLOR red done", "BIDI evil end", "PROGRESS 100%"]);
      // The whole log: the long line is not cut.
      expect(lines[34]).toBe(`LONG ${"0".repeat(500)}`);
      expect(controlCharacters(stdout)).toEqual([]);
      expect(stdout.match(/last line/g)).toHaveLength(1);
    }
  });

  it("-f prints what is appended while the run runs and stops when its row says it finished", async () => {
    const { s, id, agentLog } = storeWithRun("running", "epoch 1\n");
    const following = bench("logs", id.slice(0, 8), "-f", "--db", s.file);
    // What reached stdout so far (bench() captures it through a spy on process.stdout.write).
    const printed = () =>
      vi
        .mocked(process.stdout.write)
        .mock.calls.map((call) => String(call[0]))
        .join("");
    await tick(700);
    expect(printed()).toBe("epoch 1\n");
    appendFileSync(agentLog, "epoch 2\n");
    await tick(700);
    expect(printed()).toBe("epoch 1\nepoch 2\n");
    appendFileSync(agentLog, "epoch 3\n\x1b[2Jpartial ");
    await tick(700);
    // A line is printed once it is complete.
    expect(printed()).toBe("epoch 1\nepoch 2\nepoch 3\n");
    let settled = false;
    void following.then(() => {
      settled = true;
    });
    expect(settled).toBe(false);
    appendFileSync(agentLog, "line\nfinal\n");
    s.db
      .update(runsTable)
      .set({ status: "completed", finishedAtMs: Date.now() })
      .where(eq(runsTable.id, id))
      .run();
    const { code, stdout, stderr } = await following;
    expect(code).toBe(0);
    expect(stdout).toBe("epoch 1\nepoch 2\nepoch 3\npartial line\nfinal\n");
    expect(stderr).toContain("the run ended (completed); stopped following");
  }, 20_000);

  it("-f stops when the bench running the run is gone", async () => {
    const { s, id } = storeWithRun("running", "started\n");
    // A session of another host counts as alive; make it this host's dead pid.
    const here = currentSessionId().split(":").slice(0, -2).join(":");
    s.db
      .update(runsTable)
      .set({ sessionId: `${here}:999999999:1` })
      .where(eq(runsTable.id, id))
      .run();
    const { code, stdout, stderr } = await bench("logs", id, "-f", "--db", s.file);
    expect(code).toBe(0);
    expect(stdout).toBe("started\n");
    expect(stderr).toContain("the bench running this run is no longer alive");
  });

  it("says a queued run has no log yet, and that -f waits for it", async () => {
    const { s, id } = storeWithRun("queued", null);
    const { code, stderr } = await bench("logs", id, "--db", s.file);
    expect(code).toBe(1);
    expect(stderr).toContain("has not started yet, so it has no log");
    expect(stderr).toMatch(/bench logs [0-9a-f]{8} -f waits for it to start/);
  });
});
