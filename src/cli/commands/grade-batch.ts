// `bench grade --batch FILE.jsonl` (or the reference's spelling, `--submission FILE.jsonl`): grades
// every {"competition_id", "submission_path"} line, writes MLE-bench's aggregate report into the output
// folder, and records the runs in the store unless --no-store. Recording is idempotent like
// `bench import`: the same batch (file content, submissions, agent, run group) adds no runs again.

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { BenchError } from "../../errors.js";
import type { CompetitionGrading } from "../../grading/competition-grading.js";
import { aggregateReports, type CompetitionReport } from "../../grading/grade-report.js";
import { countText } from "../../reports/format/count-text.js";
import type { StoreDb } from "../../store/open-store.js";
import { formatTable, printJson } from "../output.js";

const batchLine = z.strictObject({
  competition_id: z.string().min(1),
  submission_path: z.string().min(1),
});

export interface BatchEntry {
  competition_id: string;
  submission_path: string;
}

export interface BatchFile {
  bytes: Buffer;
  entries: BatchEntry[];
}

const LINE_HINT = 'each line must be {"competition_id": "...", "submission_path": "..."}';

/** Parses a batch JSONL file; every problem names its line. */
export function readBatchFile(file: string): BatchFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BenchError("USAGE", `cannot read the batch file ${file}.`, { cause: error });
  }
  const entries: BatchEntry[] = [];
  bytes
    .toString("utf8")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new BenchError("USAGE", `${file}:${index + 1}: not a JSON object.`, { hint: LINE_HINT });
      }
      const parsed = batchLine.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new BenchError(
          "USAGE",
          `${file}:${index + 1}: ${issue.path.join(".") || "line"}: ${issue.message}.`,
          { hint: LINE_HINT },
        );
      }
      entries.push(parsed.data);
    });
  if (entries.length === 0) throw new BenchError("USAGE", `${file}: the batch file has no entries.`);
  return { bytes, entries };
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

export interface BatchOptions {
  outputDir: string;
  json: boolean;
  /** Opens the store and runs `record` in it (returns the line to print); absent with --no-store. */
  recordInStore?:
    | ((record: (db: StoreDb, agent: string, storePath: string) => Promise<string>) => Promise<string>)
    | undefined;
}

export async function gradeBatch(
  grading: CompetitionGrading,
  batchFile: string,
  options: BatchOptions,
): Promise<void> {
  const batch = readBatchFile(batchFile);
  const { entries } = batch;
  // Check every competition up front: a typo on line 40 must not cost 39 gradings.
  for (const id of new Set(entries.map((e) => e.competition_id))) await grading.prepare(id);
  const reports: CompetitionReport[] = [];
  for (const entry of entries) reports.push(await grading.grade(entry.competition_id, entry.submission_path));
  const aggregate = aggregateReports(reports);
  const out = writeBatchReport(options.outputDir, `${JSON.stringify(aggregate, null, 2)}\n`);
  const recorded =
    options.recordInStore === undefined
      ? ""
      : await options.recordInStore(async (db, agent, storePath) => {
          const { recordBatchReport } = await import("../../imports/record-grade.js");
          const summary = await recordBatchReport(db, out, {
            agent,
            registry: grading.registry,
            batch: {
              file: batchFile,
              bytes: batch.bytes,
              submissionPaths: entries.map((entry) => entry.submission_path),
            },
          });
          const group = `run group ${summary.runGroups.join(", ")}`;
          return summary.status === "imported"
            ? `Recorded ${countText(summary.runs, "run")} of ${agent} (${group}) in ${storePath}`
            : `unchanged ${batchFile}: already recorded in ${storePath} with these submissions and options ` +
                `(${agent}, ${group}; import #${summary.importId}); no new runs`;
        });
  if (options.json) {
    if (recorded) process.stderr.write(`${recorded}\n`);
    return printJson(aggregate);
  }
  const { competition_reports: _, ...totals } = aggregate;
  process.stdout.write(`${formatTable(["total", "count"], Object.entries(totals))}\n\nWrote ${out}\n`);
  if (recorded) process.stdout.write(`${recorded}\n`);
}
