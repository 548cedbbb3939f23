// `bench import csv` on RE-bench results: the user must say whether the scores are raw or normalized.

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../registry/package-root.js";
import { bench } from "../test-support/run-bench.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const METR = path.join(SHARED, "rebench", "metr-runs.csv");
const MAP = "agent=alias,competition=task_family,run=run_id,score=score,time_limit=time_limit";

const freshDb = () => path.join(mkdtempSync(path.join(tmpdir(), "bench-import-kind-")), "bench.db");

describe.skipIf(!existsSync(METR))("bench import csv metr-runs.csv", () => {
  it("is a usage error without --raw or --normalized, naming both and showing values", async () => {
    const { code, stdout, stderr } = await bench("import", "csv", METR, "--map", MAP, "--db", freshDb());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/holds scores of RE-bench environments.*say which with --raw or --normalized/);
    expect(stderr).toMatch(/ai_rd_fix_embedding: 0\.000007285, 0\.00638, 0\.02022 /);
    expect(stderr).toContain("(error code USAGE)");
  });

  it("leaves no store behind when it refuses the file", async () => {
    const db = freshDb();
    const { code } = await bench("import", "csv", METR, "--map", MAP, "--db", db);
    expect(code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it("refuses --raw and --normalized together", async () => {
    const args = ["import", "csv", METR, "--map", MAP, "--raw", "--normalized", "--db", freshDb()];
    const { code, stderr } = await bench(...args);
    expect(code).toBe(2);
    expect(stderr).toContain("give --raw or --normalized, not both");
  });

  it("imports with --raw, warning on stderr about scores that cannot be raw", async () => {
    const { code, stdout, stderr } = await bench(
      "import",
      "csv",
      METR,
      "--map",
      MAP,
      "--raw",
      "--db",
      freshDb(),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/imported .*metr-runs\.csv: 1808 runs/);
    expect(stderr).toMatch(
      /bench: warning: ai_rd_optimize_llm_foundry: 220 of 222 scores .* read as raw, normalize outside -1\.\.3 .*--normalized instead/,
    );
  });
});
