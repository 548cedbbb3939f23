import { describe, expect, it } from "vitest";
import { MetricInputError } from "./metric-input-error.js";
import { insertTprPoint, rocCurvePoints, weightedBandAuc } from "./weighted-band-auc.js";

describe("weightedBandAuc (alaska2)", () => {
  it("is 1 for a perfect ranking and 0 for a reversed one", () => {
    const y = [1, 1, 0, 0, 1, 0];
    const s = [0.9, 0.8, 0.1, 0.2, 0.7, 0.3];
    expect(weightedBandAuc(y, s)).toBeCloseTo(1, 12);
    expect(
      weightedBandAuc(
        y,
        s.map((v) => -v),
      ),
    ).toBeCloseTo(0, 12);
  });

  it("gives the diagonal's value for a constant prediction", () => {
    // ROC = diagonal: A[0,0.4] = 0.4 - 0.4^2/2 = 0.32, A[0.4,1] = 0.6^2/2 = 0.18; (2*0.32 + 0.18)/1.4.
    const y = [1, 0, 1, 0, 1, 0, 0, 1];
    expect(weightedBandAuc(y, new Array(8).fill(0.5))).toBeCloseTo((2 * 0.32 + 0.18) / 1.4, 12);
  });

  it("weights the low-TPR band twice (hand-computed)", () => {
    // 5 positives, 5 negatives; order (highest first): P N P P P N P N N N.
    // ROC points (FPR, TPR): (0,0) (0,.2) (.2,.2) (.2,.8) (.4,.8) (.4,1) (1,1); TPR 0.4 lies on the
    // vertical segment at FPR 0.2. A[0,0.4] = 0.2*0.2 + 0.8*0.4 = 0.36; A[0.4,1] = 0.8*0.4 + 0.6*0.2 = 0.44.
    const y = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0];
    const s = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(weightedBandAuc(y, s)).toBeCloseTo((2 * 0.36 + 0.44) / 1.4, 12);
  });

  it("interpolates the TPR 0.4 point on a sloped segment", () => {
    const { fpr, tpr } = insertTprPoint(Float64Array.of(0, 0.5, 1), Float64Array.of(0, 0.8, 1), 0.4);
    expect([...tpr]).toEqual([0, 0.4, 0.8, 1]);
    expect(fpr[1]).toBeCloseTo(0.25, 15);
    // already present: unchanged
    expect(insertTprPoint(Float64Array.of(0, 1), Float64Array.of(0.4, 1), 0.4).fpr.length).toBe(2);
  });

  it("keeps one ROC point per distinct score and drops collinear ones", () => {
    const { fpr, tpr } = rocCurvePoints([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]);
    expect([...fpr]).toEqual([0, 1]);
    expect([...tpr]).toEqual([0, 1]);
  });

  it("rejects what roc_curve rejects", () => {
    expect(() => weightedBandAuc([0, 0, 0], [0.1, 0.2, 0.3])).toThrow(MetricInputError);
    expect(() => weightedBandAuc([0, 1], [0.1, Number.NaN])).toThrow(MetricInputError);
    expect(() => weightedBandAuc([0, 2], [0.1, 0.2])).toThrow(MetricInputError);
  });

  it("is NaN when there is no negative label, as scikit-learn's FPR is 0/0", () => {
    expect(weightedBandAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  it("handles 200,000 rows in n log n time", () => {
    const n = 200_000;
    const y = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
    const s = Float64Array.from({ length: n }, (_, i) => ((i * 104729) % 1000) / 1000 + y[i]! * 0.1);
    const start = performance.now();
    const score = weightedBandAuc(y, s);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(score).toBeGreaterThan(0.5);
  });
});
