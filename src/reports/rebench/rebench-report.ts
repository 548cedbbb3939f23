// The RE-bench report as tables and pictures: normalized score per task, score@k with its bootstrap
// interval, the equal-budget comparison, and score against elapsed time.

import { formatDuration, formatDurationCompact } from "../../config/duration.js";
import { countText } from "../format/count-text.js";
import { lineChartSpec } from "../plots/line-chart-spec.js";
import type { PlotRequest } from "../plots/render-svg.js";
import type { LeftOutTask } from "../stats/score-at-k.js";
import type { Column, Report, Row, Table } from "../table-model.js";
import { type BudgetRow, rankLikeWithLike } from "./like-with-like.js";
import { type RebenchAnalysis, timeLimitText } from "./rebench-analysis.js";
import type { TimeCurve } from "./score-over-time.js";

/** The fractions of the time limit the score-over-time table shows. */
const TIME_COLUMNS = [0.125, 0.25, 0.5, 0.75, 1];

function leftOutText(leftOut: readonly LeftOutTask[]): string {
  return leftOut.map((t) => `${t.task} (${countText(t.runs, "run")})`).join(", ");
}

function perTaskTable(analysis: RebenchAnalysis): Table {
  const columns: Column[] = [
    { key: "agent", label: "Agent", kind: "text" },
    { key: "time_limit", label: "Time limit", kind: "text" },
    { key: "task", label: "Task", kind: "text" },
    { key: "runs", label: "Runs", kind: "integer" },
    { key: "failed", label: "Failed", kind: "integer" },
    { key: "mean", label: "Mean", kind: "number", decimals: 3 },
    { key: "max", label: "Best", kind: "number", decimals: 3 },
  ];
  const rows = analysis.populations.flatMap(({ population, perTask }) =>
    perTask.map(
      (t): Row => ({
        agent: population.agent,
        time_limit: timeLimitText(population.timeLimitMs),
        task: t.task,
        runs: t.runs,
        failed: t.failed,
        mean: t.mean,
        max: t.max,
      }),
    ),
  );
  return {
    id: "normalized_score",
    title: "Normalized score per task (0 = starting solution, 1 = reference solution)",
    columns,
    rows,
    footnotes: ["Failed or invalid runs count as 0 in every statistic."],
  };
}

function populationName(population: { agent: string; timeLimitMs: number | null }): string {
  return `${population.agent} at ${timeLimitText(population.timeLimitMs)}`;
}

/** "7 tasks", or "5 of 7 tasks" when a curve covers fewer than the report's tasks. */
function taskCount(covered: number, total: number): string {
  return covered === total ? `${total} ${total === 1 ? "task" : "tasks"}` : `${covered} of ${total} tasks`;
}

function scoreAtKTable(analysis: RebenchAnalysis): Table {
  const total = analysis.tasks.length;
  const columns: Column[] = [
    { key: "agent", label: "Agent", kind: "text" },
    { key: "time_limit", label: "Time limit", kind: "text" },
    { key: "k", label: "k", kind: "integer" },
    { key: "score_at_k", label: "score@k", kind: "number", decimals: 3 },
    { key: "ci95", label: "95% CI", kind: "interval", decimals: 3 },
    { key: "tasks", label: `Tasks (of ${total})`, kind: "integer" },
  ];
  const rows = analysis.populations.flatMap(({ population, scoreAtK }) =>
    scoreAtK.map(
      (point): Row => ({
        agent: population.agent,
        time_limit: timeLimitText(population.timeLimitMs),
        k: point.k,
        score_at_k: point.mean,
        ci95: point.interval ? { low: point.interval.low, high: point.interval.high } : null,
        tasks: point.included,
      }),
    ),
  );
  const resamples = analysis.populations[0]?.scoreAtK[0]?.interval?.resamples ?? 1000;
  const footnotes = [
    `95% CI: percentile bootstrap, ${resamples} resamples of the runs within each task (seed 0).`,
    "Each agent and time limit keeps the same tasks at every k, so that its score@k never drops because a task ran out of runs: " +
      "k goes as far as all of its tasks have runs for; a task with under a quarter of the runs most of its tasks have is left out of all its rows instead.",
  ];
  for (const { population, curve } of analysis.populations) {
    if (curve.leftOut.length === 0) continue;
    footnotes.push(
      `${populationName(population)} (${taskCount(curve.tasks.length, total)}, k up to ${curve.maxK}): left out ${leftOutText(curve.leftOut)}.`,
    );
  }
  return {
    id: "score_at_k",
    title: "score@k: expected best normalized score of k runs, mean over tasks",
    columns,
    rows,
    footnotes,
  };
}

function equalBudgetTable(analysis: RebenchAnalysis): Table {
  const budget = formatDuration(analysis.budgetMs);
  const total = analysis.tasks.length;
  const columns: Column[] = [
    { key: "rank", label: "Rank", kind: "integer" },
    { key: "agent", label: "Agent", kind: "text" },
    { key: "time_limit", label: "Time limit", kind: "text" },
    { key: "k", label: "k", kind: "integer" },
    { key: "score_at_k", label: "score@k", kind: "number", decimals: 3 },
    { key: "ci95", label: "95% CI", kind: "interval", decimals: 3 },
    { key: "tasks", label: `Tasks (of ${total})`, kind: "integer" },
  ];
  const footnotes = [
    `k = ${budget} ÷ time limit: every row spends the same total time per task.`,
    "A task with fewer than k runs cannot be scored at k: it is left out of that row's mean (listed below).",
  ];
  const compared: BudgetRow[] = [];
  for (const { population, equalBudget } of analysis.populations) {
    const name = populationName(population);
    if (equalBudget.k === null) {
      footnotes.push(`${name}: not compared, ${equalBudget.reason}.`);
      continue;
    }
    if (equalBudget.leftOut.length > 0) {
      footnotes.push(`${name} (k = ${equalBudget.k}): left out ${leftOutText(equalBudget.leftOut)}.`);
    }
    if (equalBudget.mean === null) {
      footnotes.push(`${name}: not compared, no task has ${equalBudget.k} runs.`);
      continue;
    }
    compared.push({
      name,
      mean: equalBudget.mean,
      tasks: equalBudget.tasks,
      row: {
        rank: null,
        agent: population.agent,
        time_limit: timeLimitText(population.timeLimitMs),
        k: equalBudget.k,
        score_at_k: equalBudget.mean,
        ci95: equalBudget.interval
          ? { low: equalBudget.interval.low, high: equalBudget.interval.high }
          : null,
        tasks: equalBudget.included,
      },
    });
  }
  const { ranked, others } = rankLikeWithLike(compared, total);
  ranked.forEach((entry, i) => {
    entry.row.rank = i + 1;
  });
  if (others.length > 0) {
    const covered = ranked[0]?.tasks.length ?? 0;
    footnotes.push(
      `Ranked: the rows whose mean covers the same ${taskCount(covered, total)}; not ranked (a mean over other tasks is not comparable): ` +
        `${others.map((entry) => `${entry.name} (${taskCount(entry.tasks.length, total)})`).join(", ")}.`,
    );
  }
  return {
    id: "equal_budget",
    title: `Equal budget: ${budget} per task`,
    columns,
    rows: [...ranked, ...others].map((entry) => entry.row),
    footnotes,
  };
}

function overTimeTable(curves: readonly TimeCurve[]): Table {
  const key = (f: number) => `at_${String(f * 100).replace(".", "_")}pct`;
  const columns: Column[] = [
    { key: "agent", label: "Agent", kind: "text" },
    { key: "time_limit", label: "Time limit", kind: "text" },
    { key: "runs", label: "Runs", kind: "integer" },
    ...TIME_COLUMNS.map(
      (f): Column => ({ key: key(f), label: `${f * 100}% of time`, kind: "number", decimals: 3 }),
    ),
  ];
  const rows = curves.map((curve): Row => {
    const row: Row = { agent: curve.agent, time_limit: timeLimitText(curve.timeLimitMs), runs: curve.runs };
    for (const f of TIME_COLUMNS) {
      const i = curve.fractions.indexOf(f);
      row[key(f)] = i < 0 ? null : curve.values[i]!;
    }
    return row;
  });
  return {
    id: "score_over_time",
    title: "Score against elapsed time (best normalized score logged so far, mean over tasks)",
    columns,
    rows,
    footnotes: [
      "Only runs with a score log count here; a run scores 0 until its first valid score.",
      "For tasks scored by their last submission, the last valid score so far is used instead of the best.",
      "Runs without a time limit use the longest logged elapsed time as 100%.",
    ],
  };
}

export function rebenchReport(analysis: RebenchAnalysis, curves: readonly TimeCurve[]): Report {
  const notes: string[] = [];
  if (analysis.populations.length === 0) notes.push("No graded RE-bench run matches the filters.");
  return {
    title: "RE-bench report",
    tables: [
      perTaskTable(analysis),
      scoreAtKTable(analysis),
      equalBudgetTable(analysis),
      overTimeTable(curves),
    ],
    notes,
    figures: [],
  };
}

function byTimeLimit<T extends { timeLimitMs: number | null }>(items: readonly T[]): Map<number | null, T[]> {
  const groups = new Map<number | null, T[]>();
  for (const item of items) groups.set(item.timeLimitMs, [...(groups.get(item.timeLimitMs) ?? []), item]);
  return groups;
}

export function rebenchPlots(analysis: RebenchAnalysis, curves: readonly TimeCurve[]): PlotRequest[] {
  const plots: PlotRequest[] = [];
  const populations = analysis.populations.map((p) => ({ ...p, timeLimitMs: p.population.timeLimitMs }));
  for (const [limit, group] of byTimeLimit(populations)) {
    const text = timeLimitText(limit);
    plots.push({
      // Plot names become file names: the compact form, without the prose form's space.
      name: `rebench-score-at-k-${limit === null ? "none" : formatDurationCompact(limit)}`,
      title: `score@k, time limit ${text}`,
      spec: lineChartSpec({
        title: `RE-bench score@k, time limit ${text}`,
        subtitle:
          "each curve: the same tasks at every k, up to the k all of them have runs for; band: 95% bootstrap interval",
        xTitle: "k (runs per task)",
        yTitle: "score@k (normalized)",
        xScale: "log",
        xInteger: true,
        showPoints: true,
        series: group.map(({ population, scoreAtK, curve }) => ({
          name: `${population.agent} (${taskCount(curve.tasks.length, analysis.tasks.length)})`,
          points: scoreAtK
            .filter((p) => p.mean !== null)
            .map((p) => ({ x: p.k, y: p.mean!, low: p.interval?.low, high: p.interval?.high })),
        })),
      }),
    });
  }
  for (const [limit, group] of byTimeLimit(curves)) {
    const text = timeLimitText(limit);
    plots.push({
      name: `rebench-score-over-time-${limit === null ? "none" : formatDurationCompact(limit)}`,
      title: `score against elapsed time, time limit ${text}`,
      spec: lineChartSpec({
        title: `RE-bench score against elapsed time, time limit ${text}`,
        subtitle: "best normalized score logged so far, mean over runs then tasks",
        xTitle: "elapsed working time (hours)",
        yTitle: "normalized score",
        interpolate: "step-after",
        series: group.map((curve) => ({
          name: curve.agent,
          points: curve.fractions.map((f, i) => ({
            x: (f * curve.horizonMs) / 3_600_000,
            y: curve.values[i]!,
          })),
        })),
      }),
    });
  }
  return plots;
}
