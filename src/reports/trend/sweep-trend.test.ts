import { describe, expect, it } from "vitest";
import { summarizeSweep } from "./sweep-trend.js";

describe("summarizeSweep", () => {
  it("takes seeds as positions, each the mean over competitions, then mean ± SEM over seeds", () => {
    // Seed 1 medals on both competitions, seeds 2-4 on one of two: 100, 50, 50, 50.
    const result = summarizeSweep([
      ...[100, 100, 100, 100].map((value) => ({ competition: "a", value })),
      ...[100, 0, 0, 0].map((value) => ({ competition: "b", value })),
    ]);
    expect(result.perSeed).toEqual([100, 50, 50, 50]);
    expect(result.mean).toBe(62.5);
    expect(result.sem).toBeCloseTo(12.5, 12); // sample std 25 (n − 1), over √4
    expect(result).toMatchObject({ runs: 8, competitions: 2, seeds: 4, dropped: 0 });
  });

  it("counts only complete seeds, like the MLE-bench leaderboard, and says how many runs it dropped", () => {
    const result = summarizeSweep([
      { competition: "a", value: 1 },
      { competition: "a", value: 0.5 },
      { competition: "a", value: 0.2 },
      { competition: "b", value: 0 },
    ]);
    expect(result).toMatchObject({ seeds: 1, dropped: 2, perSeed: [0.5], mean: 0.5, sem: 0 });
  });
});
