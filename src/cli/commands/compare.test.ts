// `bench compare` as a nightly regression gate, on a store made by real sweeps (local runtime, demo
// competitions): tonight against last night, sides resolved and named, runs paired by seed.

import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";
import { DEMO_COMPETITIONS, makeNightlyStore, type NightlyStore } from "./test-support/nightly-sweeps.js";

let store: NightlyStore;

beforeAll(async () => {
  store = await makeNightlyStore([
    // Two good nights in a row: identical results.
    { name: "nightly-2026-11-28", competitions: DEMO_COMPETITIONS, seeds: 3, good: "*" },
    { name: "nightly-2026-11-29", competitions: DEMO_COMPETITIONS, seeds: 3, good: "*" },
    // Then the agent loses its medals on two of the three competitions.
    { name: "nightly-2026-11-30", competitions: DEMO_COMPETITIONS, seeds: 3, good: "demo-binary-auc:*" },
    // A rerun on two competitions with a fourth seed.
    {
      name: "adhoc-rerun",
      competitions: DEMO_COMPETITIONS.slice(0, 2),
      seeds: 4,
      good: "demo-binary-auc:*|*:1",
    },
  ]);
}, 240_000);

afterAll(() => {
  if (store) rmSync(store.dir, { recursive: true, force: true });
});

describe("bench compare as a regression gate", () => {
  it("fails tonight's sweep that lost medals, with the verdict as the comment's first line", async () => {
    const { code, stdout, stderr } = await bench(
      "compare",
      "@nightly-2026-11-29",
      "@nightly-2026-11-30",
      "--db",
      store.db,
      "--fail-on-regression",
      "--format",
      "markdown",
    );
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    // 6 of 9 paired runs lost their medal: drop 66.7 points, one-sided p = 2^-6.
    expect(lines[0]).toBe(
      "Regression: `@nightly-2026-11-30` is worse than `@nightly-2026-11-29` by 66.7 points of any medal rate " +
        "(one-sided p = 0.016 < 0.05; 9 paired runs on 3 competitions).",
    );
    expect(stdout).toContain("A = `@nightly-2026-11-29`: sweep nightly-2026-11-29 (agents: my-agent).");
    // The two competitions that moved, and not the one that did not.
    const moved = stdout.slice(
      stdout.indexOf("## Competitions that moved most"),
      stdout.indexOf("## Not paired"),
    );
    expect(moved).toMatch(/\| demo-multiclass-logloss \| 100\.0 \| 0\.0 \| -100\.0 \| 3 \|/);
    expect(moved).toMatch(/\| demo-regression-rmse \| 100\.0 \| 0\.0 \| -100\.0 \| 3 \|/);
    expect(moved).not.toContain("demo-binary-auc");
    expect(stdout).toContain("Nothing: every run found its partner");
  });

  it("passes identical nights and an improvement, and reports the regression without failing unless asked", async () => {
    const same = await bench(
      "compare",
      "@nightly-2026-11-28",
      "@nightly-2026-11-29",
      "--db",
      store.db,
      "--fail-on-regression",
      "--format",
      "markdown",
    );
    expect(same.code).toBe(0);
    expect(same.stdout.split("\n")[0]).toBe(
      "No regression: `@nightly-2026-11-29` matches `@nightly-2026-11-28` on every paired run " +
        "(9 paired runs on 3 competitions).",
    );
    expect(same.stdout).toContain("None: every paired competition has the same mean on both sides");
    const file = path.join(store.dir, "comments", "tonight.md");
    const written = await bench(
      "compare",
      "@nightly-2026-11-28",
      "@nightly-2026-11-29",
      "--db",
      store.db,
      "--format",
      "markdown",
      "--output",
      file,
    );
    expect(written.stdout).toBe(`Wrote ${file}\n`);
    expect(readFileSync(file, "utf8")).toBe(same.stdout);

    const better = await bench(
      "compare",
      "@nightly-2026-11-30",
      "@nightly-2026-11-29",
      "--db",
      store.db,
      "--fail-on-regression",
    );
    expect(better.code).toBe(0);
    expect(better.stdout).toContain(
      "No regression: @nightly-2026-11-29 is 66.7 points better than @nightly-2026-11-30 on any medal rate",
    );

    const unasked = await bench("compare", "@nightly-2026-11-29", "@nightly-2026-11-30", "--db", store.db);
    expect(unasked.code).toBe(0);
    expect(unasked.stdout).toContain("Regression: @nightly-2026-11-30 is worse than @nightly-2026-11-29");
  });

  it("respects --min-effect and --alpha, in the metric's units", async () => {
    const args = ["compare", "@nightly-2026-11-29", "@nightly-2026-11-30", "--db", store.db];
    const small = await bench(...args, "--fail-on-regression", "--min-effect", "70");
    expect(small.code).toBe(0);
    expect(small.stdout).toContain(
      "66.7 points below @nightly-2026-11-29 on any medal rate, less than --min-effect 70",
    );
    const strict = await bench(...args, "--fail-on-regression", "--alpha", "0.01");
    expect(strict.code).toBe(0);
    expect(strict.stdout).toContain("within seed noise (one-sided p = 0.016 ≥ 0.01)");
    const bad = await bench(...args, "--alpha", "5%");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--alpha: expected a number between 0 and 1, got "5%"');
  });

  it("pairs by competition and seed and lists the competitions and seeds only one side has", async () => {
    const { code, stdout } = await bench(
      "compare",
      "@nightly-2026-11-30",
      "@adhoc-rerun",
      "--db",
      store.db,
      "--format",
      "markdown",
    );
    expect(code).toBe(0);
    const unpaired = stdout.slice(stdout.indexOf("## Not paired"));
    expect(unpaired).toContain("- `demo-regression-rmse`: only `@nightly-2026-11-30` ran it (seeds 1, 2, 3)");
    expect(unpaired).toContain(
      "- `demo-binary-auc`: seeds `@adhoc-rerun` has and `@nightly-2026-11-30` has not (seed 4)",
    );
    expect(unpaired).toContain(
      "- `demo-multiclass-logloss`: seeds `@adhoc-rerun` has and `@nightly-2026-11-30` has not (seed 4)",
    );
    // Only the 6 runs of seeds 1-3 on the two shared competitions are compared.
    expect(stdout.split("\n")[0]).toMatch(/\(6 paired runs on 2 competitions\)\.$/);
    expect(stdout).toMatch(/\| demo-multiclass-logloss \| 0\.0 \| 33\.3 \| 33\.3 \| 3 \|/);
  });

  it("says what each side resolved to: a sweep by its bare name, an agent in a sweep", async () => {
    const { code, stdout } = await bench(
      "compare",
      "nightly-2026-11-29",
      "my-agent@nightly-2026-11-30",
      "--db",
      store.db,
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const sides = JSON.parse(stdout).tables.find((table: { id: string }) => table.id === "sides").rows;
    expect(sides).toEqual([
      {
        side: "A",
        given: "nightly-2026-11-29",
        resolved: "sweep nightly-2026-11-29 (agents: my-agent)",
        runs: 9,
        paired: 9,
      },
      {
        side: "B",
        given: "my-agent@nightly-2026-11-30",
        resolved: "agent my-agent in sweep nightly-2026-11-30",
        runs: 9,
        paired: 9,
      },
    ]);
  });

  it("refuses what it cannot read unambiguously, naming what the store holds", async () => {
    const versions = await bench("compare", "my-agent", "@nightly-2026-11-30", "--db", store.db);
    expect(versions.code).toBe(2);
    expect(versions.stderr).toMatch(/"my-agent" names 3 versions of an agent/);
    expect(versions.stderr).toContain("my-agent@SWEEP");
    const typo = await bench("compare", "@nightly-2026-11-31", "@nightly-2026-11-30", "--db", store.db);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /no sweep "nightly-2026-11-31" in the results store \(did you mean "nightly-2026-11-30"/,
    );
    const absent = await bench(
      "compare",
      "other@nightly-2026-11-29",
      "@nightly-2026-11-30",
      "--db",
      store.db,
    );
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('agent "other" has no run in sweep nightly-2026-11-29');
    expect(absent.stderr).toContain("agents in sweep nightly-2026-11-29: my-agent");
    const same = await bench("compare", "@adhoc-rerun", "adhoc-rerun", "--db", store.db);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("A and B are the same runs");
  });

  it("documents the decision rule in --help", async () => {
    const { stdout } = await bench("compare", "--help");
    expect(stdout).toContain("--fail-on-regression");
    expect(stdout).toContain("one-sided sign-flip permutation p-value");
    expect(stdout).toContain("@SWEEP        every run of that sweep");
  });
});
