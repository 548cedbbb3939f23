// `bench grade` against inputs that used to hang it or lose its output: a FIFO given as the submission,
// and several batches written into one folder within the same second.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { bench } from "../test-support/run-bench.js";
import { writeBatchReport } from "./grade-batch.js";

const SAMPLE = path.resolve("competitions/demo-binary-auc/data/prepared/public/sample_submission.csv");

describe("bench grade on a FIFO", () => {
  it("answers at once with an invalid report instead of waiting for a writer", async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), "bench-fifo-")), "submission.csv");
    execFileSync("mkfifo", [fifo]);
    const started = performance.now();
    const { code, stdout } = await bench("grade", "demo-binary-auc", fifo, "--json");
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid_submission: false,
      error: expect.stringMatching(/is a FIFO \(named pipe\), not a regular file/),
    });
  });
});

describe("bench grade --batch", () => {
  it("writes one report per run, even for three runs in the same second", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-batch-"));
    const batch = path.join(dir, "batch.jsonl");
    writeFileSync(
      batch,
      `${JSON.stringify({ competition_id: "demo-binary-auc", submission_path: SAMPLE })}\n`,
    );
    const outputDir = path.join(dir, "reports");
    const fixed = new Date("2026-01-01T00:00:00Z");
    vi.useFakeTimers({ now: fixed, toFake: ["Date"] });
    try {
      for (let run = 0; run < 3; run++) {
        const { code } = await bench("grade", "--batch", batch, "--output-dir", outputDir, "--no-store");
        expect(code).toBe(0);
      }
    } finally {
      vi.useRealTimers();
    }
    const reports = readdirSync(outputDir);
    expect(reports).toHaveLength(3);
    for (const name of reports) {
      // The reference's generic form (timestamp, no other underscore), so importers treat it the same.
      expect(name).toMatch(/^2026-01-01T00-00-00-UTC-\d+-[0-9a-f]{6}_grading_report\.json$/);
      expect(JSON.parse(readFileSync(path.join(outputDir, name), "utf8")).total_runs).toBe(1);
    }
  });

  it("never overwrites a report: fifty in one second get fifty names", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-batch-"));
    const now = new Date("2026-01-01T00:00:00Z");
    const written = new Set(Array.from({ length: 50 }, (_, i) => writeBatchReport(dir, `${i}\n`, now)));
    expect(written.size).toBe(50);
    expect(readdirSync(dir)).toHaveLength(50);
  });
});
