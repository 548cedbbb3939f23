// `bench grade-sample`: the reference's `mlebench grade-sample SUBMISSION COMPETITION_ID`, and with a
// competition id alone, a check of that competition's own sample submission.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";

const DEMO = path.resolve("competitions/demo-binary-auc");

describe("bench grade-sample", () => {
  it("grades a submission given first, then the competition id, as mlebench grade-sample does", async () => {
    const submission = path.join(DEMO, "examples/2-logistic-regression.csv");
    const { code, stdout } = await bench("grade-sample", submission, "demo-binary-auc", "--json");
    expect(code).toBe(0);
    const own = JSON.parse((await bench("grade", "demo-binary-auc", submission, "--json")).stdout);
    expect(JSON.parse(stdout)).toMatchObject({
      competition_id: "demo-binary-auc",
      submission_path: submission,
      valid_submission: true,
      score: own.score,
    });
  });

  it("grades the competition's own sample submission given only its id, and prints the report", async () => {
    const { code, stdout } = await bench("grade-sample", "demo-binary-auc");
    expect(code).toBe(0);
    expect(stdout).toMatch(/submission\s+\S*demo-binary-auc\/data\/prepared\/public\/sample_submission\.csv/);
    expect(stdout).toMatch(/valid\s+yes/);
    expect(stdout).toMatch(/score\s+0\.5\n/);
  });

  it("finds the sample submission in an MLE-bench data dir (--data-dir, as the reference takes it)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-grade-sample-"));
    const prepared = path.join(dir, "aerial-cactus-identification", "prepared");
    mkdirSync(path.join(prepared, "private"), { recursive: true });
    mkdirSync(path.join(prepared, "public"), { recursive: true });
    writeFileSync(path.join(prepared, "private", "test.csv"), "id,has_cactus\na.jpg,1\nb.jpg,0\n");
    writeFileSync(
      path.join(prepared, "public", "sample_submission.csv"),
      "id,has_cactus\na.jpg,0.5\nb.jpg,0.5\n",
    );
    const { code, stdout } = await bench(
      "grade-sample",
      "aerial-cactus-identification",
      "--data-dir",
      dir,
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid_submission: true, score: 0.5 });
  });

  it("says the competition id is missing when given only a submission file", async () => {
    const { code, stderr } = await bench("grade-sample", "submission.csv");
    expect(code).toBe(2);
    expect(stderr).toContain("bench grade-sample submission.csv: the competition id is missing.");
    expect(stderr).toContain("bench grade-sample SUBMISSION.csv COMPETITION_ID");
  });

  it("treats a missing submission as a usage error, like bench grade", async () => {
    const { code, stderr } = await bench(
      "grade-sample",
      path.join(DEMO, "examples/2-logistic-regresion.csv"),
      "demo-binary-auc",
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/did you mean ".*2-logistic-regression\.csv"\?/);
  });
});
