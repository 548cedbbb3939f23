// Picks the renderer for `--format`: one module per format, all taking the same table model.

import type { Report } from "../table-model.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderTerminal } from "./terminal.js";

export const REPORT_FORMATS = ["terminal", "markdown", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file extension each format is written with (--output-dir). */
export const FORMAT_EXTENSIONS: Record<ReportFormat, string> = {
  terminal: "txt",
  markdown: "md",
  csv: "csv",
  json: "json",
};

export interface RenderOptions {
  /** The folder the output is written into: Markdown links its plots relative to it. Default: none known (paths as given). */
  outputDir?: string | undefined;
}

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case "terminal":
      return renderTerminal(report);
    case "markdown":
      return renderMarkdown(report, { linkBase: options.outputDir });
    case "csv":
      return renderCsv(report);
    case "json":
      return renderJson(report);
  }
}
