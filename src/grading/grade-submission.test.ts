// Hostile submissions through the real grading pipeline (the bundled demo competitions): each gets an
// invalid report with a short reason, quickly, and never takes the process down or echoes itself.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { CompetitionGrading } from "./competition-grading.js";
import { parseCsv } from "./csv/frame.js";
import type { CompetitionReport } from "./grade-report.js";
import { gradeSubmission } from "./grade-submission.js";
import type { Grader } from "./grader.js";

const grading = new CompetitionGrading();

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const RMSE = "demo-regression-rmse"; // integer ids
const AUC = "demo-binary-auc"; // text ids

function sampleOf(id: string): string[] {
  return readFileSync(`competitions/${id}/data/prepared/public/sample_submission.csv`, "utf8")
    .trimEnd()
    .split("\n");
}

/** The sample submission with `cell` (row 1, column `column`) replaced, written to a temp file. */
function submissionWith(id: string, column: number, cell: string): string {
  const lines = sampleOf(id);
  const fields = lines[1]!.split(",");
  fields[column] = cell;
  lines[1] = fields.join(",");
  const path = join(tempDir(), "s.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

async function timedGrade(id: string, path: string): Promise<CompetitionReport & { ms: number }> {
  const started = performance.now();
  const report = await grading.grade(id, path);
  return { ...report, ms: performance.now() - started };
}

afterEach(() => {
  delete process.env.BENCH_MAX_CSV_FIELD_BYTES;
  delete process.env.BENCH_MAX_CSV_BYTES;
});

describe("a ten-million-digit number", () => {
  const digits = "9".repeat(10_000_000);

  it("in the id column: an invalid report (pandas reads the ids as text), no crash", async () => {
    const report = await timedGrade(RMSE, submissionWith(RMSE, 0, digits));
    expect(report).toMatchObject({ valid_submission: false, submission_exists: true, score: null });
    expect(report.error).toMatch(/ids in column "id" are text, but the answers' ids are numbers/);
    expect(report.error).toContain(
      `row 1 (line 2) has "${"9".repeat(60)}…" (10000000 characters), an integer beyond int64`,
    );
    expect(report.ms).toBeLessThan(30_000);
  });

  it("in a prediction column: an invalid report naming the row, no crash", async () => {
    const report = await timedGrade(RMSE, submissionWith(RMSE, 1, digits));
    expect(report.valid_submission).toBe(false);
    expect(report.error).toMatch(/column "monthly_rent", row 1 \(line 2\) is Infinity/);
    expect(report.ms).toBeLessThan(30_000);
  });
});

describe("errors that would echo the input", () => {
  it("quotes a 5 MB id as a short excerpt", async () => {
    const report = await timedGrade(AUC, submissionWith(AUC, 0, "x".repeat(5_000_000)));
    expect(report.valid_submission).toBe(false);
    expect(report.error).toContain(`"${"x".repeat(60)}…" (5000000 characters)`);
    expect(report.error!.length - report.submission_path.length).toBeLessThan(300);
    expect(JSON.stringify(report).length).toBeLessThan(2000);
  });

  it("refuses a field over the field limit with a short error naming it", async () => {
    process.env.BENCH_MAX_CSV_FIELD_BYTES = String(1024 ** 2);
    const report = await timedGrade(AUC, submissionWith(AUC, 0, "x".repeat(5_000_000)));
    expect(report.valid_submission).toBe(false);
    expect(report.error).toMatch(
      /the field in row 1, column 1 \("customer_id"\), starting on line 2 is 4\.8 MiB \(5000000 bytes\), above the 1 MiB/,
    );
    expect(report.error!.length).toBeLessThan(400);
  });
});

describe("paths that are not submission files", () => {
  it("refuses a FIFO, and a link to one, at once", async () => {
    const dir = tempDir();
    const fifo = join(dir, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    symlinkSync(fifo, join(dir, "link.csv"));
    for (const path of [fifo, join(dir, "link.csv")]) {
      const report = await timedGrade(AUC, path);
      expect(report).toMatchObject({ valid_submission: false, submission_exists: true });
      expect(report.error).toBe(
        `${path}: is a FIFO (named pipe), not a regular file; bench reads only files. Write the CSV to a regular file and pass that file's path.`,
      );
      expect(report.ms).toBeLessThan(20_000);
    }
  });

  it("refuses a link to a file that is not a CSV without quoting its content", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "secret.txt"), "TOP-SECRET-TOKEN,42\n");
    symlinkSync(join(dir, "secret.txt"), join(dir, "link.csv"));
    const report = await timedGrade(AUC, join(dir, "link.csv"));
    expect(report.valid_submission).toBe(false);
    expect(report.error).toMatch(/leads through a link to .*secret\.txt, which is not a \.csv file/);
    expect(JSON.stringify(report)).not.toContain("TOP-SECRET");
  });

  it("refuses the answers file itself, reached through a link", async () => {
    const dir = tempDir();
    symlinkSync(
      join(process.cwd(), `competitions/${AUC}/data/prepared/private/answers.csv`),
      join(dir, "s.csv"),
    );
    const report = await timedGrade(AUC, join(dir, "s.csv"));
    expect(report.valid_submission).toBe(false);
    expect(report.error).toMatch(/is the competition's private answers file itself/);
    expect(report.error).not.toMatch(/cust-/);
  });

  it("refuses a file of 2 GiB as too large, and a limit above the ceiling as a usage error", async () => {
    const path = join(tempDir(), "big.csv");
    writeFileSync(path, "");
    execFileSync("truncate", ["-s", String(2 * 1024 ** 3), path]);
    const report = await timedGrade(AUC, path);
    expect(report.error).toMatch(/bench reads only files smaller than 2 GiB/);
    process.env.BENCH_MAX_CSV_BYTES = String(4 * 1024 ** 3);
    await expect(grading.grade(AUC, path)).rejects.toThrowError(
      /BENCH_MAX_CSV_BYTES is 4294967296, above 2147483648/,
    );
  });
});

describe("errors a grader did not expect", () => {
  const answers = parseCsv("id,y\n1,1\n", "answers.csv");
  const gradeWith = (grade: Grader["grade"], answersOf: () => typeof answers = () => answers) => {
    const path = join(tempDir(), "s.csv");
    writeFileSync(path, "id,y\n1,1\n");
    const grader: Grader = { id: "fake", version: 1, grade };
    return gradeSubmission({
      competitionId: "fake",
      submissionPath: path,
      grader,
      answers: answersOf,
      thresholds: null,
      metricLowerIsBetter: false,
    });
  };

  it("turns a RangeError into an invalid report with a short reason", () => {
    const report = gradeWith(() => {
      throw new RangeError(`Invalid string length ${"z".repeat(1_000_000)}`);
    });
    expect(report.valid_submission).toBe(false);
    expect(report.error).toMatch(
      /bench ran out of room grading this file \(RangeError: "Invalid string length z+…" \(1000022 characters\)\)/,
    );
    expect(report.error!.length).toBeLessThan(600);
    expect(report.notes.join(" ")).toMatch(/For a bug report: the error was thrown at /);
  });

  it("turns bench's own bug into an invalid report that says it is a bug", () => {
    const report = gradeWith(() => {
      throw new TypeError("x is undefined");
    });
    expect(report.error).toMatch(
      /bench failed while grading this file \(TypeError: "x is undefined"\)\. This is a bug in bench/,
    );
  });

  it("still throws a problem with the answers: that is bench's data, not the submission", () => {
    const broken = () => {
      throw new BenchError("CSV_MALFORMED", "answers.csv: line 3 has 3 fields but the header has 2.");
    };
    expect(() => gradeWith(() => ({ score: 1, notes: [] }), broken)).toThrowError(/answers\.csv: line 3/);
  });
});
