// The `--map` option of `bench import csv`: which column of the file holds each field of a run, e.g.
// `agent=alias,competition=task_family,run=run_id,score=score,time_limit=time_limit`. Parsed and checked
// against the file's header before any row is read.

import { didYouMean, orList } from "../config/closest-match.js";
import { BenchError } from "../errors.js";

/** The fields a column can be mapped to, and what each means. */
export const CSV_FIELDS = {
  agent: "agent name (required)",
  competition: "competition or task id (required)",
  score: "the run's score, raw (--raw) or RE-bench normalized (--normalized) (required)",
  run: "the run's id in the file",
  group: "result set / run group the row belongs to (e.g. MLGym's dataset column)",
  last_score: "a second score of the run (MLGym's last submission)",
  baseline: "the task's baseline score",
  direction: "higher/lower (or maximize/minimize): which scores are better",
  time_limit: "the run's time limit: seconds, or a duration like 2h",
  started_at: "when the run started: epoch milliseconds or seconds, or an ISO date",
  tokens: "the run's LLM tokens, input plus output (METR's total_tokens)",
  cost_usd: "the run's LLM cost in US dollars (METR's dollar_equivalent)",
} as const;

export type CsvField = keyof typeof CSV_FIELDS;
const REQUIRED: readonly CsvField[] = ["agent", "competition", "score"];

export type CsvMapping = { [F in CsvField]?: string } & { agent: string; competition: string; score: string };

const USAGE_HINT = `--map takes FIELD=COLUMN pairs separated by commas; fields: ${Object.keys(CSV_FIELDS).join(", ")}.`;

export function parseCsvMapping(spec: string): CsvMapping {
  const fields = Object.keys(CSV_FIELDS) as CsvField[];
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const part of spec.split(",")) {
    if (part.trim() === "") continue;
    const equals = part.indexOf("=");
    if (equals < 0) {
      throw new BenchError("USAGE", `--map: "${part.trim()}" is not FIELD=COLUMN.`, { hint: USAGE_HINT });
    }
    const field = part.slice(0, equals).trim();
    const column = part.slice(equals + 1).trim();
    if (!(fields as string[]).includes(field)) {
      throw new BenchError("USAGE", `--map: unknown field "${field}"${didYouMean(field, fields)}.`, {
        hint: USAGE_HINT,
      });
    }
    if (column === "")
      throw new BenchError("USAGE", `--map: ${field}= names no column.`, { hint: USAGE_HINT });
    if (mapping[field as CsvField] !== undefined) {
      throw new BenchError("USAGE", `--map: ${field} is mapped twice.`, { hint: USAGE_HINT });
    }
    mapping[field as CsvField] = column;
  }
  const missing = REQUIRED.filter((field) => mapping[field] === undefined);
  if (missing.length > 0) {
    throw new BenchError("USAGE", `--map: ${orList(missing)} must be mapped to a column.`, {
      hint: "example: --map agent=model,competition=task_id,score=score",
    });
  }
  return mapping as CsvMapping;
}

/** Every mapped column must be in the file: the error names the column and lists the file's columns. */
export function checkMappedColumns(mapping: CsvMapping, columns: readonly string[], file: string): void {
  for (const [field, column] of Object.entries(mapping)) {
    if (columns.includes(column)) continue;
    throw new BenchError(
      "USAGE",
      `--map ${field}=${column}: ${file} has no column "${column}"${didYouMean(column, columns)}.`,
      { hint: `its columns are: ${columns.join(", ")}.` },
    );
  }
}
