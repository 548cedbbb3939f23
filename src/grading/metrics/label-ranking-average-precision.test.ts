import { describe, expect, it } from "vitest";
import { labelWeightedLrap } from "./label-ranking-average-precision.js";
import { metricError } from "./test-support/expect-metric-error.js";

describe("labelWeightedLrap", () => {
  it("gives scikit-learn's documented example (one true label per row: weights are all 1)", () => {
    // label_ranking_average_precision_score([[1, 0, 0], [0, 0, 1]], [[0.75, 0.5, 1], [1, 0.2, 0.1]])
    expect(labelWeightedLrap([1, 0, 0, 0, 0, 1], [0.75, 0.5, 1, 1, 0.2, 0.1], 3)).toBeCloseTo(5 / 12, 15);
  });

  it("weighs each row by its number of true labels", () => {
    // row 1: true {0, 1}, scores rank them 1st and 3rd: precisions 1/1 and 2/3 -> mean 5/6, weight 2
    // row 2: true {2}, ranked 2nd: 1/2, weight 1
    const score = labelWeightedLrap([1, 1, 0, 0, 0, 1], [0.9, 0.1, 0.5, 0.3, 0.1, 0.2], 3);
    expect(score).toBeCloseTo((2 * (5 / 6) + 0.5) / 3, 15);
  });

  it("counts ties against the true label", () => {
    // every score equal: rank 3 for each true label, 2 true labels at or above: 2/3
    expect(labelWeightedLrap([1, 1, 0], [0.5, 0.5, 0.5], 3)).toBeCloseTo(2 / 3, 15);
  });

  it("scores a row whose labels are all true as 1, and skips rows with none", () => {
    expect(labelWeightedLrap([1, 1, 1, 0, 0, 0], [0, 5, 1, 3, 2, 1], 3)).toBe(1);
  });

  it("rejects NaN and infinite scores and mismatched shapes", () => {
    expect(metricError(() => labelWeightedLrap([1, 0], [Number.NaN, 1], 2)).position).toBe(0);
    metricError(() => labelWeightedLrap([1, 0], [1, Number.POSITIVE_INFINITY], 2));
    metricError(() => labelWeightedLrap([1, 0, 0], [1, 0], 2));
  });
});
