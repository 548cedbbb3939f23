// `bench compare A B`: paired per-competition comparison of two agents from the results store, with a
// bootstrap interval, permutation and sign tests, and a one-sentence verdict.

import { type Command, Option } from "commander";
import { COMPARE_METRICS, type CompareMetric, compareAgents } from "../../reports/compare/compare-agents.js";
import { compareReport } from "../../reports/compare/compare-report.js";
import { addReportOptions, type CommonReportFlags, printReport, withReportStore } from "./report.js";

export function registerCompareCommand(program: Command): void {
  addReportOptions(
    program
      .command("compare <a> <b>")
      .description(
        "Compare two agents competition by competition: mean difference, 95% CI, p-values, verdict.",
      ),
    { agents: false, plots: false },
  )
    .option("--split <tag>", "only competitions carrying this split tag (e.g. low, split75)")
    .addOption(
      new Option("--metric <metric>", "per-run value compared (flags count as 0 or 100)")
        .choices(COMPARE_METRICS)
        .default("any_medal"),
    )
    .action(async (a: string, b: string, flags: CommonReportFlags & { metric: CompareMetric }) => {
      const report = await withReportStore(flags, (store, filter) =>
        compareReport(compareAgents(store.db, { a, b, metric: flags.metric, filter, split: flags.split })),
      );
      await printReport(report, [], flags);
    });
}
