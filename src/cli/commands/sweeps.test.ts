// `bench sweeps list` on a store made by two real sweeps.

import { describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";
import { makeSweepStore } from "./test-support/sweep-store.js";

describe("bench sweeps list", () => {
  it("lists each sweep newest first with its status, runs by outcome, agents and competitions", async () => {
    const store = await makeSweepStore();
    const { code, stdout } = await bench("sweeps", "list", "--db", store.db);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^sweep\s+created \(UTC\)\s+status\s+runs\s+agents\s+competitions$/);
    expect(lines[2]).toMatch(
      /^extra\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+finished\s+1 completed\s+noisy\s+demo-binary-auc$/,
    );
    expect(lines[3]).toMatch(
      /^nightly\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+finished\s+2 agent_error, 2 completed\s+(?:fails, noisy|noisy, fails)\s+demo-binary-auc$/,
    );
    const json = JSON.parse((await bench("sweeps", "list", "--json", "--db", store.db)).stdout);
    expect(json[1]).toMatchObject({
      id: "nightly",
      status: "finished",
      runs: 4,
      runs_by_status: { completed: 2, agent_error: 2 },
      competitions: ["demo-binary-auc"],
    });
    expect([...json[1].agents].sort()).toEqual(["fails", "noisy"]);
  }, 120_000);
});
