// Token and cost accounting end to end: real sweeps with the local runtime, a real store and the demo
// competitions, agents that append usage lines to $BENCH_USAGE_FILE.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseSweep, type SweepInput } from "../config/sweep-schema.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable, runUsageTable } from "../store/schema.js";
import { executeSweep, loadAgents } from "./execute-sweep.js";

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-usage-sweep-"));
  return { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
}

function agentFile(dir: string, name: string, script: string, extra: string): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 0.5\n${extra}`,
  );
  return file;
}

/** A shell command appending one line to the usage file. */
const usage = (line: string) => `echo '${line}' >> "$BENCH_USAGE_FILE"`;

async function sweep(
  ws: ReturnType<typeof workspace>,
  input: Omit<SweepInput, "agents"> & { agents: string[] },
) {
  const agents = await loadAgents(input.agents);
  const config = parseSweep({ cpus: 2, memory_gb: 4, stop_grace: "5s", ...input }, "test");
  return executeSweep(config, agents, { dbPath: ws.db, runsRoot: ws.runs });
}

function stored(dbPath: string) {
  const store = openStore({ path: dbPath });
  try {
    return {
      runs: store.db
        .select({
          id: runsTable.id,
          status: runsTable.status,
          error: runsTable.error,
          notes: runsTable.notes,
          startedAtMs: runsTable.startedAtMs,
          finishedAtMs: runsTable.finishedAtMs,
          valid: gradesTable.validSubmission,
          score: gradesTable.score,
        })
        .from(runsTable)
        .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
        .all(),
      usage: store.db.select().from(runUsageTable).orderBy(runUsageTable.model).all(),
    };
  } finally {
    store.close();
  }
}

describe("usage accounting in a sweep", () => {
  it("stores the usage an agent reports, priced where it gives no cost, and notes malformed and unpriced lines", async () => {
    const ws = workspace();
    const script = [
      usage('{"model":"gpt-4o","input_tokens":1000,"output_tokens":200,"cost_usd":0.5}'),
      usage('{"model":"gpt-4o","input_tokens":3000,"output_tokens":1000}'),
      usage('{"model":"mystery","input_tokens":10,"output_tokens":5}'),
      usage('{"model":"gpt-4o","input_tokens":"lots"}'),
      COPY_SAMPLE,
    ].join("; ");
    const prices = "prices:\n  gpt-4o: { input_per_mtok: 2.5, output_per_mtok: 10 }\n";
    const result = await sweep(ws, {
      name: "usage",
      agents: [agentFile(ws.dir, "talker", script, prices)],
      competitions: ["demo-binary-auc"],
    });
    expect(result.summary.byClass.completed).toBe(1);

    const { runs, usage: rows } = stored(ws.db);
    expect(runs[0]).toMatchObject({ status: "completed", valid: true, score: 0.5 });
    expect(rows.map(({ id, runId, updatedAtMs, ...row }) => row)).toEqual([
      {
        model: "gpt-4o",
        calls: 2,
        inputTokens: 4000,
        outputTokens: 1200,
        tokens: 5200,
        costUsd: expect.closeTo(0.5 + (3000 * 2.5 + 1000 * 10) / 1e6, 12),
        unpricedCalls: 0,
      },
      {
        model: "mystery",
        calls: 1,
        inputTokens: 10,
        outputTokens: 5,
        tokens: 15,
        costUsd: null,
        unpricedCalls: 1,
      },
    ]);
    expect(rows.every((row) => row.runId === runs[0]!.id)).toBe(true);
    expect(runs[0]!.notes).toEqual([
      '1 usage line was malformed and not counted (line 4: expected input_tokens as a whole number of tokens from 0 to 1000000000, got "lots")',
      "1 usage line has no cost_usd and no price in the agent file (model mystery): tokens counted, cost unknown and left out of the run's cost",
    ]);
  }, 30_000);

  it("stops an agent past its token budget like at its time limit, grades what it saved, and does not run it again", async () => {
    const ws = workspace();
    // On SIGTERM the agent saves its submission: the polite half of the stop must reach it.
    const script = [
      `trap '${COPY_SAMPLE.replace(/'/g, "'\\''")}; exit 0' TERM`,
      usage('{"model":"m","input_tokens":600,"output_tokens":0}'),
      "sleep 1",
      usage('{"model":"m","input_tokens":500,"output_tokens":0}'),
      "while :; do sleep 0.1; done",
    ].join("; ");
    const agents = [agentFile(ws.dir, "spender", script, "time_limit: 60s\nbudget: { tokens: 1000 }\n")];
    const result = await sweep(ws, { name: "budget", agents, competitions: ["demo-binary-auc"] });
    expect(result.exitCode).toBe(0);
    expect(result.summary.byClass).toMatchObject({ over_budget: 1, agent_error: 0, cancelled: 0 });

    const { runs, usage: rows } = stored(ws.db);
    const run = runs[0]!;
    expect(run).toMatchObject({ status: "over_budget", valid: true, score: 0.5 });
    expect(run.error).toBe("the agent reported 1,100 tokens, past its budget of 1,000; it was stopped");
    expect(run.finishedAtMs! - run.startedAtMs!).toBeLessThan(20_000);
    expect(rows).toMatchObject([{ model: "m", calls: 2, tokens: 1100 }]);

    const again = await sweep(ws, { name: "budget", agents, competitions: ["demo-binary-auc"] });
    expect(again.summary.skipped).toBe(1);
  }, 60_000);
});
