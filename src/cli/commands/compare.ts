// `bench compare A B`: paired comparison of two agents, an agent in two sweeps, or two sweeps, from the
// results store: per-competition differences with a bootstrap interval, permutation and sign tests and a
// one-sentence verdict, and a regression gate (--fail-on-regression) for nightly sweeps.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Command, Option } from "commander";
import { BenchError } from "../../errors.js";
import { displayPath } from "../../registry/package-root.js";
import { type AgentComparison, compareAgents } from "../../reports/compare/compare-agents.js";
import { renderCompareComment } from "../../reports/compare/compare-comment.js";
import { COMPARE_METRICS, type CompareMetric } from "../../reports/compare/compare-metrics.js";
import { compareReport } from "../../reports/compare/compare-report.js";
import { REGRESSION_RULE } from "../../reports/compare/regression-verdict.js";
import {
  footnoteKnownIssues,
  issuesOf,
  knownIssuesNote,
  registryKnownIssues,
} from "../../reports/known-issues.js";
import { EXIT_FAILURE } from "../run-cli.js";
import { addReportOptions, type CommonReportFlags, printReport, withReportStore } from "./report.js";

interface CompareFlags extends CommonReportFlags {
  metric: CompareMetric;
  failOnRegression?: boolean;
  alpha: string;
  minEffect: string;
}

const SIDES_HELP = `
Sides (A is the baseline, B the candidate):
  NAME          an agent (NAME@VERSION or NAME#HASH when it has several versions), all its runs;
                only when no agent has that name, the sweep NAME
  NAME@SWEEP    agent NAME's runs in that sweep
  @SWEEP        every run of that sweep; two sweeps of several agents compare each agent with itself
  An agent label and an agent-in-sweep reading of the same text is an error, never a guess.

Runs are paired by competition and seed; runs that only one side has are listed, not compared.

Regression gate (--fail-on-regression exits 1 on a regression, 0 otherwise; always shown):
  ${REGRESSION_RULE.replace(/(.{1,96})(\s+|$)/g, "$1\n  ").trimEnd()}
  --min-effect is in the metric's units: percentage points for flags, normalized-score units
  for normalized_score. Exit 1 also when nothing can be compared (the message says why).

Example, tonight against last night:
  bench compare @nightly-2026-11-29 @nightly-2026-11-30 --fail-on-regression --format markdown
`;

function parseAlpha(text: string): number {
  const alpha = Number(text);
  if (text.trim() === "" || !(alpha > 0 && alpha < 1)) {
    throw new BenchError("USAGE", `--alpha: expected a number between 0 and 1, got "${text}".`, {
      hint: "e.g. --alpha 0.05 (the default) or --alpha 0.01 for a stricter gate.",
    });
  }
  return alpha;
}

function parseMinEffect(text: string, metric: CompareMetric): number {
  const value = Number(text);
  if (text.trim() === "" || !(Number.isFinite(value) && value >= 0)) {
    throw new BenchError("USAGE", `--min-effect: expected a number ≥ 0, got "${text}".`, {
      hint:
        metric === "normalized_score"
          ? "it is in normalized-score units, e.g. --min-effect 0.05."
          : "it is in percentage points of the metric, e.g. --min-effect 5.",
    });
  }
  return value;
}

/** Markdown without --table or --output-dir is the comment; everything else goes through the report. */
async function deliver(result: AgentComparison, flags: CompareFlags): Promise<void> {
  const compared = result.comparison.differences.map((d) => d.competition);
  const issues = issuesOf(await registryKnownIssues()(), compared);
  if (flags.format !== "markdown" || flags.table !== undefined || flags.outputDir !== undefined) {
    const report = compareReport(result);
    footnoteKnownIssues(report, issues);
    await printReport(report, [], flags);
    return;
  }
  const note = knownIssuesNote(issues);
  const text = note === null ? renderCompareComment(result) : `${renderCompareComment(result)}\n${note}\n`;
  if (flags.output === undefined) {
    process.stdout.write(text);
    return;
  }
  mkdirSync(path.dirname(path.resolve(flags.output)), { recursive: true });
  writeFileSync(flags.output, text);
  process.stdout.write(`Wrote ${displayPath(path.resolve(flags.output))}\n`);
}

export function registerCompareCommand(program: Command): void {
  addReportOptions(
    program
      .command("compare <a> <b>")
      .description(
        "Compare two agents, an agent in two sweeps, or two sweeps, paired by competition and seed: mean difference, 95% CI, p-values, verdict, regression gate.",
      ),
    { agents: false, plots: false },
  )
    .option("--split <tag>", "only competitions carrying this split tag (e.g. low, split75)")
    .addOption(
      new Option("--metric <metric>", "per-run value compared (flags count as 0 or 100)")
        .choices(COMPARE_METRICS)
        .default("any_medal"),
    )
    .option("--fail-on-regression", "exit 1 when B is significantly worse than A (rule below)")
    .option("--alpha <p>", "one-sided significance level of the regression gate and the verdict", "0.05")
    .option("--min-effect <x>", "smallest drop of B below A, in the metric's units, that counts", "0")
    .addHelpText("after", SIDES_HELP)
    .action(async (a: string, b: string, flags: CompareFlags) => {
      const alpha = parseAlpha(flags.alpha);
      const minEffect = parseMinEffect(flags.minEffect, flags.metric);
      const result = await withReportStore(flags, (store, filter) =>
        compareAgents(store.db, { a, b, metric: flags.metric, filter, split: flags.split, alpha, minEffect }),
      );
      await deliver(result, flags);
      if (flags.failOnRegression === true && result.regression.regression) process.exitCode = EXIT_FAILURE;
    });
}
