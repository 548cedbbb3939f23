import { afterEach, describe, expect, it } from "vitest";
import { renderReport } from "../format/render-report.js";
import { summarize } from "../stats/summary.js";
import { ReportStore } from "../test-support/report-store.js";
import { aggregateExceedsHumans, encodeExceeds } from "./exceeds-humans-aggregate.js";
import { leaderboardFromStore } from "./leaderboard-from-store.js";

describe("aggregateExceedsHumans", () => {
  it("averages over the split's competitions per seed, then mean ± SEM over seeds; none counts 0", () => {
    const runs = new Map([
      ["a", encodeExceeds(80) + encodeExceeds(60) + encodeExceeds(99)],
      ["b", encodeExceeds(null) + encodeExceeds(20.25)],
    ]);
    // Complete seeds: 2 (b has 2 runs); "c" has no run and counts 0 in every seed.
    const result = aggregateExceedsHumans(runs, ["a", "b", "c"], 2);
    expect(result.perSeed).toEqual([80 / 3, (60 + 20.25) / 3]);
    const expected = summarize(result.perSeed);
    expect(result.summary).toEqual({ mean: expected.mean, sem: expected.sem, seeds: 2, ci95: expected.ci95 });
    expect(result.withoutValue).toBe(1);
    // Padded to 3 seeds: b's missing third run counts 0.
    expect(aggregateExceedsHumans(runs, ["a", "b", "c"], 3).perSeed[2]).toBeCloseTo(99 / 3, 12);
  });

  it("packs a percentage in hundredths, clamped to 0..100", () => {
    for (const pct of [0, 0.01, 33.33, 99.99, 100]) {
      const [seed] = aggregateExceedsHumans(new Map([["a", encodeExceeds(pct)]]), ["a"], 1).perSeed;
      expect(seed).toBeCloseTo(pct, 10);
    }
    expect(encodeExceeds(12.345)).toBe(encodeExceeds(12.35));
  });
});

describe("bench report: the Exceeds humans column", () => {
  let store: ReportStore;
  afterEach(() => store?.dispose());

  it("reads every run's percentage from the store in seed order, and shows mean ± SEM per agent and split", async () => {
    store = new ReportStore();
    for (const id of ["a", "b"]) store.competition(id, { splits: ["low", "split75"] });
    const agent = store.agent("aide");
    const values: Record<string, (number | null)[]> = { a: [90.5, 10, 50], b: [null, 70.25, 30] };
    for (const [competitionId, pcts] of Object.entries(values)) {
      // Inserted in reverse seed order: the report must order them itself.
      pcts.forEach((_, i) => {
        const seed = pcts.length - 1 - i;
        store.run({
          agentId: agent,
          competitionId,
          runGroup: "g",
          seed,
          exceedsHumansPct: pcts[seed] ?? null,
        });
      });
    }
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: async () => ["a", "b"],
      split: "low",
    });
    const detail = JSON.parse(renderReport(report, "json")).tables.find(
      (t: { id: string }) => t.id === "detail",
    );
    const perSeed = [90.5 / 2, (10 + 70.25) / 2, (50 + 30) / 2];
    const { mean, sem } = summarize(perSeed);
    expect(detail.rows[0].exceeds_humans.mean).toBeCloseTo(mean, 10);
    expect(detail.rows[0].exceeds_humans.sem).toBeCloseTo(sem, 10);
    expect(detail.columns.map((c: { key: string }) => c.key)).toContain("exceeds_humans");
    expect(detail.footnotes.join(" ")).toMatch(/1 counted run had no exceeds-humans percentage/);
    expect(renderReport(report, "terminal")).toContain("Exceeds humans (%)");
  });
});
