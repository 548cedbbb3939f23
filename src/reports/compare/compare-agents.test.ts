import { afterEach, describe, expect, it } from "vitest";
import { renderReport } from "../format/render-report.js";
import { type CompetitionScores, comparePaired, describeComparison } from "../stats/paired-comparison.js";
import { createRandom } from "../stats/random.js";
import { ReportStore } from "../test-support/report-store.js";
import { compareAgents } from "./compare-agents.js";
import { compareReport } from "./compare-report.js";

let store: ReportStore;
afterEach(() => store?.dispose());

describe("bench compare A B", () => {
  it("pairs per-competition mean medal rates and reports comparePaired's numbers and sentence", () => {
    store = new ReportStore();
    const random = createRandom(7);
    const a = store.agent("aide");
    const b = store.agent("mlab");
    const competitions = Array.from({ length: 12 }, (_, i) =>
      store.competition(`comp-${i}`, { splits: ["low"] }),
    );
    store.competition("rebench-task", { kind: "rebench" });
    const expected: Record<string, CompetitionScores[]> = { aide: [], mlab: [] };
    for (const [name, agentId, skill] of [
      ["aide", a, 0.6],
      ["mlab", b, 0.3],
    ] as const) {
      for (const competition of competitions) {
        const scores: number[] = [];
        for (let seed = 0; seed < 3; seed++) {
          const medal = random.next() < skill;
          store.run({ agentId, competitionId: competition, seed, bronze: medal });
          scores.push(medal ? 100 : 0);
        }
        expected[name]!.push({ competition, scores });
      }
      // Not an MLE-bench competition: its flags must not enter a medal comparison.
      store.run({ agentId, competitionId: "rebench-task", normalizedScore: 0.5 });
    }
    const result = compareAgents(store.db, {
      a: "aide",
      b: "mlab",
      metric: "any_medal",
      filter: store.filter(),
    });
    const reference = comparePaired(expected.aide!, expected.mlab!, { seed: 0 });
    expect(result.comparison).toEqual(reference);
    const report = compareReport(result);
    expect(report.notes[0]).toBe(
      describeComparison(reference, { nameA: "aide", nameB: "mlab", unit: "points", decimals: 1 }),
    );
    expect(report.notes[0]).toMatch(/^aide beats mlab by \d+\.\d points \(95% CI/);
    const summary = JSON.parse(renderReport(report, "json")).tables[0].rows[0];
    expect(summary).toMatchObject({
      a: "aide",
      b: "mlab",
      competitions: 12,
      difference: reference.meanDifference,
    });
    expect(summary.ci95).toEqual({ low: reference.interval.low, high: reference.interval.high });
    expect(summary.permutation_p).toBe(reference.permutationPValue);
  });

  it("compares RE-bench normalized scores seed by seed, failed runs counting 0, and lists what found no partner", () => {
    store = new ReportStore();
    const a = store.agent("aide");
    const b = store.agent("mlab");
    for (const task of ["t1", "t2", "t3"]) store.competition(task, { kind: "rebench" });
    store.run({ agentId: a, competitionId: "t1", seed: 0, normalizedScore: 0.8 });
    store.run({ agentId: a, competitionId: "t1", seed: 1, normalizedScore: null });
    store.run({ agentId: b, competitionId: "t1", seed: 0, normalizedScore: 0.2 });
    store.run({ agentId: b, competitionId: "t1", seed: 1, normalizedScore: 0.2 });
    store.run({ agentId: a, competitionId: "t2", seed: 0, normalizedScore: 1.2 });
    store.run({ agentId: b, competitionId: "t2", seed: 0, normalizedScore: 0.9 });
    // Seed 1 of t2 only mlab ran: without a partner it must not pull mlab's mean down.
    store.run({ agentId: b, competitionId: "t2", seed: 1, normalizedScore: 0 });
    store.run({ agentId: a, competitionId: "t3", seed: 0, normalizedScore: 0.5 });
    const result = compareAgents(store.db, {
      a: "aide",
      b: "mlab",
      metric: "normalized_score",
      filter: store.filter(),
    });
    expect(result.comparison.differences.map((d) => [d.competition, d.meanA, d.meanB])).toEqual([
      ["t1", 0.4, 0.2],
      ["t2", 1.2, 0.9],
    ]);
    const unpaired = JSON.parse(renderReport(compareReport(result), "json")).tables.find(
      (table: { id: string }) => table.id === "unpaired",
    ).rows;
    expect(unpaired).toEqual([
      { competition: "t2", side: "B (mlab)", seeds: "1", runs: 1, reason: "seeds mlab has and aide has not" },
      { competition: "t3", side: "A (aide)", seeds: "0", runs: 1, reason: "only aide ran it" },
    ]);
  });

  it("asks for one version when a name has several, and for the right metric when nothing is shared", () => {
    store = new ReportStore();
    store.agent("aide", { version: "1" });
    store.agent("aide", { version: "2" });
    const m = store.agent("mlab");
    store.competition("c");
    store.competition("t", { kind: "rebench" });
    store.run({ agentId: m, competitionId: "c" });
    expect(() =>
      compareAgents(store.db, { a: "aide", b: "mlab", metric: "any_medal", filter: store.filter() }),
    ).toThrow(/"aide" names 2 versions.*/);
    const [v1, v2] = store.filter().agents.filter((agent) => agent.name === "aide");
    store.run({ agentId: v1!.id, competitionId: "t", normalizedScore: 1 });
    store.run({ agentId: v2!.id, competitionId: "t", normalizedScore: 0 });
    expect(() =>
      compareAgents(store.db, { a: "aide@1", b: "aide@2", metric: "any_medal", filter: store.filter() }),
    ).toThrow(/share no graded MLE-bench competition/);
    const result = compareAgents(store.db, {
      a: "aide@1",
      b: "aide@2",
      metric: "normalized_score",
      filter: store.filter(),
    });
    expect(result.comparison.meanDifference).toBe(1);
  });

  it("compares each agent of two multi-agent sweeps with itself, and reads names by one stated rule", () => {
    store = new ReportStore();
    const p = store.agent("p");
    const q = store.agent("q");
    store.competition("c");
    for (const sweep of ["s1", "s2"]) store.sweep(sweep);
    // p keeps its medal, q loses it: pairing across agents would mix the two.
    store.run({ agentId: p, competitionId: "c", sweepId: "s1", seed: 1, gold: true });
    store.run({ agentId: q, competitionId: "c", sweepId: "s1", seed: 1, gold: true });
    store.run({ agentId: p, competitionId: "c", sweepId: "s2", seed: 1, gold: true });
    store.run({ agentId: q, competitionId: "c", sweepId: "s2", seed: 1 });
    const sweeps = compareAgents(store.db, {
      a: "@s1",
      b: "@s2",
      metric: "any_medal",
      filter: store.filter(),
    });
    expect(sweeps.comparison.differences.map((d) => [d.competition, d.meanA, d.meanB])).toEqual([
      ["p/c", 100, 100],
      ["q/c", 100, 0],
    ]);
    expect(sweeps.sideA.description).toBe("sweep s1 (agents: p, q)");

    const inSweep = compareAgents(store.db, {
      a: "q@s1",
      b: "q@s2",
      metric: "any_medal",
      filter: store.filter(),
    });
    expect(inSweep.sideB).toMatchObject({ kind: "agent-in-sweep", description: "agent q in sweep s2" });
    expect(inSweep.regression.drop).toBe(100);

    // A sweep named like an agent: the bare name is the agent (and says so), @name the sweep.
    store.sweep("p");
    store.run({ agentId: q, competitionId: "c", sweepId: "p", seed: 1, gold: true });
    const agent = compareAgents(store.db, { a: "p", b: "@p", metric: "any_medal", filter: store.filter() });
    expect(agent.sideA.description).toBe("agent p, all its runs (a sweep p exists too: write @p for it)");
    expect(agent.sideB.description).toBe("sweep p (agents: q)");

    // "r@2" as the version r@2 and as agent r in sweep 2: refused, not guessed.
    const r1 = store.agent("r", { version: "1" });
    const r2 = store.agent("r", { version: "2" });
    store.sweep("2");
    store.run({ agentId: r1, competitionId: "c", sweepId: "2", seed: 1 });
    store.run({ agentId: r2, competitionId: "c", seed: 1 });
    expect(() =>
      compareAgents(store.db, { a: "r@2", b: "p", metric: "any_medal", filter: store.filter() }),
    ).toThrow(/"r@2" is ambiguous: it is the agent version r@2 and also agent r in sweep 2/);
    // Each reading has its own unambiguous spelling, as the hint says.
    expect(() =>
      compareAgents(store.db, { a: "r@2", b: "p", metric: "any_medal", filter: store.filter() }),
    ).toThrow(
      expect.objectContaining({
        hint: "write r#hash-of-r-2 for the version, or r#hash-of-r-1@2 for the runs in sweep 2.",
      }),
    );
    const version = compareAgents(store.db, {
      a: "r#hash-of-r-2",
      b: "r#hash-of-r-1@2",
      metric: "any_medal",
      filter: store.filter(),
    });
    expect([version.sideA.description, version.sideB.description]).toEqual([
      "agent r@2, all its runs",
      "agent r#hash-of-r-1 in sweep 2",
    ]);
  });
});
