// `bench grade`: grade one submission, or a batch in MLE-bench's JSONL form. Exits 0 whenever a
// report was produced, invalid submissions included; usage problems (unknown competition, missing
// data, a malformed batch file) exit non-zero before anything is graded.

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { BenchError } from "../../errors.js";
import { CompetitionGrading } from "../../grading/competition-grading.js";
import { aggregateReports, type CompetitionReport } from "../../grading/grade-report.js";
import type { StoreDb } from "../../store/open-store.js";
import { formatTable, printJson } from "../output.js";

interface GradeFlags {
  batch?: string;
  outputDir?: string;
  dataDir?: string;
  competitionsRoot?: string;
  json?: boolean;
  db?: string;
  agent?: string;
  /** false with --no-store. */
  store?: boolean;
}

/**
 * Records graded runs in the results store. A batch is recorded unless --no-store (it is a run group's
 * grading, as `bench import mlebench` would import its report); a single submission only when --db or
 * --agent asks for it, so that quick checks of a file do not become runs on the leaderboard.
 */
async function recordInStore(
  flags: GradeFlags,
  record: (db: StoreDb, agent: string) => Promise<string>,
): Promise<string> {
  // Loaded only when a grade is recorded: a plain `bench grade` never opens the store.
  const { openStore } = await import("../../store/open-store.js");
  const store = openStore({ path: flags.db });
  try {
    return `${await record(store.db, flags.agent ?? "manual")} in ${store.path}`;
  } finally {
    store.close();
  }
}

/** Environment variable naming the competitions folder when --competitions-root is not given. */
export const COMPETITIONS_ROOT_ENV = "BENCH_COMPETITIONS_ROOT";

const batchLine = z.strictObject({
  competition_id: z.string().min(1),
  submission_path: z.string().min(1),
});

export interface BatchEntry {
  competition_id: string;
  submission_path: string;
}

/** Parses a batch JSONL file; every problem names its line. */
export function readBatchFile(file: string): BatchEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new BenchError("USAGE", `cannot read the batch file ${file}.`, { cause: error });
  }
  const entries: BatchEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BenchError("USAGE", `${file}:${index + 1}: not a JSON object.`, {
        hint: 'each line must be {"competition_id": "...", "submission_path": "..."}',
      });
    }
    const parsed = batchLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BenchError(
        "USAGE",
        `${file}:${index + 1}: ${issue.path.join(".") || "line"}: ${issue.message}.`,
        {
          hint: 'each line must be {"competition_id": "...", "submission_path": "..."}',
        },
      );
    }
    entries.push(parsed.data);
  });
  if (entries.length === 0) throw new BenchError("USAGE", `${file}: the batch file has no entries.`);
  return entries;
}

export function printReport(report: CompetitionReport): void {
  const medal = report.gold_medal
    ? "gold"
    : report.silver_medal
      ? "silver"
      : report.bronze_medal
        ? "bronze"
        : "none";
  const rows: [string, unknown][] = [
    ["competition", report.competition_id],
    ["submission", report.submission_path],
    ["valid", report.valid_submission],
    ["score", report.score],
    ["medal", medal],
    ["above median", report.above_median],
    [
      "thresholds",
      `gold ${report.gold_threshold} / silver ${report.silver_threshold} / bronze ${report.bronze_threshold} / median ${report.median_threshold}`,
    ],
    ["better", report.is_lower_better ? "lower" : "higher"],
  ];
  if (report.normalized_score !== undefined) rows.push(["normalized", report.normalized_score]);
  let out = formatTable(["field", "value"], rows);
  if (report.error) out += `\n\nInvalid submission: ${report.error}`;
  for (const note of report.notes) out += `\nNote: ${note}`;
  process.stdout.write(`${out}\n`);
}

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.\d+Z$/, "-UTC");
}

/**
 * Writes `content` to a new file `<timestamp>-<pid>-<random>_grading_report.json` in `dir` and returns
 * its path. The reference names reports by the second alone, so two batches in one second overwrote
 * each other; here the name carries the process and a random part, and the file is created with
 * "wx" (fail if it exists), trying another name in the unlikely case that one is taken. No underscore
 * is added before `_grading_report`: importers read such a name as generic and take the run group
 * from the folder, as for the reference's names.
 */
export function writeBatchReport(dir: string, content: string, now: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const unique = `${process.pid}-${randomBytes(3).toString("hex")}`;
    const file = path.join(dir, `${timestamp(now)}-${unique}_grading_report.json`);
    try {
      writeFileSync(file, content, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 20) throw error;
    }
  }
}

export function registerGradeCommand(program: Command): void {
  program
    .command("grade")
    .description("Grade a submission CSV (or a batch of them) against a competition's private answers.")
    .argument("[competition-id]", "competition to grade against")
    .argument("[submission]", "path of the submission CSV")
    .option("--batch <file.jsonl>", 'grade every {"competition_id","submission_path"} line of a JSONL file')
    .option("--output-dir <dir>", "where --batch writes its grading report", ".")
    .option("--data-dir <dir>", "MLE-bench data dir holding <id>/prepared/ (default: $BENCH_DATA_DIR)")
    .option(
      "--competitions-root <dir>",
      `competitions folder holding <id>/competition.yaml (default: $${COMPETITIONS_ROOT_ENV}, else bench's own)`,
    )
    .option("--json", "print the report as JSON")
    .option("--db <file>", "results store to record the grades in (default: $BENCH_DB, else runs/bench.db)")
    .option("--agent <name>", 'agent the graded runs belong to in the store (default "manual")')
    .option(
      "--no-store",
      "with --batch: do not record the grades (a single submission is recorded only with --db or --agent)",
    )
    .action(async (competitionId: string | undefined, submission: string | undefined, flags: GradeFlags) => {
      // An empty variable is a mistake, not a request for the current folder: fall back to bench's own.
      const competitionsRoot = flags.competitionsRoot || process.env[COMPETITIONS_ROOT_ENV] || undefined;
      const grading = new CompetitionGrading({ dataDir: flags.dataDir, competitionsRoot });
      if (flags.batch !== undefined) {
        if (competitionId !== undefined) {
          throw new BenchError(
            "USAGE",
            "give either --batch FILE or a competition id and a submission, not both.",
          );
        }
        const entries = readBatchFile(flags.batch);
        // Check every competition up front: a typo on line 40 must not cost 39 gradings.
        for (const id of new Set(entries.map((e) => e.competition_id))) await grading.prepare(id);
        const reports: CompetitionReport[] = [];
        for (const entry of entries)
          reports.push(await grading.grade(entry.competition_id, entry.submission_path));
        const aggregate = aggregateReports(reports);
        const out = writeBatchReport(flags.outputDir ?? ".", `${JSON.stringify(aggregate, null, 2)}\n`);
        const recorded =
          flags.store === false
            ? ""
            : await recordInStore(flags, async (db, agent) => {
                const { recordBatchReport } = await import("../../imports/record-grade.js");
                const summary = await recordBatchReport(db, out, { agent, registry: grading.registry });
                return `Recorded ${summary.runs} runs of ${agent} (run group ${summary.runGroups.join(", ")})`;
              });
        if (flags.json) {
          if (recorded) process.stderr.write(`${recorded}\n`);
          return printJson(aggregate);
        }
        const { competition_reports: _, ...totals } = aggregate;
        process.stdout.write(`${formatTable(["total", "count"], Object.entries(totals))}\n\nWrote ${out}\n`);
        if (recorded) process.stdout.write(`${recorded}\n`);
        return;
      }
      if (competitionId === undefined || submission === undefined) {
        throw new BenchError(
          "USAGE",
          "bench grade needs a competition id and a submission path (or --batch FILE).",
          {
            hint: "example: bench grade spaceship-titanic runs/submission.csv --data-dir ~/mlebench-data",
          },
        );
      }
      const report = await grading.grade(competitionId, submission);
      const recorded =
        flags.store !== false && (flags.db !== undefined || flags.agent !== undefined)
          ? await recordInStore(flags, async (db, agent) => {
              const { recordGradeReport } = await import("../../imports/record-grade.js");
              const runId = await recordGradeReport(db, report, { agent, registry: grading.registry });
              return `Recorded run ${runId} of ${agent}`;
            })
          : "";
      if (flags.json) printJson(report);
      else printReport(report);
      if (recorded) (flags.json ? process.stderr : process.stdout).write(`${recorded}\n`);
    });
}
