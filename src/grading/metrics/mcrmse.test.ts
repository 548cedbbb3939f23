import { describe, expect, it } from "vitest";
import { mcrmse } from "./mcrmse.js";
import { metricError } from "./test-support/expect-metric-error.js";

describe("mcrmse", () => {
  it("is the mean of the per-column RMSEs", () => {
    // column 1: errors 3, 4 -> sqrt(12.5); column 2: exact -> 0
    expect(
      mcrmse(
        [
          [0, 0],
          [1, 2],
        ],
        [
          [3, 4],
          [1, 2],
        ],
      ),
    ).toBeCloseTo(Math.sqrt(12.5) / 2, 15);
  });

  it("names the column that holds a non-finite value", () => {
    const error = metricError(() => mcrmse([[0], [0]], [[1], [Number.NaN]]));
    expect(error.column).toBe(1);
    expect(error.position).toBe(0);
  });
});
