// The CLI as a user drives it: commands, their output, and exit codes, run in-process through the
// same entry point as bin/bench.js.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoPythonProblem } from "./commands/demo.js";
import { bench } from "./test-support/run-bench.js";

const DEMO = path.resolve("competitions/demo-binary-auc");

afterEach(() => {
  process.exitCode = 0;
});

describe("bench competitions", () => {
  it("lists the 22 Lite competitions as JSON, all gradable", async () => {
    const { code, stdout } = await bench("competitions", "list", "--split", "low", "--json");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; gradable: boolean }[];
    expect(rows).toHaveLength(22);
    expect(rows.every((r) => r.gradable)).toBe(true);
  });

  it("shows a competition's real thresholds", async () => {
    const { code, stdout } = await bench("competitions", "show", "spaceship-titanic", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      leaderboard_teams: 2288,
      gold_threshold: 0.82066,
      silver_threshold: 0.81388,
      bronze_threshold: 0.80967,
      median_threshold: 0.79565,
      is_lower_better: false,
    });
  });
});

describe("bench grade", () => {
  it("grades a valid submission with exit code 0 and the reference's fields", async () => {
    const { code, stdout } = await bench(
      "grade",
      "demo-binary-auc",
      path.join(DEMO, "examples/2-logistic-regression.csv"),
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      competition_id: "demo-binary-auc",
      valid_submission: true,
      submission_exists: true,
      error: null,
    });
    for (const field of [
      "gold_threshold",
      "silver_threshold",
      "bronze_threshold",
      "median_threshold",
      "is_lower_better",
      "created_at",
      "submission_path",
      "any_medal",
    ]) {
      expect(report).toHaveProperty(field);
    }
    expect(report.score).toBeGreaterThan(0.5);
  });

  it("reports an invalid submission with the reason, still exiting 0", async () => {
    const { code, stdout } = await bench(
      "grade",
      "demo-binary-auc",
      path.join(DEMO, "examples/4-invalid-wrong-id.csv"),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Invalid submission: .*id/);
  });

  it("refuses a missing submission file as a usage error, not a crash", async () => {
    const { code, stdout, stderr } = await bench(
      "grade",
      "demo-binary-auc",
      "/nonexistent/submission.csv",
      "--json",
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /no submission file at \/nonexistent\/submission\.csv: the folder \/nonexistent does not exist/,
    );
  });

  it("exits non-zero for an unknown competition, suggesting the closest id", async () => {
    const { code, stderr } = await bench("grade", "spaceship-titanik", "x.csv");
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown competition "spaceship-titanik".*spaceship-titanic/);
  });

  it("exits non-zero when an MLE-bench competition has no data dir, saying what to do", async () => {
    const saved = process.env.BENCH_DATA_DIR;
    delete process.env.BENCH_DATA_DIR;
    try {
      const { code, stderr } = await bench("grade", "aerial-cactus-identification", "x.csv");
      expect(code).toBe(1);
      expect(stderr).toMatch(/--data-dir/);
    } finally {
      if (saved !== undefined) process.env.BENCH_DATA_DIR = saved;
    }
  });

  it("grades an MLE-bench data dir laid out as the reference prepares it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-data-"));
    const prepared = path.join(dir, "aerial-cactus-identification", "prepared");
    mkdirSync(path.join(prepared, "private"), { recursive: true });
    mkdirSync(path.join(prepared, "public"), { recursive: true });
    writeFileSync(
      path.join(prepared, "private", "test.csv"),
      "id,has_cactus\na.jpg,1\nb.jpg,0\nc.jpg,1\nd.jpg,0\n",
    );
    writeFileSync(
      path.join(prepared, "public", "sample_submission.csv"),
      "id,has_cactus\na.jpg,0.5\nb.jpg,0.5\nc.jpg,0.5\nd.jpg,0.5\n",
    );
    const submission = path.join(dir, "submission.csv");
    writeFileSync(submission, "id,has_cactus\nd.jpg,0.2\nc.jpg,0.9\nb.jpg,0.3\na.jpg,0.4\n");
    const { code, stdout } = await bench(
      "grade",
      "aerial-cactus-identification",
      submission,
      "--data-dir",
      dir,
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid_submission: true, score: 1 });
  });

  it("grades a batch file and writes the reference's aggregate report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-batch-"));
    const batch = path.join(dir, "batch.jsonl");
    writeFileSync(
      batch,
      [
        {
          competition_id: "demo-binary-auc",
          submission_path: path.join(DEMO, "examples/2-logistic-regression.csv"),
        },
        {
          competition_id: "demo-binary-auc",
          submission_path: path.join(DEMO, "examples/4-invalid-wrong-id.csv"),
        },
        { competition_id: "demo-binary-auc", submission_path: path.join(dir, "missing.csv") },
      ]
        .map((line) => JSON.stringify(line))
        .join("\n"),
    );
    const out = path.join(dir, "out");
    const { code } = await bench("grade", "--batch", batch, "--output-dir", out, "--no-store");
    expect(code).toBe(0);
    const [file] = readdirSync(out).filter((f) => f.endsWith("_grading_report.json"));
    const report = JSON.parse(readFileSync(path.join(out, file!), "utf8"));
    expect(report).toMatchObject({
      total_runs: 3,
      total_runs_with_submissions: 2,
      total_valid_submissions: 1,
    });
    expect(report.competition_reports).toHaveLength(3);
  });

  it("rejects a malformed batch line, naming the line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-batch-"));
    const batch = path.join(dir, "batch.jsonl");
    writeFileSync(
      batch,
      '{"competition_id": "demo-binary-auc", "submission_path": "a.csv"}\n{"competition": "x"}\n',
    );
    const { code, stderr } = await bench("grade", "--batch", batch, "--no-store");
    expect(code).toBe(2);
    expect(stderr).toMatch(/batch.jsonl:2/);
  });
});

describe("bench demo", () => {
  it("grades the examples, runs the example agents and prints the demo leaderboard", async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), "bench-demo-")), "bench.db");
    const cwd = process.cwd();
    process.chdir(path.dirname(db)); // run artifacts land under ./runs
    try {
      const { code, stdout } = await bench("demo", "--db", db);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Graded 12 example submissions of 3 demo competitions/);
      expect(stdout).toMatch(/2-logistic-regression\.csv\s+0\.8348\s+bronze/);
      expect(stdout).toMatch(/copy-sample\s+0\.0 ± 0\.0\s+2/);
      // sklearn-baseline (the agent with medals) runs where the host's Python has pandas and scikit-learn.
      const python = demoPythonProblem() === undefined;
      if (python) expect(stdout).toMatch(/sklearn-baseline\s+demo\s+2\s+3\s+[1-9]\d*\.\d ± /);
      else expect(stdout).toMatch(/Leaving out sklearn-baseline, .*: \/usr\/bin\/python3 /);
      // Run again: every run is already done, and the table is the same.
      const again = await bench("demo", "--db", db);
      expect(again.stdout).toMatch(python ? /18 already done/ : /12 already done/);
    } finally {
      process.chdir(cwd);
    }
  }, 240_000);
});
