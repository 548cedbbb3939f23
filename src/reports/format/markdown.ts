// Renders a report as GitHub-flavoured Markdown: a heading per table, a pipe table with numbers
// right-aligned, footnotes as a list, and the figures embedded as images so that a Markdown viewer shows
// the plots beside the numbers. Image links are relative to the folder of the Markdown file (its
// `linkBase`), so that the page shows its plots wherever it is opened from.

import path from "node:path";
import { headerText, type Report, type Table } from "../table-model.js";
import { cellText, isRightAligned } from "./cell-text.js";

/** Pipes would end a cell and newlines a row; backslashes and pipes are escaped, newlines become spaces. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function renderTableMarkdown(table: Table): string {
  const header = table.columns.map((column) => escapeMarkdownCell(headerText(column)));
  const rule = table.columns.map((column) => (isRightAligned(column) ? "---:" : "---"));
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const lines = [`## ${table.title}`, "", row(header), row(rule)];
  for (const values of table.rows) {
    lines.push(row(table.columns.map((column) => escapeMarkdownCell(cellText(column, values[column.key])))));
  }
  if (table.rows.length === 0) lines.push("", "_No rows._");
  if (table.footnotes.length > 0) lines.push("", ...table.footnotes.map((note) => `- ${note}`));
  return lines.join("\n");
}

export interface MarkdownOptions {
  /** The folder of the Markdown file: image links are relative to it. Default: none known, paths as given. */
  linkBase?: string | undefined;
}

/** Markdown image paths are URLs: spaces, parentheses, "#" and "?" must be escaped. */
function imageUrl(file: string, linkBase: string | undefined): string {
  // Figure paths are relative to the working directory (or absolute); from a known file's folder the
  // link is relative to that folder instead. Without one, the path is given as is.
  const link = linkBase === undefined ? file : path.relative(path.resolve(linkBase), path.resolve(file));
  return encodeURI(link.split(path.sep).join("/"))
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29")
    .replace(/#/g, "%23")
    .replace(/\?/g, "%3F");
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const parts = [`# ${report.title}`, ...report.tables.map(renderTableMarkdown)];
  if (report.notes.length > 0) parts.push(report.notes.join("\n\n"));
  for (const figure of report.figures) {
    parts.push(`![${figure.title.replace(/[[\]]/g, "")}](${imageUrl(figure.path, options.linkBase)})`);
  }
  return `${parts.join("\n\n")}\n`;
}
