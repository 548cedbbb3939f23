// The leaderboard's usage table on a real store: tokens, cost and cost per medal of the runs the
// leaderboard counts (over_budget ones included, like timed_out), shown only when some run has usage.

import { afterEach, describe, expect, it } from "vitest";
import { insertRunUsage } from "../../store/usage-repo.js";
import { renderReport } from "../format/render-report.js";
import { renderSvg } from "../plots/render-svg.js";
import { ReportStore } from "../test-support/report-store.js";
import { leaderboardFromStore, type SplitMembers, scoreVsCostPlots } from "./leaderboard-from-store.js";

let store: ReportStore;
afterEach(() => store?.dispose());

const SPLIT = ["alpha", "beta"];
const members: SplitMembers = async () => SPLIT;

async function report() {
  const { report } = await leaderboardFromStore(store.db, {
    padMissing: false,
    filter: store.filter(),
    splitMembers: members,
    split: "low",
  });
  return JSON.parse(renderReport(report, "json")) as {
    tables: { id: string; rows: Record<string, unknown>[]; footnotes: string[] }[];
  };
}

describe("the MLE-bench leaderboard's usage table", () => {
  it("sums each agent's tokens and known cost over the counted runs, and the cost of a medal", async () => {
    store = new ReportStore();
    for (const id of [...SPLIT, "elsewhere"]) store.competition(id, { splits: ["low"] });
    const spender = store.agent("spender");
    const frugal = store.agent("frugal");
    const silent = store.agent("silent");
    const usage = (runId: string, tokens: number, costUsd: number | null) =>
      insertRunUsage(store.db, [{ runId, model: "m", inputTokens: tokens, outputTokens: 0, costUsd }]);
    usage(store.run({ agentId: spender, competitionId: "alpha", gold: true }), 1000, 2);
    // Over its budget, yet graded: it got its chance, and counts like a timed-out run.
    usage(store.run({ agentId: spender, competitionId: "beta", gold: true, status: "over_budget" }), 3000, 4);
    // Bench's own failure, and a competition outside the split: neither counts.
    usage(store.run({ agentId: spender, competitionId: "alpha", seed: 1, status: "infra_error" }), 1e6, 100);
    usage(store.run({ agentId: spender, competitionId: "elsewhere" }), 1e6, 100);
    usage(store.run({ agentId: frugal, competitionId: "alpha" }), 50, null);
    store.run({ agentId: frugal, competitionId: "beta", status: "timed_out" });
    for (const id of SPLIT) store.run({ agentId: silent, competitionId: id });

    const json = await report();
    const detail = json.tables.find((t) => t.id === "detail")!;
    expect(detail.rows.find((r) => r.agent === "spender")).toMatchObject({ any_medal: { mean: 100 } });
    const table = json.tables.find((t) => t.id === "usage")!;
    expect(table.rows).toEqual([
      {
        agent: "frugal",
        runs: 2,
        runs_with_usage: 1,
        tokens: 50,
        cost_usd: null,
        medals: 0,
        cost_per_medal_usd: null,
      },
      {
        agent: "silent",
        runs: 2,
        runs_with_usage: 0,
        tokens: null,
        cost_usd: null,
        medals: 0,
        cost_per_medal_usd: null,
      },
      {
        agent: "spender",
        runs: 2,
        runs_with_usage: 2,
        tokens: 4000,
        cost_usd: 6,
        medals: 2,
        cost_per_medal_usd: 3,
      },
    ]);
    expect(table.footnotes[1]).toBe(
      "Part of the usage has no known cost (no cost_usd and no price) in 1 run of frugal: cost and cost per medal leave it out there.",
    );
  });

  it("is left out when no run has usage", async () => {
    store = new ReportStore();
    for (const id of SPLIT) store.competition(id, { splits: ["low"] });
    const agent = store.agent("quiet");
    for (const id of SPLIT) store.run({ agentId: agent, competitionId: id });
    expect((await report()).tables.map((t) => t.id)).toEqual(["leaderboard", "detail", "pass_at_k"]);
  });
});

describe("the score-versus-cost plot", () => {
  it("puts each agent with a known cost at (cost per run, medal rate) and draws it", async () => {
    store = new ReportStore();
    for (const id of SPLIT) store.competition(id, { splits: ["low"] });
    const rich = store.agent("rich");
    const poor = store.agent("poor");
    const silent = store.agent("silent");
    const usage = (runId: string, costUsd: number | null) =>
      insertRunUsage(store.db, [{ runId, model: "m", inputTokens: 10, outputTokens: 0, costUsd }]);
    usage(store.run({ agentId: rich, competitionId: "alpha", gold: true }), 3);
    usage(store.run({ agentId: rich, competitionId: "beta" }), 5);
    usage(store.run({ agentId: poor, competitionId: "alpha" }), 0.5);
    store.run({ agentId: poor, competitionId: "beta" });
    for (const id of SPLIT) store.run({ agentId: silent, competitionId: id });
    const { plots } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: members,
      split: "low",
    });
    const plot = plots.find((p) => p.name === "mlebench-score-vs-cost")!;
    const values = (plot.spec as { data: { values: { name: string; x: number; y: number }[] } }).data.values;
    // Cost per run over the runs that reported usage; medal rate over all counted runs.
    expect(values).toEqual([
      { name: "poor", x: 0.5, y: 0 },
      { name: "rich", x: 4, y: 50 },
    ]);
    const svg = await renderSvg(plot.spec);
    expect(svg).toContain("known LLM cost per run (USD)");
  });

  it("is not drawn when no agent has a known cost", () => {
    expect(
      scoreVsCostPlots(
        [
          {
            agentId: 1,
            runs: 2,
            runsWithUsage: 1,
            tokens: 5,
            costUsd: null,
            runsWithUnknownCost: 1,
            medals: 1,
          },
        ],
        new Map([[1, "a"]]),
      ),
    ).toEqual([]);
  });
});
