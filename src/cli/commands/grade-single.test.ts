// `bench grade ID FILE` with a FILE that is not there: a usage error that helps find the right name,
// while a batch keeps the reference's report of the missing submission.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";

const EXAMPLE = path.resolve("competitions/demo-binary-auc/examples/2-logistic-regression.csv");

function folderWithSubmission(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-grade-single-"));
  copyFileSync(EXAMPLE, path.join(dir, "submission.csv"));
  return dir;
}

describe("bench grade with a submission path that does not exist", () => {
  it("exits with a usage error suggesting the near file name in the same folder", async () => {
    const dir = folderWithSubmission();
    const { code, stdout, stderr } = await bench("grade", "demo-binary-auc", path.join(dir, "submision.csv"));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      `bench: no submission file at ${path.join(dir, "submision.csv")} (did you mean "${path.join(dir, "submission.csv")}"?).`,
    );
    expect(stderr).toContain("(error code USAGE)");
  });

  it("lists the folder's CSV files when no name is near", async () => {
    const dir = folderWithSubmission();
    const { code, stderr } = await bench("grade", "demo-binary-auc", path.join(dir, "typo.csv"), "--json");
    expect(code).toBe(2);
    expect(stderr).toContain("; the .csv files beside it are submission.csv.");
  });

  it("reports an unknown competition before the missing file", async () => {
    const { code, stderr } = await bench("grade", "demo-binary-acu", "nowhere.csv");
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown competition "demo-binary-acu"/);
  });

  it("records nothing in the store", async () => {
    const dir = folderWithSubmission();
    const db = path.join(dir, "bench.db");
    const { code } = await bench("grade", "demo-binary-auc", path.join(dir, "typo.csv"), "--db", db);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(["submission.csv"]);
  });

  it("keeps the reference's report in a batch: submission_exists false, exit 0", async () => {
    const dir = folderWithSubmission();
    const batch = path.join(dir, "batch.jsonl");
    writeFileSync(
      batch,
      `${JSON.stringify({ competition_id: "demo-binary-auc", submission_path: path.join(dir, "typo.csv") })}\n`,
    );
    const out = path.join(dir, "out");
    const { code } = await bench("grade", "--batch", batch, "--output-dir", out, "--no-store");
    expect(code).toBe(0);
    const [report] = readdirSync(out);
    const written = JSON.parse(readFileSync(path.join(out, report!), "utf8"));
    expect(written.competition_reports[0]).toMatchObject({
      submission_exists: false,
      valid_submission: false,
    });
  });
});
