import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { BenchError } from "../../errors.js";
import { renderReport } from "../format/render-report.js";
import { type Direction, type ProfileRow, performanceProfiles } from "../stats/aup.js";
import { ReportStore } from "../test-support/report-store.js";
import { aupFromStore } from "./aup-from-store.js";
import { profilesOnGrid } from "./tau-max.js";

let store: ReportStore;
afterEach(() => store?.dispose());

interface MlgymRow {
  dataset: string;
  task: string;
  direction: Direction;
  model: string;
  bestAttempt: number | null;
  bestSubmission: number | null;
  baseline: number;
}

function readMlgym(): MlgymRow[] {
  const csv = readFileSync(new URL("../../../../shared/mlgym/scores.csv", import.meta.url), "utf8");
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = header!.split(",");
  const score = (text: string) => (text === "" ? null : Number(text));
  return lines.map((line) => {
    const cells = line.split(",");
    const at = (name: string) => cells[columns.indexOf(name)]!;
    return {
      dataset: at("dataset"),
      task: at("task_id"),
      direction: at("direction") as Direction,
      model: at("model"),
      bestAttempt: score(at("best_attempt_at4")),
      bestSubmission: score(at("best_submission_at4")),
      baseline: Number(at("baseline")),
    };
  });
}

/** Every dataset as its own sweep; each model's best-of-4 as one run; the baseline model as grades.baseline_score. */
function fillStore(rows: readonly MlgymRow[]): void {
  store = new ReportStore();
  for (const task of new Set(rows.map((r) => r.task))) {
    const direction = rows.find((r) => r.task === task)!.direction === "minimize" ? "lower" : "higher";
    store.competition(task, { kind: "external", direction, splits: ["mlgym"] });
  }
  const agents = new Map<string, number>();
  for (const dataset of new Set(rows.map((r) => r.dataset))) store.sweep(dataset);
  for (const row of rows) {
    if (row.model === "baseline") continue;
    if (!agents.has(row.model)) agents.set(row.model, store.agent(row.model));
    store.run({
      agentId: agents.get(row.model)!,
      competitionId: row.task,
      sweepId: row.dataset,
      score: row.bestAttempt,
      lastScore: row.bestSubmission,
      baselineScore: row.baseline,
    });
  }
}

function reference(rows: readonly MlgymRow[], dataset: string) {
  const subset = rows.filter((r) => r.dataset === dataset);
  const variant = (pick: (r: MlgymRow) => number | null): ProfileRow[] =>
    subset.map((r) => ({ task: r.task, method: r.model, direction: r.direction, score: pick(r) }));
  return performanceProfiles({
    best_attempt: variant((r) => r.bestAttempt),
    last_submission: variant((r) => r.bestSubmission),
  });
}

describe("bench report aup on MLGym's published result sets (shared/mlgym/scores.csv)", () => {
  const rows = readMlgym();
  const datasets = [...new Set(rows.map((r) => r.dataset))];

  it("prints, per dataset, the AUP and tau_max that performanceProfiles computes from the same scores", () => {
    fillStore(rows);
    expect(datasets).toHaveLength(3);
    for (const dataset of datasets) {
      const expected = reference(rows, dataset);
      const { report } = aupFromStore(store.db, { filter: store.filter({ sweep: dataset }) });
      const json = JSON.parse(renderReport(report, "json"));
      const aup = json.tables.find((t: { id: string }) => t.id === "aup");
      expect(aup.rows).toHaveLength(expected.methods.length);
      for (const row of aup.rows) {
        expect(row.aup_best_attempt, `${dataset} ${row.method}`).toBe(
          expected.variants.best_attempt!.aup[row.method],
        );
        expect(row.aup_last_submission, `${dataset} ${row.method}`).toBe(
          expected.variants.last_submission!.aup[row.method],
        );
      }
      expect(aup.footnotes.join(" ")).toContain(`tau_max = ${expected.tauMax},`);
    }
  });

  it("reproduces the published v1 table (o1-preview 1.150 / 1.176, Claude-3.5-Sonnet 1.142 / 1.135)", () => {
    fillStore(rows);
    const { report } = aupFromStore(store.db, { filter: store.filter({ sweep: "v1_b813721_repo_table" }) });
    const aup = report.tables[0]!.rows;
    const of = (method: string) => aup.find((r) => r.method === method)!;
    expect([of("gpt-o1").aup_best_attempt, of("gpt-o1").aup_last_submission]).toEqual([1.15, 1.176]);
    expect([
      of("claude-35-sonnet-new").aup_best_attempt,
      of("claude-35-sonnet-new").aup_last_submission,
    ]).toEqual([1.142, 1.135]);
    expect([of("baseline").aup_best_attempt, of("baseline").aup_last_submission]).toEqual([0.953, 0.98]);
    expect(of("gpt-o1").rank).toBe(1);
    const text = renderReport(report, "terminal");
    expect(text).toMatch(/1\s+gpt-o1\s+1\.150\s+1\.176/);
  });

  it("takes the best of several runs per agent and task, by the task's direction", () => {
    store = new ReportStore();
    store.competition("loss", { kind: "external", direction: "lower" });
    store.competition("acc", { kind: "external", direction: "higher" });
    const a = store.agent("a");
    const b = store.agent("b");
    for (const [agentId, task, score, last] of [
      [a, "loss", 3, 4],
      [a, "loss", 2, 5],
      [b, "loss", 2.5, 2.5],
      [a, "acc", 0.7, 0.6],
      [b, "acc", 0.8, 0.5],
      [b, "acc", 0.6, 0.9],
    ] as const) {
      store.run({
        agentId,
        competitionId: task,
        score,
        lastScore: last,
        baselineScore: task === "loss" ? 5 : 0.5,
      });
    }
    const { report } = aupFromStore(store.db, { filter: store.filter() });
    const scores = report.tables[1]!;
    const methods = report.tables[1]!.columns.slice(2).map((c) => c.label);
    const loss = scores.rows.find((r) => r.task === "loss")!;
    const acc = scores.rows.find((r) => r.task === "acc")!;
    expect(methods).toEqual(["baseline", "a", "b"]);
    expect([loss.method_1, loss.method_2, loss.method_3]).toEqual([5, 2, 2.5]);
    expect([acc.method_1, acc.method_2, acc.method_3]).toEqual([0.5, 0.7, 0.8]);
  });

  it("reads the direction from the grades when the task's row has none", () => {
    store = new ReportStore();
    store.competition("runtime", { kind: "external", direction: null });
    store.competition("unknown", { kind: "external", direction: null });
    const a = store.agent("a");
    const b = store.agent("b");
    store.run({ agentId: a, competitionId: "runtime", score: 2, baselineScore: 4, isLowerBetter: true });
    store.run({ agentId: b, competitionId: "runtime", score: 3, baselineScore: 4, isLowerBetter: true });
    store.run({ agentId: a, competitionId: "unknown", score: 1, baselineScore: 0.5 });
    const { report } = aupFromStore(store.db, { filter: store.filter() });
    expect(report.tables[1]!.rows).toEqual([
      { task: "runtime", better: "lower", method_1: 4, method_2: 2, method_3: 3 },
    ]);
    expect(report.tables[0]!.rows.map((r) => r.method)).toEqual(["a", "b", "baseline"]);
    expect(report.tables[0]!.footnotes).toContain(
      "Left out: unknown (no direction (higher or lower is better)).",
    );
  });

  it("refuses a pool whose runs of one task record different baselines, and says how to narrow them", () => {
    store = new ReportStore();
    store.competition("t", { kind: "external", direction: "higher" });
    // Two run groups that share no agent's task are pooled (one file per agent): their baselines must agree.
    const a = store.agent("a");
    const b = store.agent("b");
    store.run({ agentId: a, competitionId: "t", score: 1, baselineScore: 0.5, runGroup: "set-1" });
    store.run({ agentId: b, competitionId: "t", score: 1, baselineScore: 0.6, runGroup: "set-2" });
    expect(() => aupFromStore(store.db, { filter: store.filter() })).toThrow(BenchError);
    expect(() => aupFromStore(store.db, { filter: store.filter() })).toThrow(/different baseline scores/);
    expect(() => aupFromStore(store.db, { filter: store.filter({ runGroup: "set-1" }) })).not.toThrow();
  });

  it("keeps run groups apart when one agent has runs on one task in several of them", () => {
    store = new ReportStore();
    store.competition("t", { kind: "external", direction: "higher" });
    const a = store.agent("a");
    store.run({ agentId: a, competitionId: "t", score: 1, baselineScore: 0.5, runGroup: "set-1" });
    store.run({ agentId: a, competitionId: "t", score: 1, baselineScore: 0.6, runGroup: "set-2" });
    const { report } = aupFromStore(store.db, { filter: store.filter() });
    expect(report.tables[0]!.rows.map((r) => [r.run_group, r.method])).toEqual([
      ["set-1", "a"],
      ["set-1", "baseline"],
      ["set-2", "a"],
      ["set-2", "baseline"],
    ]);
    expect(report.tables.map((t) => t.id)).toEqual(["aup", "aup_scores_set_1", "aup_scores_set_2"]);
  });

  it("shows an agent named baseline beside the tasks' baseline when its scores differ, and says so", () => {
    store = new ReportStore();
    store.competition("t", { kind: "external", direction: "higher" });
    store.competition("u", { kind: "external", direction: "higher" });
    const base = store.agent("baseline");
    const a = store.agent("a");
    for (const task of ["t", "u"]) {
      store.run({ agentId: base, competitionId: task, score: task === "t" ? 0.5 : 0.7, baselineScore: 0.5 });
      store.run({ agentId: a, competitionId: task, score: 0.9, baselineScore: 0.5 });
    }
    const { report } = aupFromStore(store.db, { filter: store.filter() });
    expect(report.tables[0]!.rows.map((r) => r.method).sort()).toEqual(["a", "baseline", "baseline (task)"]);
    expect(report.tables[0]!.footnotes.join("\n")).toContain(
      'An agent is named "baseline" but its scores differ from the tasks\' baseline scores: both are shown',
    );
  });
});

describe("--tau-max", () => {
  const rows = readMlgym();

  it("gives back performanceProfiles' own numbers at its own tau_max", () => {
    const expected = reference(rows, "head_9d40c1b_aggregate_results");
    expect(profilesOnGrid(expected, expected.tauMax)).toEqual(expected);
  });

  it("widens the axis: AUP grows by the added width for methods whose profile has reached 1", () => {
    fillStore(rows);
    const filter = store.filter({ sweep: "v1_b813721_repo_table" });
    const own = aupFromStore(store.db, { filter }).report.tables[0]!;
    const wide = aupFromStore(store.db, { filter, tauMax: "2" }).report.tables[0]!;
    expect(wide.footnotes.join(" ")).toContain("tau_max = 2 (--tau-max; the data's own is 1.2)");
    for (const row of own.rows) {
      const widened = wide.rows.find((r) => r.method === row.method)!;
      // Every ratio is at most 10^1.2, so each profile is 1 from 1.2 to 2 (± one grid cell).
      expect(widened.aup_best_attempt as number).toBeCloseTo((row.aup_best_attempt as number) + 0.8, 1);
    }
    expect(() => aupFromStore(store.db, { filter, tauMax: "-1" })).toThrow(/--tau-max/);
  });
});
