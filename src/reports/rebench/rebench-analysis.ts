// RE-bench statistics per population (one agent at one time limit: runs at different limits are
// separate populations, SCORING.md §3): normalized score per task, score@k with a bootstrap interval,
// and the equal-budget comparison (k = budget ÷ time limit). Pure; the estimators are stats/score-at-k.
//
// A population's score@k curve keeps one task set at every k, so that it never drops because a task
// ran out of runs: it goes as far as all of its tasks have runs for, and a straggler task with far
// fewer runs than the others is left out of the whole curve (and named) rather than cut it short.

import { formatDuration } from "../../config/duration.js";
import type { RebenchRunRow } from "../queries/rebench-runs.js";
import { compareCodePoints } from "../stats/mlebench-aggregate.js";
import {
  type AcrossRuns,
  type BootstrapResult,
  bootstrapScoreAtK,
  cleanScores,
  equalBudgetK,
  type LeftOutTask,
  meanScoreAtK,
  type RunScore,
  type TaskRuns,
} from "../stats/score-at-k.js";

/** How a task's runs are scored and combined (from the registry; default best within and across runs). */
export interface TaskRule {
  withinRun: "best" | "last";
  acrossRuns: AcrossRuns;
}

export type TaskRules = (task: string) => TaskRule | undefined;

export const DEFAULT_TASK_RULE: TaskRule = { withinRun: "best", acrossRuns: "best-of-k" };

export interface Population {
  agentId: number;
  agent: string;
  timeLimitMs: number | null;
  /** Task → normalized scores of its runs (null = failed, counted as 0). */
  tasks: Map<string, (number | null)[]>;
}

export interface TaskSummary {
  task: string;
  runs: number;
  /** Runs without a valid score (counted as 0). */
  failed: number;
  mean: number;
  max: number;
}

export interface ScoreAtKPoint {
  k: number;
  /** Mean over the tasks with at least k runs; null when none has. */
  mean: number | null;
  interval: BootstrapResult | null;
  included: number;
  /** The tasks in the mean. */
  tasks: string[];
  leftOut: LeftOutTask[];
}

/** The tasks one population's score@k curve covers at every k, and its largest k. */
export interface CurveTasks {
  maxK: number;
  tasks: string[];
  /** The report's other tasks: too few runs for maxK, or none at all (runs 0). */
  leftOut: LeftOutTask[];
}

export type EqualBudget = ({ k: number } & Omit<ScoreAtKPoint, "k">) | { k: null; reason: string };

export interface PopulationAnalysis {
  population: Population;
  perTask: TaskSummary[];
  /** The curve's task set; every point of scoreAtK is a mean over exactly these tasks. */
  curve: CurveTasks;
  scoreAtK: ScoreAtKPoint[];
  equalBudget: EqualBudget;
}

export interface RebenchAnalysis {
  /** Every task seen, sorted: what each population's mean is meant to cover. */
  tasks: string[];
  budgetMs: number;
  populations: PopulationAnalysis[];
}

export interface AnalysisOptions {
  budgetMs: number;
  /** Bootstrap resamples. Default 1000. */
  resamples?: number;
  /** Bootstrap seed. Default 0. */
  seed?: number;
}

export function timeLimitText(ms: number | null): string {
  return ms === null ? "none" : formatDuration(ms);
}

/** A stored limit of 0 or less means none (imports write METR's human runs as 0). */
export function timeLimitOrNull(ms: number | null): number | null {
  return ms !== null && ms > 0 ? ms : null;
}

export function groupPopulations(
  rows: readonly RebenchRunRow[],
  labels: ReadonlyMap<number, string>,
): Population[] {
  const byKey = new Map<string, Population>();
  for (const row of rows) {
    const timeLimitMs = timeLimitOrNull(row.timeLimitMs);
    const key = `${row.agentId}\u0000${timeLimitMs ?? ""}`;
    let population = byKey.get(key);
    if (population === undefined) {
      const agent = labels.get(row.agentId) ?? `agent ${row.agentId}`;
      population = { agentId: row.agentId, agent, timeLimitMs, tasks: new Map() };
      byKey.set(key, population);
    }
    const scores = population.tasks.get(row.competitionId);
    if (scores === undefined) population.tasks.set(row.competitionId, [row.normalizedScore]);
    else scores.push(row.normalizedScore);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      compareCodePoints(a.agent, b.agent) ||
      (a.timeLimitMs ?? Number.POSITIVE_INFINITY) - (b.timeLimitMs ?? Number.POSITIVE_INFINITY),
  );
}

/** k = 1, 2, 4, … up to the largest run count of a task. */
export function scoreAtKSteps(largestRunCount: number): number[] {
  const steps: number[] = [];
  for (let k = 1; k <= largestRunCount; k *= 2) steps.push(k);
  return steps;
}

/**
 * The curve's task set and largest k. The curve goes as far as all of its tasks have runs for (the
 * largest power of two no larger than their smallest run count), unless a few stragglers would cut it
 * short: a task with fewer than a quarter of the runs that most tasks have (the largest power of two
 * more than half of them reach) is left out of the whole curve instead.
 */
export function curveTasks(taskRuns: readonly TaskRuns[], allTasks: readonly string[]): CurveTasks {
  const counts = taskRuns.map((t) => t.scores.length);
  let most = 1;
  for (let k = 2; k <= Math.max(0, ...counts); k *= 2) {
    if (counts.filter((n) => n >= k).length * 2 > counts.length) most = k;
  }
  const kept = taskRuns.filter((t) => t.scores.length * 4 >= most);
  let maxK = 1;
  while (maxK * 2 <= Math.min(...kept.map((t) => t.scores.length))) maxK *= 2;
  const tasks = kept.map((t) => t.task);
  const runs = new Map(taskRuns.map((t) => [t.task, t.scores.length]));
  const leftOut = allTasks
    .filter((task) => !tasks.includes(task))
    .map((task) => ({ task, runs: runs.get(task) ?? 0 }));
  return { maxK, tasks, leftOut };
}

function summarizeTask(task: string, scores: readonly RunScore[]): TaskSummary {
  const clean = cleanScores(scores);
  let failed = 0;
  for (const s of scores) if (s === null || s === undefined || Number.isNaN(s)) failed++;
  return {
    task,
    runs: scores.length,
    failed,
    mean: clean.reduce((a, b) => a + b, 0) / clean.length,
    max: clean.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY),
  };
}

function equalBudget(
  taskRuns: readonly TaskRuns[],
  population: Population,
  tasks: readonly string[],
  options: Required<AnalysisOptions>,
): EqualBudget {
  if (population.timeLimitMs === null) return { k: null, reason: "the runs have no time limit" };
  let k: number;
  try {
    k = equalBudgetK(options.budgetMs / 1000, population.timeLimitMs / 1000);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      k: null,
      reason: `the budget (${formatDuration(options.budgetMs)}) is not a whole number of ${formatDuration(population.timeLimitMs)} runs`,
    };
  }
  return { k, ...scoreAtKPoint(taskRuns, k, tasks, options) };
}

function scoreAtKPoint(
  taskRuns: readonly TaskRuns[],
  k: number,
  tasks: readonly string[],
  options: Required<AnalysisOptions>,
): Omit<ScoreAtKPoint, "k"> {
  const result = meanScoreAtK(taskRuns, k, { expectedTasks: tasks });
  const interval = bootstrapScoreAtK(taskRuns, k, {
    expectedTasks: tasks,
    resamples: options.resamples,
    seed: options.seed,
  });
  return {
    mean: result.mean,
    interval,
    included: result.perTask.length,
    tasks: result.perTask.map((t) => t.task),
    leftOut: result.leftOut,
  };
}

export function analyzeRebench(
  populations: readonly Population[],
  rules: TaskRules,
  options: AnalysisOptions,
): RebenchAnalysis {
  const settings = { resamples: 1000, seed: 0, ...options };
  const tasks = [...new Set(populations.flatMap((p) => [...p.tasks.keys()]))].sort(compareCodePoints);
  const analyses = populations.map((population): PopulationAnalysis => {
    const taskRuns: TaskRuns[] = [...population.tasks]
      .sort(([a], [b]) => compareCodePoints(a, b))
      .map(([task, scores]) => ({ task, scores, acrossRuns: (rules(task) ?? DEFAULT_TASK_RULE).acrossRuns }));
    const curve = curveTasks(taskRuns, tasks);
    const curveRuns = taskRuns.filter((t) => curve.tasks.includes(t.task));
    return {
      population,
      perTask: taskRuns.map((t) => summarizeTask(t.task, t.scores)),
      curve,
      scoreAtK: scoreAtKSteps(curve.maxK).map((k) => ({
        k,
        ...scoreAtKPoint(curveRuns, k, curve.tasks, settings),
      })),
      equalBudget: equalBudget(taskRuns, population, tasks, settings),
    };
  });
  return { tasks, budgetMs: options.budgetMs, populations: analyses };
}
