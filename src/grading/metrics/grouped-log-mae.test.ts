import { describe, expect, it } from "vitest";
import { groupedLogMae } from "./grouped-log-mae.js";
import { metricError } from "./test-support/expect-metric-error.js";

describe("groupedLogMae", () => {
  it("averages ln(MAE) over the groups, each group's MAE over its own rows", () => {
    const { score, groups } = groupedLogMae([1, 2, 3, 10], [2, 2, 5, 7], ["b", "a", "b", "a"]);
    // a: |2-2|, |7-10| -> 1.5; b: |2-1|, |5-3| -> 1.5
    expect(groups).toEqual([
      { group: "a", mae: 1.5 },
      { group: "b", mae: 1.5 },
    ]);
    expect(score).toBeCloseTo(Math.log(1.5), 15);
  });

  it("has no floor: an exact group gives -Infinity", () => {
    expect(groupedLogMae([1, 2], [1, 3], ["x", "y"]).score).toBe(Number.NEGATIVE_INFINITY);
    expect(groupedLogMae([1, 2], [1 + 1e-12, 2], ["x", "x"]).score).toBeLessThan(-20.7233);
  });

  it("rejects NaN or infinite predictions", () => {
    expect(metricError(() => groupedLogMae([1, 2], [1, Number.NaN], ["x", "y"])).position).toBe(1);
  });
});
