import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { axisLabels } from "../../reports/test-support/svg-parts.js";
import { bench } from "../test-support/run-bench.js";

let dir: string | undefined;
afterEach(() => {
  vi.unstubAllEnvs();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("after bench run --split demo", () => {
  it("the printed `bench report --sweep S` shows the demo split and a score per competition", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bench-report-sweep-"));
    const db = path.join(dir, "bench.db");
    // The runs' folders go into this test's folder, not the project's runs/.
    vi.stubEnv("BENCH_HOME", dir);
    const run = await bench(
      "run",
      "--agent",
      "agents/copy-sample.yaml",
      "--agent",
      "agents/random-submission.yaml",
      "--split",
      "demo",
      "--seeds",
      "2",
      "--db",
      db,
    );
    expect(run.code, run.stderr).toBe(0);
    const printed = /See the results with: (bench report --sweep \S+)/.exec(run.stdout);
    expect(printed, run.stdout).not.toBeNull();
    const [, ...args] = printed![1]!.split(" ");

    const report = await bench(...args, "--db", db);
    expect(report.code, report.stderr).toBe(0);
    const lines = report.stdout.split("\n");
    // The demo split is the column, with both agents ranked; no empty Low/Medium/High/All columns.
    const header = lines.find((line) => line.startsWith("Rank"))!;
    expect(header).toMatch(/^Rank\s+Agent\s+demo \(%\)\s+Seeds$/);
    expect(report.stdout).toMatch(/1\s+copy-sample\s+0\.0 ± 0\.0\s+2/);
    expect(report.stdout).toMatch(/2\s+random-submission\s+0\.0 ± 0\.0\s+2/);
    expect(report.stdout).not.toContain("Low (%)");
    expect(report.stdout).not.toContain("(no rows)");

    // The matrix: competitions by agents, score (mean over the seeds) and medal.
    expect(report.stdout).toContain("Per competition: score (mean over seeds) and medals");
    expect(report.stdout).toMatch(
      /Competition\s+Better\s+copy-sample score\s+copy-sample medal\s+random-submission score\s+random-submission medal/,
    );
    // copy-sample submits the sample submission: a constant 0.5 AUC, a uniform log loss of ln 4.
    expect(report.stdout).toMatch(/demo-binary-auc\s+higher\s+0\.50000\s+no medal\s+\d\.\d{5}\s+no medal/);
    expect(report.stdout).toMatch(/demo-multiclass-logloss\s+lower\s+1\.38629\s+no medal\s+-\s+invalid/);
    expect(report.stdout).toMatch(/demo-regression-rmse\s+lower\s+\d+\.\d{5}\s+no medal/);

    const json = JSON.parse((await bench(...args, "--db", db, "--format", "json")).stdout);
    expect(json.tables.map((t: { id: string }) => t.id)).toEqual([
      "leaderboard",
      "competition_scores",
      "detail",
      "pass_at_k",
    ]);
    const matrix = json.tables[1];
    expect(matrix.rows.map((r: { competition: string }) => r.competition)).toEqual([
      "demo-binary-auc",
      "demo-multiclass-logloss",
      "demo-regression-rmse",
    ]);
    expect(matrix.rows[1].copy_sample_score).toBe(1.38629);
    expect(matrix.rows[1].random_submission_score).toBeNull();

    // Its pass@k plot: k is a count of runs, so the axis of its two seeds reads 1 and 2, nothing between.
    const plots = path.join(dir, "plots");
    expect((await bench(...args, "--db", db, "--plots", plots)).code).toBe(0);
    const svg = readFileSync(path.join(plots, "mlebench-pass-at-k-demo.svg"), "utf8");
    expect(axisLabels(svg, "X")).toEqual(["1", "2"]);
  }, 120_000);
});
