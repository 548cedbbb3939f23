// Where a finished report goes: its plots into --plots DIR, then the report itself to stdout, into
// --output FILE, or with --output-dir DIR one file per table. CSV holds one table and nothing else
// (--table NAME, default the main one), so its footnotes and notes go to stderr, where a reader sees
// them and a script reading the CSV does not. Markdown links its plots relative to the file it is
// written into: --output, the file stdout is redirected to, or the working directory.

import { existsSync, fstatSync, mkdirSync, readlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BenchError } from "../errors.js";
import { displayPath } from "../registry/package-root.js";
import { countText } from "./format/count-text.js";
import { renderTableCsv } from "./format/csv.js";
import { FORMAT_EXTENSIONS, type ReportFormat, renderReport } from "./format/render-report.js";
import { reportWithTable, selectTable } from "./format/select-table.js";
import { type PlotRequest, safeFileStem, writePlots } from "./plots/render-svg.js";
import type { Report, Table } from "./table-model.js";

export interface DeliveryOptions {
  format: ReportFormat;
  /** --plots: the folder the report's plots are written into. */
  plotsDir?: string | undefined;
  /** --table: only this table (by id); CSV's default is the main (first) one. */
  table?: string | undefined;
  /** --output: write the report into this file instead of stdout. */
  output?: string | undefined;
  /** --output-dir: write every table (or the --table one) into its own file in this folder. */
  outputDir?: string | undefined;
  /** The file stdout is redirected to, if any. Default: asked of the operating system. */
  stdoutFile?: string | undefined;
}

export interface ReportStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_STREAMS: ReportStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The path of the regular file open as `fd`; undefined for a terminal or a pipe, or where /proc cannot say. */
export function openFilePath(fd: number): string | undefined {
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return path.isAbsolute(target) && existsSync(target) ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file stdout is redirected to (`bench report --format markdown > out/report.md`), so that Markdown
 * links its plots relative to it. Only Linux's /proc names an open file; elsewhere, use --output.
 */
export function stdoutFilePath(): string | undefined {
  return openFilePath(1);
}

function checkOptions(options: DeliveryOptions): void {
  if (options.output !== undefined && options.outputDir !== undefined) {
    throw new BenchError("USAGE", "--output and --output-dir cannot be used together.", {
      hint: "--output FILE writes the report into one file; --output-dir DIR writes each table into its own file.",
    });
  }
}

function csvNotes(table: Table, report: Report): string[] {
  return [
    ...table.footnotes,
    ...report.notes,
    ...report.figures.map((figure) => `plot written: ${figure.path} (${figure.title})`),
  ];
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

/** --output-dir: one file per table, named by its id; a summary of what was written on stdout. */
function writeTableFiles(
  report: Report,
  options: DeliveryOptions & { outputDir: string },
  streams: ReportStreams,
) {
  const dir = path.resolve(options.outputDir);
  const tables = options.table === undefined ? report.tables : [selectTable(report, options.table)];
  const lines = [`Wrote ${countText(tables.length, "table")} into ${displayPath(dir)}:`];
  for (const table of tables) {
    const file = path.join(dir, `${safeFileStem(table.id)}.${FORMAT_EXTENSIONS[options.format]}`);
    const front = tables.length === 1 || table === report.tables[0];
    const single = reportWithTable(report, table, front);
    writeFile(file, renderReport(single, options.format, { outputDir: dir }));
    lines.push(`  ${displayPath(file)}  (${table.title})`);
    // A CSV file cannot hold its footnotes: they are part of the summary instead.
    if (options.format === "csv") lines.push(...table.footnotes.map((note) => `    * ${note}`));
  }
  if (options.format === "csv") {
    lines.push(...report.notes);
    lines.push(...report.figures.map((figure) => `Plot written: ${figure.path}  (${figure.title})`));
  }
  streams.stdout(`${lines.join("\n")}\n`);
}

/** Writes the plots, then the report where the options say; throws BenchError for usage problems. */
export async function deliverReport(
  report: Report,
  plots: readonly PlotRequest[],
  options: DeliveryOptions,
  streams: ReportStreams = PROCESS_STREAMS,
): Promise<void> {
  checkOptions(options);
  // A mistyped --table fails before any plot is drawn.
  if (options.table !== undefined) selectTable(report, options.table);
  if (options.plotsDir !== undefined) {
    report.figures.push(...(await writePlots(options.plotsDir, plots)));
    if (plots.length === 0) report.notes.push("No plot: the report has no curve to draw.");
  }
  if (options.outputDir !== undefined) {
    writeTableFiles(report, { ...options, outputDir: options.outputDir }, streams);
    return;
  }
  let text: string;
  if (options.format === "csv") {
    const table = selectTable(report, options.table);
    text = `${renderTableCsv(table)}\r\n`;
    for (const note of csvNotes(table, report)) streams.stderr(`bench: note: ${note}\n`);
  } else {
    const shown =
      options.table === undefined ? report : reportWithTable(report, selectTable(report, options.table));
    const file = options.output ?? options.stdoutFile ?? stdoutFilePath();
    text = renderReport(shown, options.format, {
      outputDir: file === undefined ? undefined : path.dirname(path.resolve(file)),
    });
  }
  if (options.output === undefined) {
    streams.stdout(text);
    return;
  }
  writeFile(options.output, text);
  streams.stdout(`Wrote ${displayPath(path.resolve(options.output))}\n`);
}
