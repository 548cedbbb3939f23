import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { scoreLogTable } from "../../store/schema.js";
import { renderReport } from "../format/render-report.js";
import { renderSvg } from "../plots/render-svg.js";
import { bootstrapScoreAtK, meanScoreAtK, type TaskRuns } from "../stats/score-at-k.js";
import { ReportStore } from "../test-support/report-store.js";
import { axisLabels } from "../test-support/svg-parts.js";
import type { TaskRules } from "./rebench-analysis.js";
import { rebenchFromStore } from "./rebench-from-store.js";

let store: ReportStore;
afterEach(() => store?.dispose());

// shared/rebench/environments.json: the scaling-law task counts its last score and averages runs.
const RULES: TaskRules = (task) =>
  task === "ai_rd_small_scaling_law"
    ? { withinRun: "last", acrossRuns: "mean" }
    : task.startsWith("ai_rd_")
      ? { withinRun: "best", acrossRuns: "best-of-k" }
      : undefined;

interface MetrRun {
  alias: string;
  task: string;
  timeLimitS: number;
  score: number;
}

function readMetrRuns(): MetrRun[] {
  const csv = readFileSync(new URL("../../../../shared/rebench/metr-runs.csv", import.meta.url), "utf8");
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = header!.split(",");
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)]!;
  return lines.map((line) => {
    const cells = line.split(",");
    return {
      alias: at(cells, "alias"),
      task: at(cells, "task_family"),
      timeLimitS: Number(at(cells, "time_limit")),
      score: Number(at(cells, "score")),
    };
  });
}

describe("bench report rebench on METR's public RE-bench runs (shared/rebench/metr-runs.csv)", () => {
  const runs = readMetrRuns();
  const tasks = [...new Set(runs.map((r) => r.task))].sort();

  function fillStore(): void {
    store = new ReportStore();
    for (const task of tasks) store.competition(task, { kind: "rebench", splits: ["rebench"] });
    const agents = new Map<string, number>();
    for (const alias of new Set(runs.map((r) => r.alias))) agents.set(alias, store.agent(alias));
    store.runs(
      runs.map((r) => ({
        agentId: agents.get(r.alias)!,
        competitionId: r.task,
        // Humans have time_limit 0 in the file, stored as is (as the CSV import does): no limit.
        timeLimitMs: r.timeLimitS * 1000,
        normalizedScore: r.score,
      })),
    );
  }

  function expectedTasks(alias: string, timeLimitS: number): TaskRuns[] {
    const byTask = new Map<string, number[]>();
    for (const r of runs.filter((run) => run.alias === alias && run.timeLimitS === timeLimitS)) {
      byTask.set(r.task, [...(byTask.get(r.task) ?? []), r.score]);
    }
    return [...byTask]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([task, scores]) => ({ task, scores, acrossRuns: RULES(task)!.acrossRuns }));
  }

  /**
   * A curve's tasks and largest k, as the report states its rule: as far as all tasks have runs for,
   * leaving out a task with under a quarter of the runs most tasks (more than half) have.
   */
  function curveOf(taskRuns: TaskRuns[]): { maxK: number; runs: TaskRuns[] } {
    const counts = taskRuns.map((t) => t.scores.length);
    let most = 1;
    for (let k = 2; k <= Math.max(...counts); k *= 2) {
      if (counts.filter((n) => n >= k).length > counts.length / 2) most = k;
    }
    const runs = taskRuns.filter((t) => t.scores.length >= most / 4);
    const fewest = Math.min(...runs.map((t) => t.scores.length));
    return { maxK: 2 ** Math.floor(Math.log2(fewest)), runs };
  }

  it("reports score@k per agent and time limit equal to meanScoreAtK over one task set, with its bootstrap interval", () => {
    fillStore();
    const { report } = rebenchFromStore(store.db, store.store.sqlite, {
      filter: store.filter(),
      budget: "8h",
      rules: RULES,
      resamples: 200,
    });
    const table = JSON.parse(renderReport(report, "json")).tables.find(
      (t: { id: string }) => t.id === "score_at_k",
    );
    let checked = 0;
    for (const row of table.rows) {
      if (row.time_limit === "none") continue;
      const limitS = { "30 min": 1800, "2 h": 7200, "8 h": 28800 }[row.time_limit as string]!;
      const curve = curveOf(expectedTasks(row.agent, limitS));
      const curveTasks = curve.runs.map((t) => t.task);
      expect(row.k).toBeLessThanOrEqual(curve.maxK);
      const expected = meanScoreAtK(curve.runs, row.k, { expectedTasks: curveTasks });
      expect(row.score_at_k, `${row.agent} ${row.time_limit} k=${row.k}`).toBe(expected.mean);
      // The same tasks at every k: none of them drops out of the mean as k grows.
      expect(row.tasks, `${row.agent} ${row.time_limit} k=${row.k}`).toBe(curveTasks.length);
      expect(expected.leftOut).toEqual([]);
      const interval = bootstrapScoreAtK(curve.runs, row.k, {
        expectedTasks: curveTasks,
        resamples: 200,
        seed: 0,
      });
      expect(row.ci95).toEqual({ low: interval!.low, high: interval!.high });
      checked++;
    }
    // 7 agents at 30 min, 3 at 2 h, 1 at 8 h, several k each.
    expect(checked).toBeGreaterThan(40);
    const o1 = table.rows.find(
      (r: { agent: string; time_limit: string; k: number }) =>
        r.agent === "o1-preview" && r.time_limit === "30 min" && r.k === 1,
    );
    // o1-preview ran every task at least 28 times: its curve covers all 7 tasks up to k = 16.
    expect(o1.tasks).toBe(7);
    expect(o1.score_at_k).toBeCloseTo(
      meanScoreAtK(expectedTasks("o1-preview", 1800), 1, { expectedTasks: tasks }).mean!,
      15,
    );
  });

  it("never lets a curve drop because a task ran out of runs: each curve keeps its tasks at every k", async () => {
    fillStore();
    const { report, plots } = rebenchFromStore(store.db, store.store.sqlite, {
      filter: store.filter(),
      budget: "8h",
      rules: RULES,
      resamples: 20,
    });
    const table = report.tables.find((t) => t.id === "score_at_k")!;
    // Claude 3.5 Sonnet (Old) at 30 min ran 4 to 88 runs per task. Its curve used to go on to k = 64,
    // losing a task at k = 8, 16, 32 and 64 (its k = 64 point was one task); now it stops at k = 4,
    // where every one of its 7 tasks still counts.
    const old = table.rows.filter((r) => r.agent === "Claude 3.5 Sonnet (Old)" && r.time_limit === "30 min");
    expect(old.map((r) => [r.k, r.tasks])).toEqual([
      [1, 7],
      [2, 7],
      [4, 7],
    ]);
    // Every population's rows cover one task count.
    const counts = new Map<string, Set<unknown>>();
    for (const row of table.rows) {
      const key = `${row.agent} ${row.time_limit}`;
      counts.set(key, (counts.get(key) ?? new Set()).add(row.tasks));
    }
    for (const [key, set] of counts) expect(set.size, key).toBe(1);
    // The legend says how many tasks each curve covers: Sonnet (New) ran 4 of the 7 tasks at 30 min.
    const plot = plots.find((p) => p.title === "score@k, time limit 30 min")!;
    const svg = await renderSvg(plot.spec);
    expect(svg).toContain(">Claude 3.5 Sonnet (New) (4 of 7 tasks)</text>");
    expect(svg).toContain(">o1-preview (7 tasks)</text>");
    // k is a count: whole-number ticks only.
    const ticks = axisLabels(svg, "X");
    expect(ticks.length).toBeGreaterThan(1);
    for (const label of ticks) expect(label).toMatch(/^\d+$/);
  });

  it("leaves a straggler task out of the whole curve rather than cut the curve short, and names it", () => {
    store = new ReportStore();
    for (const task of ["ai_rd_fix_embedding", "ai_rd_nanogpt_chat_rl", "ai_rd_triton_cumsum"]) {
      store.competition(task, { kind: "rebench" });
    }
    const agent = store.agent("aide");
    const runs = { ai_rd_fix_embedding: 16, ai_rd_nanogpt_chat_rl: 16, ai_rd_triton_cumsum: 2 };
    for (const [task, n] of Object.entries(runs)) {
      for (let i = 0; i < n; i++) {
        store.run({ agentId: agent, competitionId: task, timeLimitMs: 1_800_000, normalizedScore: i / n });
      }
    }
    const { report, plots } = rebenchFromStore(store.db, store.store.sqlite, {
      filter: store.filter(),
      budget: "8h",
      rules: RULES,
      resamples: 20,
    });
    const table = report.tables.find((t) => t.id === "score_at_k")!;
    expect(table.rows.map((r) => [r.k, r.tasks])).toEqual([
      [1, 2],
      [2, 2],
      [4, 2],
      [8, 2],
      [16, 2],
    ]);
    expect(table.footnotes).toContain(
      "aide at 30 min (2 of 3 tasks, k up to 16): left out ai_rd_triton_cumsum (2 runs).",
    );
    const series = (plots[0]!.spec.data as { values: { series: string }[] }).values.map((v) => v.series);
    expect(new Set(series)).toEqual(new Set(["aide (2 of 3 tasks)"]));
  });

  it("compares at equal budget with k = budget ÷ time limit, leaving out and naming tasks with fewer than k runs", () => {
    fillStore();
    const { report } = rebenchFromStore(store.db, store.store.sqlite, {
      filter: store.filter(),
      budget: "8h",
      rules: RULES,
      resamples: 50,
    });
    const table = report.tables.find((t) => t.id === "equal_budget")!;
    const sonnet30 = table.rows.find(
      (r) => r.agent === "Claude 3.5 Sonnet (New)" && r.time_limit === "30 min",
    )!;
    expect(sonnet30.k).toBe(16);
    const expected = meanScoreAtK(expectedTasks("Claude 3.5 Sonnet (New)", 1800), 16, {
      expectedTasks: tasks,
    });
    expect(sonnet30.score_at_k).toBe(expected.mean);
    const sonnet8h = table.rows.find((r) => r.agent === "Claude 3.5 Sonnet (New)" && r.time_limit === "8 h")!;
    expect(sonnet8h.k).toBe(1);
    const notes = table.footnotes.join("\n");
    for (const left of expected.leftOut) {
      expect(notes).toContain(`${left.task} (${left.runs} run`);
    }
    expect(notes).toMatch(/human at none: not compared, the runs have no time limit/);
    // Like with like: only the rows whose mean covers all 7 tasks are ranked; means over fewer tasks
    // (Sonnet (New) at 30 min: 3 of 7) come after them, unranked, however high they are.
    expect(table.columns.find((c) => c.key === "tasks")!.label).toBe("Tasks (of 7)");
    const ranked = table.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(new Set(ranked.map((r) => r.tasks))).toEqual(new Set([7]));
    expect(ranked[0]).toMatchObject({ agent: "o1-preview", time_limit: "30 min", k: 16 });
    expect(sonnet30.rank).toBeNull();
    expect(sonnet30.tasks).toBe(3);
    expect(table.rows.indexOf(sonnet30)).toBeGreaterThan(table.rows.indexOf(ranked[ranked.length - 1]!));
    expect(notes).toContain(
      "not ranked (a mean over other tasks is not comparable): Claude 3.5 Sonnet (New) at 30 min (3 of 7 tasks)",
    );
    const markdown = renderReport(report, "markdown");
    expect(markdown).toContain("## Equal budget: 8 h per task");
  });

  it("draws score against elapsed time from score logs: best so far, or last for the scaling-law task", () => {
    store = new ReportStore();
    store.competition("ai_rd_fix_embedding", { kind: "rebench" });
    store.competition("ai_rd_small_scaling_law", { kind: "rebench" });
    const agent = store.agent("aide");
    const hour = 3_600_000;
    const log = (runId: string, entries: [number, number | null][]) => {
      for (const [elapsedMs, normalizedScore] of entries) {
        store.db.insert(scoreLogTable).values({ runId, atMs: elapsedMs, elapsedMs, normalizedScore }).run();
      }
    };
    const r1 = store.run({
      agentId: agent,
      competitionId: "ai_rd_fix_embedding",
      timeLimitMs: 8 * hour,
      normalizedScore: 0.6,
    });
    log(r1, [
      [1 * hour, 0.2],
      [2 * hour, null],
      [3 * hour, 0.6],
      [5 * hour, 0.4],
    ]);
    const r2 = store.run({
      agentId: agent,
      competitionId: "ai_rd_fix_embedding",
      timeLimitMs: 8 * hour,
      normalizedScore: 0,
    });
    log(r2, [[4 * hour, null]]);
    const r3 = store.run({
      agentId: agent,
      competitionId: "ai_rd_small_scaling_law",
      timeLimitMs: 8 * hour,
      normalizedScore: 0.1,
    });
    log(r3, [
      [1 * hour, 0.5],
      [6 * hour, 0.1],
    ]);
    const { report, plots } = rebenchFromStore(store.db, store.store.sqlite, {
      filter: store.filter(),
      budget: "8h",
      rules: RULES,
      resamples: 20,
    });
    const row = report.tables.find((t) => t.id === "score_over_time")!.rows[0]!;
    // At 1 h (12.5%): fix_embedding (0.2 + 0) / 2 = 0.1; scaling law 0.5 → mean 0.3.
    expect(row.at_12_5pct).toBeCloseTo(0.3, 12);
    // At 4 h: fix_embedding best so far 0.6 → 0.3; scaling law still 0.5 → 0.4.
    expect(row.at_50pct).toBeCloseTo(0.4, 12);
    // At 8 h: fix_embedding keeps its best 0.6 → 0.3; scaling law's last is 0.1 → 0.2.
    expect(row.at_100pct).toBeCloseTo(0.2, 12);
    expect(row.runs).toBe(3);
    expect(plots.map((p) => p.name)).toEqual(["rebench-score-at-k-8h", "rebench-score-over-time-8h"]);
  });
});
