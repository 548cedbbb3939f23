// Usage accounting through the real Docker engine: the agent appends to $BENCH_USAGE_FILE inside its
// container (the score folder's bind mount), bench reads it on the host, and a run past its budget is
// stopped with SIGTERM, saves its submission in its trap and is graded.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseSweep } from "../config/sweep-schema.js";
import {
  dockerUnavailableReason,
  skipWithoutDocker,
  TEST_IMAGE,
} from "../runtimes/docker/test-support/docker-test-env.js";
import { openStore } from "../store/open-store.js";
import { gradesTable, runsTable, runUsageTable } from "../store/schema.js";
import { executeSweep, loadAgents } from "./execute-sweep.js";

const unavailable = await dockerUnavailableReason();
const skip = skipWithoutDocker("src/scheduler/docker-usage.test.ts", unavailable);

describe.skipIf(skip)("usage accounting in a Docker sweep", () => {
  it("reads the usage a container reports and stops it past its budget, gracefully", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-docker-usage-"));
    const db = path.join(dir, "bench.db");
    const copy = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';
    const line = '{"model":"m","input_tokens":700,"output_tokens":0,"cost_usd":0.01}';
    const script = [
      `trap '${copy}; exit 0' TERM`,
      `echo '${line}' >> "$BENCH_USAGE_FILE"`,
      "sleep 1",
      `echo '${line}' >> "$BENCH_USAGE_FILE"`,
      "while :; do sleep 0.1; done",
    ].join("; ");
    const file = path.join(dir, "spender.yaml");
    writeFileSync(
      file,
      `name: spender\nimage: ${TEST_IMAGE}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\n` +
        "resources: { cpus: 0.5, memory_gb: 0.125 }\ntime_limit: 60s\nbudget: { tokens: 1000 }\n",
    );
    const config = parseSweep(
      {
        name: "docker-budget",
        agents: [file],
        competitions: ["demo-binary-auc"],
        runtime: "docker",
        stop_grace: "5s",
      },
      "test",
    );
    const result = await executeSweep(config, await loadAgents([file]), {
      dbPath: db,
      runsRoot: path.join(dir, "runs"),
    });
    expect(result.summary.byClass.over_budget).toBe(1);

    const store = openStore({ path: db });
    try {
      const run = store.db
        .select({
          status: runsTable.status,
          error: runsTable.error,
          valid: gradesTable.validSubmission,
        })
        .from(runsTable)
        .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
        .get();
      expect(run).toMatchObject({ status: "over_budget", valid: true });
      expect(run!.error).toMatch(/1,400 tokens, past its budget of 1,000/);
      expect(store.db.select().from(runUsageTable).all()).toMatchObject([
        { model: "m", calls: 2, tokens: 1400, costUsd: 0.02 },
      ]);
    } finally {
      store.close();
    }
  }, 90_000);
});
