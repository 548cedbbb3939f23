import { describe, expect, it } from "vitest";
import type { SeedFlagsRow } from "../queries/mlebench-seed-flags.js";
import { agentUsage } from "./agent-usage.js";
import { encodeRunFlags } from "./run-flags.js";

const none = encodeRunFlags({ submission_exists: true });
const gold = encodeRunFlags({ submission_exists: true, valid_submission: true, gold_medal: true });
const bronze = encodeRunFlags({ submission_exists: true, valid_submission: true, bronze_medal: true });
const usage = (runsWithUsage: number, tokens: number | null, costUsd: number | null, unknown = 0) => ({
  runsWithUsage,
  tokens,
  costUsd,
  runsWithUnknownCost: unknown,
});

describe("agentUsage", () => {
  it("adds up the competitions of each agent that the split has, with medals counted from the flags", () => {
    const rows: SeedFlagsRow[] = [
      { agentId: 1, competitionId: "a", flags: gold + none + bronze, usage: usage(3, 300, 1.5) },
      { agentId: 1, competitionId: "b", flags: none, usage: usage(1, 50, null, 1) },
      { agentId: 1, competitionId: "outside", flags: gold, usage: usage(1, 1000, 9) },
      { agentId: 2, competitionId: "a", flags: none + none, usage: usage(0, null, null) },
    ];
    expect(agentUsage(rows, ["a", "b"])).toEqual([
      { agentId: 1, runs: 4, runsWithUsage: 4, tokens: 350, costUsd: 1.5, runsWithUnknownCost: 1, medals: 2 },
      {
        agentId: 2,
        runs: 2,
        runsWithUsage: 0,
        tokens: null,
        costUsd: null,
        runsWithUnknownCost: 0,
        medals: 0,
      },
    ]);
    expect(agentUsage(rows).find((row) => row.agentId === 1)).toMatchObject({
      runs: 5,
      medals: 3,
      costUsd: 10.5,
    });
  });
});
