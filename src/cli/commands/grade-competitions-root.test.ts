// `bench grade --competitions-root DIR` (or BENCH_COMPETITIONS_ROOT): grading a competition whose
// competition.yaml lives outside bench's own competitions/ folder, as scripts/bench-grade.mjs does.

import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../registry/package-root.js";
import { bench } from "../test-support/run-bench.js";
import { COMPETITIONS_ROOT_ENV } from "./grade.js";

/** A competitions folder holding only a copy of demo-binary-auc (with its bundled data). */
function otherRoot(): { root: string; submission: string } {
  const root = mkdtempSync(path.join(tmpdir(), "bench-root-"));
  const demo = path.join(packageRoot(), "competitions", "demo-binary-auc");
  cpSync(demo, path.join(root, "demo-binary-auc"), { recursive: true });
  return { root, submission: path.join(demo, "examples", "2-logistic-regression.csv") };
}

afterEach(() => {
  delete process.env[COMPETITIONS_ROOT_ENV];
});

describe("bench grade --competitions-root", () => {
  it("reads the competition, its bundled data and its leaderboard from that folder", async () => {
    const { root, submission } = otherRoot();
    const own = JSON.parse((await bench("grade", "demo-binary-auc", submission, "--json")).stdout);
    const { code, stdout } = await bench(
      "grade",
      "demo-binary-auc",
      submission,
      "--competitions-root",
      root,
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid_submission: true,
      score: own.score,
      gold_threshold: own.gold_threshold,
    });
  });

  it("falls back to $BENCH_COMPETITIONS_ROOT, and fails on a folder without the competition", async () => {
    const { root, submission } = otherRoot();
    process.env[COMPETITIONS_ROOT_ENV] = root;
    expect((await bench("grade", "demo-binary-auc", submission, "--json")).code).toBe(0);
    const { code, stderr } = await bench("grade", "demo-regression-rmse", submission, "--json");
    expect(code).toBe(2);
    expect(stderr).toContain(`unknown competition "demo-regression-rmse"`);
    expect(stderr).toContain(root);
  });
});
