// `bench report trend --agent A [--metric M]`: one agent's metric across the sweeps that ran it, oldest
// first, as a table and (with --plots DIR) an SVG line plot. Registered by report.ts, which hands in its
// shared report options so that this module needs nothing else from it at run time.

import { type Command, Option } from "commander";
import { COMPARE_METRICS, type CompareMetric } from "../../reports/compare/compare-metrics.js";
import { deliverReport } from "../../reports/deliver-report.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { resolveFilter } from "../../reports/report-filters.js";
import { trendFromStore } from "../../reports/trend/trend-from-store.js";
import type { CommonReportFlags } from "./report.js";

type AddReportOptions = (command: Command, options: { agents: boolean; plots: boolean }) => Command;

interface TrendFlags extends CommonReportFlags {
  agent: string;
  metric: CompareMetric;
}

export function registerReportTrendCommand(report: Command, addReportOptions: AddReportOptions): void {
  addReportOptions(
    report
      .command("trend")
      .description(
        "One agent's metric across the sweeps that ran it, oldest first: date, runs, mean ± SEM over seeds; a line plot with --plots.",
      ),
    { agents: false, plots: true },
  )
    .requiredOption("--agent <name>", "the agent: a name follows all its versions, name@version one of them")
    .addOption(
      new Option("--metric <metric>", "per-run value (flags count as 0 or 100)")
        .choices(COMPARE_METRICS)
        .default("any_medal"),
    )
    .option("--split <tag>", "only competitions carrying this split tag")
    .action(async (flags: TrendFlags) => {
      const store = openReportStore(flags.db);
      let built: ReturnType<typeof trendFromStore>;
      try {
        built = trendFromStore(store.db, {
          agent: flags.agent,
          metric: flags.metric,
          filter: resolveFilter(store.db, flags),
          split: flags.split,
        });
      } finally {
        store.close();
      }
      await deliverReport(built.report, built.plots, {
        format: flags.format,
        plotsDir: flags.plots,
        table: flags.table,
        output: flags.output,
        outputDir: flags.outputDir,
      });
    });
}
