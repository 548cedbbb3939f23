import { describe, expect, it } from "vitest";
import { MetricInputError } from "./metric-input-error.js";
import { weightedMultilabelLogLoss } from "./weighted-multilabel-log-loss.js";

const WEIGHTS = { positive: [14, 2], negative: [7, 1] };

describe("weightedMultilabelLogLoss (rsna-2022)", () => {
  it("is the per-sample weighted mean, then the plain mean over samples (hand-computed)", () => {
    // sample 0: y = (1, 0), p = (0.5, 0.5): both losses ln 2 -> ln 2
    // sample 1: y = (0, 1), p = (0.5, 0.9): (7 ln 2 + 2 (-ln 0.9)) / 9
    const score = weightedMultilabelLogLoss([1, 0, 0, 1], [0.5, 0.5, 0.5, 0.9], WEIGHTS);
    const expected = (Math.LN2 + (7 * Math.LN2 - 2 * Math.log(0.9)) / 9) / 2;
    expect(score).toBeCloseTo(expected, 14);
  });

  it("clips at 1e-15, not machine epsilon", () => {
    expect(weightedMultilabelLogLoss([1, 1], [0, 0], WEIGHTS)).toBeCloseTo(-Math.log(1e-15), 10);
  });

  it("rejects labels other than 0/1 and shapes that are not n x k", () => {
    expect(() => weightedMultilabelLogLoss([2, 0], [0.5, 0.5], WEIGHTS)).toThrow(MetricInputError);
    expect(() => weightedMultilabelLogLoss([1, 0, 1], [0.5, 0.5, 0.5], WEIGHTS)).toThrow(MetricInputError);
  });
});
