// End-to-end sweeps with the real local runtime, a real SQLite store and the bundled demo
// competitions: classification of every way a run can end, grading, resume, interruption recovery.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseSweep, type SweepInput } from "../config/sweep-schema.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable, scoreLogTable } from "../store/schema.js";
import { executeSweep, loadAgents } from "./execute-sweep.js";

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sweep-"));
  return { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
}

function agentFile(dir: string, name: string, script: string, extra = "", memoryGb = 0.5): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: ${memoryGb}\n${extra}`,
  );
  return file;
}

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

async function sweep(
  ws: ReturnType<typeof workspace>,
  input: Omit<SweepInput, "agents"> & { agents: string[] },
  signal?: AbortSignal,
) {
  const agents = await loadAgents(input.agents);
  const config = parseSweep({ cpus: 4, memory_gb: 8, stop_grace: "1s", ...input }, "test");
  return executeSweep(config, agents, {
    dbPath: ws.db,
    runsRoot: ws.runs,
    retryBaseDelayMs: 10,
    ...(signal ? { signal } : {}),
  });
}

function runsOf(dbPath: string) {
  const store = openStore({ path: dbPath });
  try {
    return store.db
      .select({
        id: runsTable.id,
        status: runsTable.status,
        attempt: runsTable.attempt,
        score: gradesTable.score,
        valid: gradesTable.validSubmission,
        error: gradesTable.error,
      })
      .from(runsTable)
      .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
      .orderBy(runsTable.id)
      .all();
  } finally {
    store.close();
  }
}

describe("executeSweep with the local runtime", () => {
  it("classifies completed, failing, timed-out and out-of-memory runs, grades them, and resumes without repeating", async () => {
    const ws = workspace();
    const agents = [
      agentFile(ws.dir, "copy-sample", COPY_SAMPLE),
      agentFile(ws.dir, "fails", "echo boom >&2; exit 3"),
      agentFile(ws.dir, "overruns", "sleep 30", "time_limit: 1s\n"),
      // Holds 400 MB under a 100 MB limit for seconds: the watchdog sees it however loaded the machine is.
      agentFile(ws.dir, "hog", 'x=$(head -c 400000000 /dev/zero | tr "\\0" a); sleep 5', "", 0.1),
    ];
    const result = await sweep(ws, {
      name: "classes",
      agents,
      competitions: ["demo-binary-auc"],
      seeds: 1,
      concurrency: 2,
    });
    expect(result.exitCode).toBe(0);
    expect(result.summary.byClass).toMatchObject({
      completed: 1,
      agent_error: 1,
      timed_out: 1,
      out_of_memory: 1,
    });

    const rows = runsOf(ws.db);
    const byAgent = (name: string) => rows.find((r) => r.id.includes(`:${name}-`))!;
    expect(byAgent("copy-sample")).toMatchObject({ status: "completed", valid: true, score: 0.5 });
    expect(byAgent("fails")).toMatchObject({ status: "agent_error", valid: false });
    expect(byAgent("overruns").status).toBe("timed_out");
    expect(byAgent("hog").status).toBe("out_of_memory");
    // Every run is graded, a missing submission included.
    expect(rows.every((r) => r.valid !== null)).toBe(true);
    const log = readFileSync(
      path.join(
        ws.runs,
        "classes",
        rows.find((r) => r.id.includes(":fails-"))!.id.split(":")[1]!,
        "demo-binary-auc",
        "seed-1",
        "agent.log",
      ),
      "utf8",
    );
    expect(log).toContain("boom");

    const again = await sweep(ws, {
      name: "classes",
      agents,
      competitions: ["demo-binary-auc"],
      seeds: 1,
      concurrency: 2,
    });
    expect(again.summary.skipped).toBe(4);
    expect(runsOf(ws.db).map((r) => r.attempt)).toEqual(rows.map((r) => r.attempt));
  }, 60_000);

  it("refuses a submission that is a symlink to a host file, without reading it", async () => {
    const ws = workspace();
    const secret = path.join(ws.dir, "secret.csv");
    writeFileSync(
      secret,
      readFileSync(path.resolve("competitions/demo-binary-auc/data/prepared/private/answers.csv")),
    );
    const agents = [agentFile(ws.dir, "linker", `ln -s ${secret} "$BENCH_SUBMISSION_DIR/submission.csv"`)];
    await sweep(ws, { name: "links", agents, competitions: ["demo-binary-auc"] });
    const [row] = runsOf(ws.db);
    expect(row).toMatchObject({ status: "completed", valid: false, score: null });
    expect(row!.error).toMatch(/symbolic link/);
  });

  it("marks runs of a dead bench interrupted and runs them again", async () => {
    const ws = workspace();
    const agents = [agentFile(ws.dir, "copy-sample", COPY_SAMPLE)];
    await sweep(ws, { name: "crash", agents, competitions: ["demo-binary-auc"], seeds: 2 });
    // Make seed 2 look like it was in flight when its bench (a pid that is gone) died.
    const store = openStore({ path: ws.db });
    const seed2 = store.db
      .select()
      .from(runsTable)
      .all()
      .find((r) => r.seed === 2)!;
    store.db
      .update(runsTable)
      .set({ status: "running", sessionId: `${hostname()}:999999999:1` })
      .where(eq(runsTable.id, seed2.id))
      .run();
    store.db.delete(gradesTable).where(eq(gradesTable.runId, seed2.id)).run();
    store.close();

    const resumed = await sweep(ws, { name: "crash", agents, competitions: ["demo-binary-auc"], seeds: 2 });
    expect(resumed.summary.skipped).toBe(1);
    expect(resumed.summary.byClass.completed).toBe(1);
    const after = runsOf(ws.db).find((r) => r.id === seed2.id)!;
    expect(after).toMatchObject({ status: "completed", valid: true, attempt: seed2.attempt + 1 });
  });

  it("stops launching when signalled, records cancelled runs, and finishes them on resume", async () => {
    const ws = workspace();
    const agents = [agentFile(ws.dir, "slow", `sleep 3; ${COPY_SAMPLE}`)];
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 800);
    const stopped = await sweep(
      ws,
      { name: "cancel", agents, competitions: ["demo-binary-auc"], seeds: 3 },
      controller.signal,
    );
    expect(stopped.exitCode).toBe(130);
    expect(stopped.summary.byClass.cancelled).toBe(1);
    expect(stopped.summary.notStarted).toBe(2);

    const resumed = await sweep(ws, { name: "cancel", agents, competitions: ["demo-binary-auc"], seeds: 3 });
    expect(resumed.summary.byClass.completed).toBe(3);
    expect(runsOf(ws.db).every((r) => r.status === "completed" && r.valid)).toBe(true);
  }, 30_000);

  it("stops an agent that fills its score folder and records it as the agent's error", async () => {
    const ws = workspace();
    const agents = [
      agentFile(ws.dir, "filler", 'head -c 3000000 /dev/zero > "$BENCH_SCORE_DIR/big.bin"; sleep 20'),
    ];
    process.env.BENCH_MAX_SCORE_FOLDER_BYTES = "1000000";
    try {
      const result = await sweep(ws, { name: "filler", agents, competitions: ["demo-binary-auc"] });
      expect(result.summary.byClass.agent_error).toBe(1);
    } finally {
      delete process.env.BENCH_MAX_SCORE_FOLDER_BYTES;
    }
    const store = openStore({ path: ws.db });
    const [run] = store.db.select().from(runsTable).all();
    store.close();
    expect(run).toMatchObject({ status: "agent_error" });
    expect(run!.error).toMatch(/score folder, above the 1 MiB allowed/);
  }, 30_000);

  it("scores intermediate solutions on request and keeps the score log", async () => {
    const ws = workspace();
    const script = [
      'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SCORE_DIR/try1.csv"',
      'touch "$BENCH_SCORE_DIR/try1.request"',
      'i=0; while [ ! -f "$BENCH_SCORE_DIR/try1.result.json" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done',
      'cat "$BENCH_SCORE_DIR/try1.result.json" > "$BENCH_LOGS_DIR/seen.json"',
      COPY_SAMPLE,
    ].join("; ");
    const agents = [agentFile(ws.dir, "scorer", script)];
    await sweep(ws, { name: "scores", agents, competitions: ["demo-binary-auc"] });
    const store = openStore({ path: ws.db });
    const entries = store.db.select().from(scoreLogTable).all();
    store.close();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.rawScore).toBe(0.5);
    const runDir = path.join(ws.runs, "scores");
    const seen = JSON.parse(readFileSync(findFile(runDir, "seen.json"), "utf8"));
    // A medal-graded competition: the agent learns valid or invalid, never its score (the store has it).
    expect(seen).toMatchObject({ score: null, valid: true, message: "Submission is valid." });
  });
});

function findFile(dir: string, name: string): string {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === name) return full;
    if (statSync(full).isDirectory()) {
      try {
        return findFile(full, name);
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error(`${name} not found under ${dir}`);
}
