// `bench report trend` on a store made by real sweeps (local runtime, demo competitions): the agent's
// metric per sweep, oldest first, as a table and a plot with the sweeps on its x axis.

import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axisLabels } from "../../reports/test-support/svg-parts.js";
import { bench } from "../test-support/run-bench.js";
import { DEMO_COMPETITIONS, makeNightlyStore, type NightlyStore } from "./test-support/nightly-sweeps.js";

let store: NightlyStore;

// Named so that their alphabetical order is the reverse of the order they ran in.
const SWEEPS = ["nightly-main", "nightly-feature-x", "hotfix"];

beforeAll(async () => {
  store = await makeNightlyStore([
    // Every run medals: 100 ± 0.
    { name: "nightly-main", competitions: DEMO_COMPETITIONS, seeds: 2, good: "*" },
    // One competition of three: 33.3 ± 0.
    { name: "nightly-feature-x", competitions: DEMO_COMPETITIONS, seeds: 2, good: "demo-binary-auc:*" },
    // Seed 1 both competitions, seeds 2-4 one of two: 100, 50, 50, 50 → 62.5 ± 12.5.
    {
      name: "hotfix",
      competitions: DEMO_COMPETITIONS.slice(0, 2),
      seeds: 4,
      good: "demo-binary-auc:*|*:1",
    },
    // Another agent's sweep is not part of my-agent's trend.
    { name: "other-night", competitions: DEMO_COMPETITIONS.slice(0, 1), seeds: 1, good: "*", agent: "other" },
  ]);
}, 240_000);

afterAll(() => {
  if (store) rmSync(store.dir, { recursive: true, force: true });
});

describe("bench report trend", () => {
  it("shows the agent's metric per sweep, oldest first, with mean ± SEM over seeds", async () => {
    const { code, stdout, stderr } = await bench(
      "report",
      "trend",
      "--agent",
      "my-agent",
      "--db",
      store.db,
      "--format",
      "json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).tables[0].rows as Record<string, unknown>[];
    expect(rows.map((row) => row.sweep)).toEqual(SWEEPS);
    expect(rows.map((row) => [row.runs, row.competitions, row.seeds])).toEqual([
      [6, 3, 2],
      [6, 3, 2],
      [8, 2, 4],
    ]);
    const values = rows.map((row) => row.any_medal as { mean: number; sem: number });
    expect(values[0]).toEqual({ mean: 100, sem: 0 });
    expect(values[1]!.mean).toBeCloseTo(100 / 3, 10);
    expect(values[1]!.sem).toBe(0);
    expect(values[2]!.mean).toBe(62.5);
    expect(values[2]!.sem).toBeCloseTo(12.5, 10);
    expect(rows.map((row) => row.started)).toEqual([...rows.map((row) => row.started)].sort());
  });

  it("prints the table for people and draws the plot with the sweeps' names in order", async () => {
    const plots = path.join(store.dir, "plots");
    const { code, stdout } = await bench(
      "report",
      "trend",
      "--agent",
      "my-agent",
      "--db",
      store.db,
      "--plots",
      plots,
    );
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    const row = (sweep: string) => lines.find((line) => line.includes(` ${sweep} `)) ?? "";
    expect(row("nightly-main")).toMatch(/^1 +nightly-main .* 100\.0 ± 0\.0 +-$/);
    expect(row("nightly-feature-x")).toMatch(/^2 +nightly-feature-x .* 33\.3 ± 0\.0 +-66\.7$/);
    expect(row("hotfix")).toMatch(/^3 +hotfix .* 62\.5 ± 12\.5 +29\.2$/);
    expect(stdout).toContain("The sweeps cover different competitions");
    const svg = readFileSync(path.join(plots, "trend-my-agent-any_medal.svg"), "utf8");
    expect(axisLabels(svg, "X")).toEqual(SWEEPS);
    const ys = [
      ...svg.matchAll(/aria-label="sweep \(oldest first\): (\d); any medal rate \(%\): ([\d.]+); series/g),
    ];
    // The line and its dots both carry labels: one value per sweep.
    const points = new Map(ys.map((match) => [match[1], Number(match[2]).toFixed(1)]));
    expect([...points]).toEqual([
      ["1", "100.0"],
      ["2", "33.3"],
      ["3", "62.5"],
    ]);
  });

  it("says what is missing: an unknown agent, a metric of the other kind of task", async () => {
    const unknown = await bench("report", "trend", "--agent", "my-agnet", "--db", store.db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no agent "my-agnet".*did you mean "my-agent"/);
    const rebench = await bench(
      "report",
      "trend",
      "--agent",
      "my-agent",
      "--metric",
      "normalized_score",
      "--db",
      store.db,
    );
    expect(rebench.code).toBe(1);
    expect(rebench.stderr).toContain("has no graded run of an RE-bench task in any sweep");
    expect(rebench.stderr).toContain("for MLE-bench results use the default --metric any_medal");
  });
});
