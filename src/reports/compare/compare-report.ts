// `bench compare` as tables: what each side resolved to, the paired summary with its verdict, the
// regression gate, every paired competition's difference (largest lead first), and the runs that could
// not be paired.

import { countText } from "../format/count-text.js";
import { describeComparison } from "../stats/paired-comparison.js";
import type { Column, Report, Row, Table } from "../table-model.js";
import type { AgentComparison } from "./compare-agents.js";
import { metricDisplay } from "./compare-metrics.js";
import type { UnpairedRuns } from "./pair-runs.js";
import { REGRESSION_RULE, regressionVerdict } from "./regression-verdict.js";

function list(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** "1, 2, 3", with repeats as "0 (×3)": the seeds of runs that found no partner. */
export function seedsText(seeds: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const seed of seeds) counts.set(seed, (counts.get(seed) ?? 0) + 1);
  return list([...counts].map(([seed, n]) => (n === 1 ? String(seed) : `${seed} (×${n})`)));
}

/** Why a group of runs found no partner, e.g. "only A ran it" or "seeds only A has". */
export function unpairedReason(unpaired: UnpairedRuns, nameA: string, nameB: string): string {
  const side = unpaired.side === "A" ? nameA : nameB;
  const other = unpaired.side === "A" ? nameB : nameA;
  return unpaired.wholeUnit ? `only ${side} ran it` : `seeds ${side} has and ${other} has not`;
}

function sidesTable(result: AgentComparison): Table {
  const paired = result.regression.pairs;
  return {
    id: "sides",
    title: "What was compared",
    columns: [
      { key: "side", label: "Side", kind: "text" },
      { key: "given", label: "Given", kind: "text" },
      { key: "resolved", label: "Resolved to", kind: "text" },
      { key: "runs", label: "Runs", kind: "integer" },
      { key: "paired", label: "Paired", kind: "integer" },
    ],
    rows: [
      { side: "A", given: result.sideA.spec, resolved: result.sideA.description, runs: result.runsA, paired },
      { side: "B", given: result.sideB.spec, resolved: result.sideB.description, runs: result.runsB, paired },
    ],
    footnotes: [
      "Runs: graded runs the metric applies to (runs bench stopped itself, e.g. infrastructure errors, never count).",
    ],
  };
}

function summaryTable(result: AgentComparison): Table {
  const { comparison: c, nameA, nameB, metric } = result;
  const display = metricDisplay(metric);
  const { decimals } = display;
  const unit = display.unit ? { unit: display.unit } : {};
  const columns: Column[] = [
    { key: "a", label: "A", kind: "text" },
    { key: "b", label: "B", kind: "text" },
    { key: "metric", label: "Metric", kind: "text" },
    { key: "competitions", label: "Competitions", kind: "integer" },
    { key: "mean_a", label: "Mean A", kind: "number", decimals, ...unit },
    { key: "mean_b", label: "Mean B", kind: "number", decimals, ...unit },
    { key: "difference", label: "A − B", kind: "number", decimals, unit: display.differenceUnit },
    { key: "ci95", label: `${Math.round(c.confidence * 100)}% CI`, kind: "interval", decimals },
    { key: "permutation_p", label: "Permutation p", kind: "number", decimals: 4 },
    { key: "sign_test", label: "Signs +/−/=", kind: "text" },
    { key: "sign_p", label: "Sign test p", kind: "number", decimals: 4 },
  ];
  const mean = (key: "meanA" | "meanB") =>
    c.differences.reduce((sum, d) => sum + d[key], 0) / c.differences.length;
  const left = result.pairing.unpaired.reduce((sum, u) => sum + u.seeds.length, 0);
  return {
    id: "comparison",
    title: `${nameA} vs ${nameB}: paired over shared competitions`,
    columns,
    rows: [
      {
        a: nameA,
        b: nameB,
        metric,
        competitions: c.competitions.length,
        mean_a: mean("meanA"),
        mean_b: mean("meanB"),
        difference: c.meanDifference,
        ci95: { low: c.interval.low, high: c.interval.high },
        permutation_p: c.permutationPValue,
        sign_test: `${c.signTest.positive}/${c.signTest.negative}/${c.signTest.ties}`,
        sign_p: c.signTest.pValue,
      },
    ],
    footnotes: [
      "Runs are paired by competition and seed; per competition, the mean over its paired runs. A − B is the mean of the per-competition differences.",
      "CI: percentile bootstrap over competitions (10000 resamples, seed 0).",
      `Permutation p: two-sided sign-flip test over competitions, ${c.permutationMethod === "exact" ? "exact over every sign pattern" : "Monte Carlo, 100000 patterns"}; sign test: exact binomial, ties dropped.`,
      ...(metric === "normalized_score"
        ? [
            "Failed runs count as 0; runs of every time limit are pooled (bench report rebench keeps them apart).",
          ]
        : ["Each run counts as 100 when it has the flag and 0 when not, so means are percentages."]),
      ...(left > 0 ? [`Left out: ${countText(left, "run")} without a partner (table unpaired).`] : []),
    ],
  };
}

function regressionTable(result: AgentComparison): Table {
  const { regression: r } = result;
  const display = metricDisplay(result.metric);
  return {
    id: "regression",
    title: `Regression gate: is ${result.nameB} worse than ${result.nameA}?`,
    columns: [
      { key: "paired_runs", label: "Paired runs", kind: "integer" },
      { key: "b_worse", label: "B worse", kind: "integer" },
      { key: "b_better", label: "B better", kind: "integer" },
      { key: "ties", label: "Ties", kind: "integer" },
      {
        key: "drop",
        label: "Drop A − B",
        kind: "number",
        decimals: display.decimals,
        unit: display.differenceUnit,
      },
      { key: "p_one_sided", label: "One-sided p", kind: "number", decimals: 4 },
      { key: "alpha", label: "Alpha", kind: "number", decimals: 3 },
      { key: "min_effect", label: "Min effect", kind: "number", decimals: display.decimals },
      { key: "regression", label: "Regression", kind: "text" },
    ],
    rows: [
      {
        paired_runs: r.pairs,
        b_worse: r.worse,
        b_better: r.better,
        ties: r.ties,
        drop: r.drop,
        p_one_sided: r.pValue,
        alpha: r.alpha,
        min_effect: r.minEffect,
        regression: r.regression ? "yes" : "no",
      },
    ],
    footnotes: [
      REGRESSION_RULE,
      "The verdict under the tables asks whether A's lead would hold on other competitions (two-sided, competitions as the unit); the gate asks only whether B did worse on these competitions, runs as the unit, so it can see a regression that the verdict calls noise.",
    ],
  };
}

function differencesTable(result: AgentComparison): Table {
  const display = metricDisplay(result.metric);
  const { decimals } = display;
  const unit = display.unit ? { unit: display.unit } : {};
  return {
    id: "differences",
    title: "Per-competition differences (A − B), largest first",
    columns: [
      { key: "competition", label: "Competition", kind: "text" },
      { key: "mean_a", label: "Mean A", kind: "number", decimals, ...unit },
      { key: "mean_b", label: "Mean B", kind: "number", decimals, ...unit },
      { key: "difference", label: "A − B", kind: "number", decimals },
      { key: "runs_a", label: "Runs A", kind: "integer" },
      { key: "runs_b", label: "Runs B", kind: "integer" },
    ],
    rows: [...result.comparison.differences]
      .sort((x, y) => y.difference - x.difference)
      .map(
        (d): Row => ({
          competition: d.competition,
          mean_a: d.meanA,
          mean_b: d.meanB,
          difference: d.difference,
          runs_a: d.seedsA,
          runs_b: d.seedsB,
        }),
      ),
    footnotes: ["Runs: the paired runs of the competition (the same seeds on both sides)."],
  };
}

function unpairedTable(result: AgentComparison): Table {
  const { nameA, nameB } = result;
  return {
    id: "unpaired",
    title: "Not paired (left out of every number above)",
    columns: [
      { key: "competition", label: "Competition", kind: "text" },
      { key: "side", label: "Only in", kind: "text" },
      { key: "seeds", label: "Seeds", kind: "text" },
      { key: "runs", label: "Runs", kind: "integer" },
      { key: "reason", label: "Why", kind: "text" },
    ],
    rows: result.pairing.unpaired.map(
      (u): Row => ({
        competition: u.unit,
        side: u.side === "A" ? `A (${nameA})` : `B (${nameB})`,
        seeds: seedsText(u.seeds),
        runs: u.seeds.length,
        reason: unpairedReason(u, nameA, nameB),
      }),
    ),
    footnotes: [],
  };
}

export function compareReport(result: AgentComparison): Report {
  const { nameA, nameB, metric } = result;
  const decimals = metricDisplay(metric).decimals;
  const sentence = describeComparison(result.comparison, {
    nameA,
    nameB,
    unit: result.unit,
    decimals,
    alpha: result.alpha,
  });
  return {
    title: `Comparison: ${nameA} vs ${nameB} (${metric})`,
    // The summary stays first: it is the table CSV prints by default.
    tables: [
      summaryTable(result),
      sidesTable(result),
      regressionTable(result),
      differencesTable(result),
      ...(result.pairing.unpaired.length > 0 ? [unpairedTable(result)] : []),
    ],
    notes: [sentence, regressionVerdict(result)],
    figures: [],
  };
}
