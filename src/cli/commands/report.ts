// `bench report [leaderboard|rebench|aup]`: leaderboards and statistics read from the results store,
// printed as a terminal table, Markdown, CSV or JSON (one table with --table, every table in its own
// file with --output-dir), with SVG plots on request (--plots DIR).

import { type Command, Option } from "commander";
import { aupFromStore } from "../../reports/aup/aup-from-store.js";
import { deliverReport } from "../../reports/deliver-report.js";
import { REPORT_FORMATS, type ReportFormat } from "../../reports/format/render-report.js";
import { registryKnownIssues } from "../../reports/known-issues.js";
import { leaderboardFromStore } from "../../reports/mlebench/leaderboard-from-store.js";
import { registrySplitMembers } from "../../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../../reports/open-report-store.js";
import type { PlotRequest } from "../../reports/plots/render-svg.js";
import { rebenchFromStore } from "../../reports/rebench/rebench-from-store.js";
import { registryTaskRules } from "../../reports/rebench/registry-task-rules.js";
import { type FilterFlags, type ResolvedFilter, resolveFilter } from "../../reports/report-filters.js";
import type { Report } from "../../reports/table-model.js";
import type { Store } from "../../store/open-store.js";
import { registerReportTrendCommand } from "./report-trend.js";

export interface CommonReportFlags extends FilterFlags {
  db?: string;
  format: ReportFormat;
  plots?: string;
  split?: string;
  table?: string;
  output?: string;
  outputDir?: string;
}

/** The options every report shares (`bench compare` names its two agents and draws no plot). */
export function addReportOptions(command: Command, options = { agents: true, plots: true }): Command {
  command.option("--db <file>", "results store (default: $BENCH_DB, else runs/bench.db)");
  if (options.agents) {
    command.option(
      "--agents <names>",
      "only these agents, comma-separated (a name selects all its versions)",
    );
  }
  command
    .option(
      "--since <when>",
      "only runs queued since: a date (2026-01-31, 2026-01-31T12:00), a duration back from now (24h, 7d), today or yesterday",
    )
    .option("--sweep <id>", "only runs of this sweep")
    .option(
      "--run-group <name>",
      "only runs of this run group (an MLE-bench run group, an imported result set)",
    )
    .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("terminal"))
    .option("--table <name>", "only this table, by its id (csv shows one table: default the main one)")
    .option(
      "--output <file>",
      "write the report into this file instead of stdout (Markdown links its plots relative to it)",
    )
    .option(
      "--output-dir <dir>",
      "write every table into its own file in this folder, named <table id>.<format>",
    );
  if (options.plots)
    command.option("--plots <dir>", "also write the report's plots into this folder as SVG files");
  return command;
}

/** Prints (or writes) a report after writing its plots, so that the report can name them. */
export async function printReport(
  report: Report,
  plots: readonly PlotRequest[],
  flags: CommonReportFlags,
): Promise<void> {
  await deliverReport(report, plots, {
    format: flags.format,
    plotsDir: flags.plots,
    table: flags.table,
    output: flags.output,
    outputDir: flags.outputDir,
  });
}

/** Opens the store, resolves the filters, runs `build`, and always closes the store. */
export async function withReportStore<T>(
  flags: CommonReportFlags,
  build: (store: Store, filter: ResolvedFilter) => T | Promise<T>,
): Promise<T> {
  const store = openReportStore(flags.db);
  try {
    return await build(store, resolveFilter(store.db, flags));
  } finally {
    store.close();
  }
}

export function registerReportCommand(program: Command): void {
  const report = program
    .command("report")
    .description("Leaderboards and statistics from the results store (default: the MLE-bench leaderboard).");

  addReportOptions(
    report
      .command("leaderboard", { isDefault: true })
      .description(
        "MLE-bench leaderboard per agent and split: medals (mean ± SEM over seeds) and pass@k; with --sweep, also the score and medals per competition.",
      ),
  )
    .option(
      "--split <split>",
      "one split: low, medium, high or all, or any registry tag (dev, demo); default: the splits the runs cover",
    )
    .option("--pad-missing", "count seeds up to the largest run count; missing runs count as no submission")
    .option(
      "--exclude-known-leaks",
      "leave out the competitions with a known leak (bench competitions show ID lists a competition's known issues)",
    )
    .action(async (flags: CommonReportFlags & { padMissing?: boolean; excludeKnownLeaks?: boolean }) => {
      const { report: built, plots } = await withReportStore(flags, (store, filter) =>
        leaderboardFromStore(store.db, {
          split: flags.split,
          padMissing: flags.padMissing === true,
          filter,
          splitMembers: registrySplitMembers(),
          storeFile: store.path,
          knownIssues: registryKnownIssues(),
          excludeKnownLeaks: flags.excludeKnownLeaks === true,
        }),
      );
      await printReport(built, plots, flags);
    });

  addReportOptions(
    report
      .command("rebench")
      .description(
        "RE-bench: normalized score per task, score@k with bootstrap intervals, equal-budget comparison, score over time.",
      ),
  )
    .option("--split <tag>", "only tasks carrying this split tag")
    .option("--budget <duration>", "total time budget of the equal-budget comparison (e.g. 8h, 32h)", "8h")
    .action(async (flags: CommonReportFlags & { budget: string }) => {
      const rules = await registryTaskRules();
      const { report: built, plots } = await withReportStore(flags, (store, filter) =>
        rebenchFromStore(store.db, store.sqlite, { filter, budget: flags.budget, split: flags.split, rules }),
      );
      await printReport(built, plots, flags);
    });

  addReportOptions(
    report
      .command("aup")
      .description(
        "MLGym-style performance profiles and AUP per agent (best attempt and last submission), baseline included.",
      ),
  )
    .option("--split <tag>", "only tasks carrying this split tag")
    .option("--tau-max <T>", "right end of the profiles' log10 ratio axis (default: from the data, as MLGym)")
    .action(async (flags: CommonReportFlags & { tauMax?: string }) => {
      const { report: built, plots } = await withReportStore(flags, (store, filter) =>
        aupFromStore(store.db, { filter, tauMax: flags.tauMax, split: flags.split }),
      );
      await printReport(built, plots, flags);
    });

  registerReportTrendCommand(report, addReportOptions);
}
