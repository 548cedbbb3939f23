// The sklearn-baseline agent through `bench run` with the local runtime on the demo split: every run
// completes with a valid submission above the median, checked through bench's own $BENCH_VALIDATE, and
// at least one earns a medal (it takes bronze on all three demo competitions when this was written).

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../../src/cli/test-support/run-bench.js";
import { openStore } from "../../src/store/open-store.js";
import { gradesTable, runsTable } from "../../src/store/schema.js";
import { AGENT_FILE, skipWithoutPython } from "./python-agent.js";

const skip = skipWithoutPython("test/sklearn-baseline/demo-medals-local.test.ts");

function agentLogs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return agentLogs(full);
    return name === "agent.log" ? [full] : [];
  });
}

describe.skipIf(skip)("sklearn-baseline on the demo split (local runtime)", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "bench-baseline-local-"));
    process.env.BENCH_HOME = home;
  });
  afterAll(() => {
    delete process.env.BENCH_HOME;
    rmSync(home, { recursive: true, force: true });
  });

  it("earns a medal, with valid submissions above the median everywhere", async () => {
    const db = path.join(home, "bench.db");
    const result = await bench(
      ...["run", "--agent", AGENT_FILE, "--split", "demo", "--runtime", "local", "--name", "baseline-local"],
      ...["--concurrency", "2", "--db", db],
    );
    expect(result.code, result.stderr).toBe(0);

    const store = openStore({ path: db });
    const runs = store.db.select().from(runsTable).all();
    const grades = store.db.select().from(gradesTable).all();
    store.close();
    expect(runs.map((run) => run.status)).toEqual(["completed", "completed", "completed"]);
    expect(grades.map((g) => g.competitionId).sort()).toEqual([
      "demo-binary-auc",
      "demo-multiclass-logloss",
      "demo-regression-rmse",
    ]);
    for (const grade of grades) {
      expect(grade.validSubmission, grade.competitionId).toBe(true);
      expect(grade.aboveMedian, `${grade.competitionId}: ${grade.score}`).toBe(true);
    }
    expect(grades.filter((grade) => grade.anyMedal).length).toBeGreaterThanOrEqual(1);
    console.info(
      `sklearn-baseline (local): ${grades
        .map(
          (g) =>
            `${g.competitionId} ${g.score} ${g.goldMedal ? "gold" : g.silverMedal ? "silver" : g.bronzeMedal ? "bronze" : "-"}`,
        )
        .join("; ")}`,
    );

    const logs = agentLogs(path.join(home, "runs", "baseline-local"));
    expect(logs).toHaveLength(3);
    for (const log of logs) {
      expect(readFileSync(log, "utf8")).toContain(
        "validation (validate_submission.sh): Submission is valid.",
      );
    }
  }, 300_000);
});
