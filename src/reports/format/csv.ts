// Renders a report as CSV for spreadsheets and scripts: one table (the report's main one; the CLI picks
// another with --table, or writes each into its own file with --output-dir), a header line and one line
// per row and nothing else, so that `pandas.read_csv(file)` and spreadsheets read it with no options.
// Numbers keep full precision; a mean ± sem column is split into `<key>_mean` and `<key>_sem`, an
// interval into `<key>_low` and `<key>_high`; no value is an empty cell. Footnotes and notes have no
// place in a CSV file: the CLI prints them on stderr.

import {
  type CellValue,
  type Column,
  isInterval,
  isMeanSem,
  type Report,
  type Table,
} from "../table-model.js";

/** RFC 4180: quote a field holding a comma, a quote, a line break or edge spaces; double inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberText(value: number | undefined): string {
  // JavaScript's shortest round-trip form; non-finite values are empty cells, as missing ones are.
  return value === undefined || !Number.isFinite(value) ? "" : String(value);
}

function headerFields(column: Column): string[] {
  if (column.kind === "mean-sem") return [`${column.key}_mean`, `${column.key}_sem`];
  if (column.kind === "interval") return [`${column.key}_low`, `${column.key}_high`];
  return [column.key];
}

function valueFields(column: Column, value: CellValue | undefined): string[] {
  const cell = value ?? null;
  if (column.kind === "mean-sem")
    return isMeanSem(cell) ? [numberText(cell.mean), numberText(cell.sem)] : ["", ""];
  if (column.kind === "interval")
    return isInterval(cell) ? [numberText(cell.low), numberText(cell.high)] : ["", ""];
  if (cell === null || typeof cell === "object") return [""];
  if (typeof cell === "number") return [numberText(cell)];
  return [csvField(cell)];
}

export function renderTableCsv(table: Table): string {
  const lines = [table.columns.flatMap(headerFields).map(csvField).join(",")];
  for (const row of table.rows)
    lines.push(table.columns.flatMap((c) => valueFields(c, row[c.key])).join(","));
  return lines.join("\r\n");
}

/** The report's main (first) table as CSV; select another one first with select-table.ts. */
export function renderCsv(report: Report): string {
  const table = report.tables[0];
  return table === undefined ? "" : `${renderTableCsv(table)}\r\n`;
}
