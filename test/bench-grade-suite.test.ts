// `npm run bench:grade -- --suite` end to end at a tiny scale on two competitions (one MLE-bench Lite
// competition graded from a data dir, one bundled demo graded through its own registry copy): the runner
// generates the files, times both tools, prints one row per competition with the same score, and deletes
// what it generated. Needs the build (CI builds before testing) and /usr/bin/python3 with pandas and
// scikit-learn: skipped with a printed reason without them, a failure when BENCH_REQUIRE_PYTHON=1.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonUnavailableReason } from "../graders/testing/python-reference.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const built = existsSync(path.join(ROOT, "dist/src/cli/main.js"));
const python = pythonUnavailableReason();
const required = process.env.BENCH_REQUIRE_PYTHON === "1";
const unavailable = !built ? "bench is not built (npm run build)" : python;
if (unavailable !== undefined && !required) {
  console.warn(
    `test/bench-grade-suite.test.ts skipped: ${unavailable} (BENCH_REQUIRE_PYTHON=1 makes this fail)`,
  );
}

describe.skipIf(unavailable !== undefined && !required)("bench:grade --suite", () => {
  it("grades two competitions side by side at a tiny scale and reports the same score, leaving no files", () => {
    if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_PYTHON=1 but ${unavailable}`);
    const temp = mkdtempSync(path.join(tmpdir(), "bench-suite-test-"));
    try {
      const run = spawnSync(
        process.execPath,
        [
          "scripts/bench-grade.mjs",
          "--suite",
          "--scale",
          "0.002",
          "--only",
          "histopathologic-cancer-detection,demo-regression-rmse",
        ],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, TMPDIR: temp }, timeout: 240_000 },
      );
      const out = run.stdout;
      expect(out, run.stderr).toContain("Grading suite: 2 competitions at scale 0.002");
      const row = (id: string) => out.split("\n").find((line) => line.startsWith(id)) ?? "";
      for (const id of ["histopathologic-cancer-detection", "demo-regression-rmse"]) {
        const cells = row(id).trim().split(/\s+/);
        // id, rows, bench s, python s, ratio, bench MB, python MB, same score?
        expect(cells[7], row(id)).toBe("yes");
        expect(Number(cells[2])).toBeGreaterThan(0);
        expect(Number(cells[5])).toBeGreaterThan(10);
      }
      expect(Number(row("histopathologic-cancer-detection").trim().split(/\s+/)[1])).toBe(91);
      expect(out).toMatch(/^(PASS|FAIL) {2}same valid score on each \(differ: none\)$/m);
      // Timing targets depend on the machine's load: only the verdict lines are checked, not their outcome.
      expect(out).toMatch(/total wall: bench <= 0.5 x python's/);
      expect(readdirSync(temp).filter((name) => name.startsWith("bench-suite-"))).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 300_000);
});
