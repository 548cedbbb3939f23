// One hostile run must never take a sweep down: a file that breaks the grader, a score request that
// breaks it, a grader that throws. Each is that run's outcome (an invalid submission, a failed score
// request, an infra_error); every other run finishes and is graded, and no row is left `running`.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseSweep } from "../config/sweep-schema.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import type { RunResult, Runtime } from "../runtimes/runtime.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable, scoreLogTable } from "../store/schema.js";
import { executeSweep, loadAgents } from "./execute-sweep.js";
import { ResourcePool } from "./resource-pool.js";
import type { RunJournal } from "./run-journal.js";
import { planSweep } from "./sweep-plan.js";
import { runSweep } from "./sweep-runner.js";

function agentFile(dir: string, name: string, script: string): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 1\ntime_limit: 2m\n`,
  );
  return file;
}

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

// A submission whose first id is a 10,000,000-digit number, sent as a score request (waiting for the
// answer) and then left as the final submission.
const HUGE_NUMBER = `
  sample="$BENCH_DATA_DIR/sample_submission.csv"
  f="$BENCH_SCORE_DIR/huge.csv"
  head -n 1 "$sample" > "$f"
  head -c 10000000 /dev/zero | tr '\\0' 7 >> "$f"
  printf ',0.5\\n' >> "$f"
  tail -n +3 "$sample" >> "$f"
  touch "$BENCH_SCORE_DIR/huge.request"
  i=0; while [ ! -f "$BENCH_SCORE_DIR/huge.result.json" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
  cp "$f" "$BENCH_SUBMISSION_DIR/submission.csv"
`;

/** A runtime whose every run completes at once: these tests are about what happens after. */
const completing: Runtime = {
  name: "local",
  isolates: false,
  preflight: async () => {},
  reapOrphans: async () => 0,
  async run(): Promise<RunResult> {
    const now = Date.now();
    return {
      endClass: "completed",
      exitCode: 0,
      message: "ok",
      startedAtMs: now,
      finishedAtMs: now,
      submissionPath: null,
    };
  },
};

async function demoPlan(seeds: number) {
  const agents = await loadAgents([path.resolve("agents/copy-sample.yaml")]);
  return planSweep({ name: "t", seeds, time_limit: "1m" }, agents, [
    await new CompetitionRegistry().get("demo-binary-auc"),
  ]);
}

const runnerDefaults = {
  sweepId: "t",
  sessionId: "s",
  runtime: completing,
  publicDataDir: () => ".",
  retries: 0,
  stopGraceMs: 100,
};

describe("a hostile run in a sweep", () => {
  it("a 10,000,000-digit number in a score request and a submission is that run's problem only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-hostile-"));
    const db = path.join(dir, "bench.db");
    const files = [agentFile(dir, "innocent", COPY_SAMPLE), agentFile(dir, "huge-number", HUGE_NUMBER)];
    const agents = await loadAgents(files);
    const config = parseSweep(
      {
        name: "hostile",
        agents: files,
        competitions: ["demo-binary-auc"],
        seeds: 2,
        concurrency: 4,
        cpus: 4,
        memory_gb: 8,
        stop_grace: "1s",
      },
      "test",
    );
    const result = await executeSweep(config, agents, { dbPath: db, runsRoot: path.join(dir, "runs") });
    expect(result.summary.planned).toBe(4);

    const store = openStore({ path: db, readonly: true });
    try {
      const rows = store.db
        .select({
          id: runsTable.id,
          status: runsTable.status,
          valid: gradesTable.validSubmission,
          error: gradesTable.error,
        })
        .from(runsTable)
        .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
        .all();
      expect(rows).toHaveLength(4);
      expect(rows.filter((r) => r.status === "running" || r.status === "queued")).toEqual([]);
      for (const innocent of rows.filter((r) => r.id.includes(":innocent-"))) {
        expect(innocent).toMatchObject({ status: "completed", valid: true });
      }
      for (const hostile of rows.filter((r) => r.id.includes(":huge-number-"))) {
        // Graded, found invalid, with a short reason: the digits are not echoed back.
        expect(hostile).toMatchObject({ status: "completed", valid: false });
        expect(hostile.error!.length).toBeLessThan(2_100);
      }
      const log = store.db.select().from(scoreLogTable).all();
      expect(log).toHaveLength(2);
      for (const entry of log) {
        expect(entry.rawScore).toBeNull();
        expect(entry.message!.length).toBeLessThan(600);
      }
    } finally {
      store.close();
    }
  }, 120_000);

  it("a grader that throws on one run makes that run an infra_error, recorded, and the rest go on", async () => {
    const plan = await demoPlan(3);
    const finished = new Map<string, { endClass: string; message: string; graded: boolean }>();
    const journal: RunJournal = {
      prepare: () => ({ skip: false }),
      markRunning() {},
      markHandle() {},
      markRetry() {},
      finish: (id, result, graded) =>
        finished.set(id, { endClass: result.endClass, message: result.message, graded: graded !== null }),
    };
    const hostile = plan[1]!.runId;
    const summary = await runSweep(plan, {
      ...runnerDefaults,
      pool: new ResourcePool({ gpuIds: [], cpus: 4, memoryGb: 4 }),
      journal,
      grade: async (run) => {
        if (run.runId === hostile) throw new RangeError("Maximum call stack size exceeded");
        return { report: {} as never, grader: null };
      },
      runsRoot: mkdtempSync(path.join(tmpdir(), "bench-runner-")),
      concurrency: 2,
    });
    expect(summary.byClass).toMatchObject({ completed: 2, infra_error: 1 });
    expect(finished.size).toBe(3);
    expect(finished.get(hostile)).toEqual({
      endClass: "infra_error",
      message: "bench could not grade this run: Maximum call stack size exceeded",
      graded: false,
    });
  });

  it("a journal that fails while recording one run still leaves the others recorded", async () => {
    const plan = await demoPlan(2);
    const recorded: string[] = [];
    let failOnce = true;
    const journal: RunJournal = {
      prepare: () => ({ skip: false }),
      markRunning() {},
      markHandle() {},
      markRetry() {},
      finish: (id, result) => {
        if (failOnce && result.endClass === "completed") {
          failOnce = false;
          throw new Error("disk I/O error");
        }
        recorded.push(`${id}:${result.endClass}`);
      },
    };
    const summary = await runSweep(plan, {
      ...runnerDefaults,
      pool: new ResourcePool({ gpuIds: [], cpus: 4, memoryGb: 4 }),
      journal,
      grade: async () => ({ report: {} as never, grader: null }),
      runsRoot: mkdtempSync(path.join(tmpdir(), "bench-runner-")),
      concurrency: 1,
    });
    // The failed write is retried by the guard as an infra_error, so the row does not stay `running`.
    expect(recorded.sort()).toEqual([`${plan[0]!.runId}:infra_error`, `${plan[1]!.runId}:completed`].sort());
    expect(summary.byClass).toMatchObject({ completed: 1, infra_error: 1 });
  });
});
