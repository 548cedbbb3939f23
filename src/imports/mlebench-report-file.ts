// Reads an MLE-bench grading report: the object `mlebench grade` (and `bench grade --batch`) writes,
// {total_runs, ..., competition_reports: [...]}, or a bare list of competition reports. Every entry is
// validated; problems name the file and the entry's path (`competition_reports[3].gold_medal`).

import { z } from "zod";
import { parseConfig } from "../config/zod-issues.js";
import { BenchError } from "../errors.js";
import { readRegularFile } from "../grading/csv/read-regular-file.js";
import type { CompetitionReport } from "../grading/grade-report.js";
import { MAX_REPORT_FILE_BYTES } from "./import-limits.js";
import { parsePythonJson } from "./python-json.js";

const optionalNumber = z.number().nullable().optional();

// The reference's CompetitionReport fields; bench's own (error, notes, normalized_score) are optional so
// that reports of the reference tool read as they are. Unknown fields are ignored.
const entrySchema = z.object({
  competition_id: z.string().min(1),
  score: optionalNumber,
  gold_threshold: optionalNumber,
  silver_threshold: optionalNumber,
  bronze_threshold: optionalNumber,
  median_threshold: optionalNumber,
  any_medal: z.boolean().optional(),
  gold_medal: z.boolean(),
  silver_medal: z.boolean(),
  bronze_medal: z.boolean(),
  above_median: z.boolean(),
  submission_exists: z.boolean(),
  valid_submission: z.boolean(),
  is_lower_better: z.boolean().nullable().optional(),
  created_at: z.string().nullable().optional(),
  submission_path: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  notes: z.array(z.string()).optional(),
  normalized_score: optionalNumber,
  exceeds_humans_pct: optionalNumber,
});

const reportObjectSchema = z.object({ competition_reports: z.array(entrySchema) });
const entryListSchema = z.array(entrySchema);

export interface MlebenchReportFile {
  file: string;
  /** The file's bytes, for the import's content hash. */
  bytes: Buffer;
  /** Entries in file order. */
  reports: CompetitionReport[];
}

export function readMlebenchReportFile(file: string): MlebenchReportFile {
  // A regular file of a report's size: a FIFO, a device or a huge file is refused at once.
  const bytes = readRegularFile(file, {
    maxBytes: MAX_REPORT_FILE_BYTES,
    tooLargeHint:
      "an MLE-bench grading report is about 100 KB for 75 competitions: pass the *_grading_report.json that `mlebench grade` or `bench grade --batch` wrote.",
  });
  return { file, bytes, reports: parseMlebenchReport(bytes.toString("utf8"), file) };
}

export function parseMlebenchReport(text: string, file: string): CompetitionReport[] {
  let data: unknown;
  try {
    data = parsePythonJson(text);
  } catch (error) {
    throw new BenchError("CONFIG_INVALID", `${file}: not JSON (${(error as Error).message}).`, {
      hint: "an MLE-bench grading report is one JSON object with a competition_reports list.",
      cause: error,
    });
  }
  // Give the common mistake (some other JSON object) a plain message instead of a union error.
  if (data !== null && typeof data === "object" && !Array.isArray(data) && !("competition_reports" in data)) {
    throw new BenchError(
      "CONFIG_INVALID",
      `${file}: no competition_reports list: this is not an MLE-bench grading report.`,
      {
        hint: "pass the *_grading_report.json that `mlebench grade` or `bench grade --batch` wrote, or a list of its entries.",
      },
    );
  }
  const source = {
    file,
    hint: "each entry needs competition_id and the boolean flags of an MLE-bench CompetitionReport.",
  };
  // One schema per shape (not a union), so that errors point into the entry that is wrong.
  const entries = Array.isArray(data)
    ? parseConfig(entryListSchema, data, source)
    : parseConfig(reportObjectSchema, data, source).competition_reports;
  if (entries.length === 0) {
    throw new BenchError("CONFIG_INVALID", `${file}: the grading report has no entries; nothing to import.`, {
      hint: "check that this is the report of a finished run group.",
    });
  }
  return entries.map(
    (entry): CompetitionReport => ({
      competition_id: entry.competition_id,
      score: entry.score ?? null,
      gold_threshold: entry.gold_threshold ?? null,
      silver_threshold: entry.silver_threshold ?? null,
      bronze_threshold: entry.bronze_threshold ?? null,
      median_threshold: entry.median_threshold ?? null,
      any_medal: entry.any_medal ?? (entry.gold_medal || entry.silver_medal || entry.bronze_medal),
      gold_medal: entry.gold_medal,
      silver_medal: entry.silver_medal,
      bronze_medal: entry.bronze_medal,
      above_median: entry.above_median,
      submission_exists: entry.submission_exists,
      valid_submission: entry.valid_submission,
      is_lower_better: entry.is_lower_better ?? false,
      created_at: entry.created_at ?? "",
      submission_path: entry.submission_path ?? "",
      error: entry.error ?? null,
      notes: entry.notes ?? [],
      ...(entry.normalized_score === undefined ? {} : { normalized_score: entry.normalized_score }),
      ...(entry.exceeds_humans_pct === undefined ? {} : { exceeds_humans_pct: entry.exceeds_humans_pct }),
    }),
  );
}
