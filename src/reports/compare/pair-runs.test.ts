import { describe, expect, it } from "vitest";
import { pairRuns, type SideRun } from "./pair-runs.js";

const run = (competition: string, seed: number, value: number, agent = "x"): SideRun => ({
  agent,
  competition,
  seed,
  value,
});

describe("pairRuns", () => {
  it("pairs seed with seed and lists competitions and seeds only one side has", () => {
    const a = [run("c1", 1, 100), run("c1", 2, 0), run("c1", 3, 100), run("c2", 1, 0)];
    const b = [run("c1", 1, 0), run("c1", 2, 0), run("c1", 4, 100), run("c3", 1, 100), run("c3", 2, 0)];
    const { pairs, units, unpaired } = pairRuns(a, b);
    expect(pairs).toEqual([
      { unit: "c1", seed: 1, a: 100, b: 0 },
      { unit: "c1", seed: 2, a: 0, b: 0 },
    ]);
    expect(units).toEqual(["c1"]);
    expect(unpaired).toEqual([
      { unit: "c1", side: "A", seeds: [3], wholeUnit: false },
      { unit: "c1", side: "B", seeds: [4], wholeUnit: false },
      { unit: "c2", side: "A", seeds: [1], wholeUnit: true },
      { unit: "c3", side: "B", seeds: [1, 2], wholeUnit: true },
    ]);
  });

  it("pairs the k-th run of a seed with the k-th, and keeps the extra ones apart", () => {
    const a = [run("c", 0, 1), run("c", 0, 2), run("c", 0, 3)];
    const b = [run("c", 0, 10), run("c", 0, 20)];
    const { pairs, unpaired } = pairRuns(a, b);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect(unpaired).toEqual([{ unit: "c", side: "A", seeds: [0], wholeUnit: false }]);
  });

  it("pairs each agent with itself when asked, so two agents' runs never meet", () => {
    const a = [run("c", 1, 100, "p"), run("c", 1, 0, "q")];
    const b = [run("c", 1, 0, "p"), run("c", 1, 0, "r")];
    const { pairs, unpaired } = pairRuns(a, b, { byAgent: true });
    expect(pairs).toEqual([{ unit: "p/c", seed: 1, a: 100, b: 0 }]);
    expect(unpaired.map((u) => [u.unit, u.side])).toEqual([
      ["q/c", "A"],
      ["r/c", "B"],
    ]);
  });
});
