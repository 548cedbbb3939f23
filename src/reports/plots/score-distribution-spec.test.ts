import { describe, expect, it } from "vitest";
import { drawnRange, histogramBins, scoreDistributionSpec } from "./score-distribution-spec.js";

describe("histogramBins", () => {
  it("counts every value once, the maximum in the last (closed) bin", () => {
    const bins = histogramBins([0, 10], [0, 2.5, 5, 5, 10, 10], 4);
    expect(bins.map((b) => b.n)).toEqual([1, 1, 2, 2]);
    expect(bins[0]!.start).toBe(0);
    expect(bins[3]!.end).toBe(10);
    expect(bins.reduce((a, b) => a + b.n, 0)).toBe(6);
  });

  it("leaves out values outside the domain and non-finite ones", () => {
    expect(
      histogramBins([0, 1], [-1, 0.5, 2, Number.NaN, Number.POSITIVE_INFINITY], 2).map((b) => b.n),
    ).toEqual([0, 1]);
  });

  it("draws one bar around a single value", () => {
    expect(histogramBins([3, 3], [3, 3], 10)).toEqual([{ start: 2.5, end: 3.5, n: 2 }]);
    expect(histogramBins([], [], 10)).toEqual([]);
  });
});

describe("drawnRange", () => {
  it("drops the leaderboard's extreme 2% on each side but always shows runs and thresholds", () => {
    const board = Array.from({ length: 101 }, (_, i) => i / 100);
    board.push(1000);
    const [low, high] = drawnRange(board, [])!;
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1000);
    expect(drawnRange(board, [-5, 2000])).toEqual([-5, 2000]);
    expect(drawnRange([], [])).toBeNull();
    expect(drawnRange([], [0.7])).toEqual([0.7, 0.7]);
  });
});

describe("scoreDistributionSpec", () => {
  it("says how many outliers it left out, and reverses the axis when lower is better", () => {
    const board = [...Array.from({ length: 200 }, (_, i) => 0.2 + i / 1000), 30, 31, 32, 33, 34];
    const spec = scoreDistributionSpec({
      title: "t",
      leaderboard: board,
      runs: [{ agent: "a", score: 0.3 }],
      thresholds: { gold: 0.21, silver: null, bronze: 0.25 },
      lowerIsBetter: true,
    }) as { title: { subtitle: string[] }; layer: { encoding: { x: { scale: { reverse: boolean } } } }[] };
    expect(spec.title.subtitle.join(" ")).toMatch(/^\d+ leaderboard entries far outside/);
    expect(spec.layer).toHaveLength(3);
    expect(spec.layer[0]!.encoding.x.scale.reverse).toBe(true);
  });
});
