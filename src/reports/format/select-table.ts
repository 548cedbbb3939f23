// `--table NAME`: one table of a report, by its stable id. The report's first table is its main one
// (the leaderboard, the AUP ranking, the per-task scores), which is what a one-table format such as
// CSV writes when no table is named.

import { didYouMean } from "../../config/closest-match.js";
import { BenchError } from "../../errors.js";
import type { Report, Table } from "../table-model.js";

/** The table `name` names, or the main (first) one; an unknown name is a usage error listing the ids. */
export function selectTable(report: Report, name?: string | undefined): Table {
  const ids = report.tables.map((table) => table.id);
  if (name === undefined) {
    const main = report.tables[0];
    if (main === undefined) throw new BenchError("INTERNAL", `the report "${report.title}" has no table.`);
    return main;
  }
  const table = report.tables.find((t) => t.id === name.trim());
  if (table === undefined) {
    throw new BenchError("USAGE", `--table: this report has no table "${name}"${didYouMean(name, ids)}.`, {
      hint: `its tables are: ${ids.join(", ")}.`,
    });
  }
  return table;
}

/**
 * The report narrowed to one table. `front` keeps the notes about the whole report and its figures
 * (the report's front page); files written per table keep them with the main table only.
 */
export function reportWithTable(report: Report, table: Table, front = true): Report {
  return {
    title: report.title,
    tables: [table],
    notes: front ? report.notes : [],
    figures: front ? report.figures : [],
    ...(front && report.knownIssues ? { knownIssues: report.knownIssues } : {}),
  };
}
