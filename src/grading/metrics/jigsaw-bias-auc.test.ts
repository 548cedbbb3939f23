import { describe, expect, it } from "vitest";
import { jigsawBiasAuc } from "./jigsaw-bias-auc.js";
import { metricError } from "./test-support/expect-metric-error.js";

const u8 = (v: number[]) => Uint8Array.from(v);
// Two identities; every subgroup, BPSN and BNSP set holds both classes.
const truth = u8([1, 0, 1, 0, 1, 0, 1, 0]);
const g1 = u8([1, 1, 0, 0, 1, 1, 0, 0]);
const g2 = u8([0, 0, 1, 1, 1, 1, 0, 0]);

describe("jigsawBiasAuc", () => {
  it("is 1 for a perfect prediction and 0.5 for a constant one", () => {
    expect(jigsawBiasAuc(truth, truth, [g1, g2], ["g1", "g2"]).score).toBe(1);
    expect(jigsawBiasAuc(truth, u8([0, 0, 0, 0, 0, 0, 0, 0]), [g1, g2], ["g1", "g2"]).score).toBe(0.5);
  });

  it("takes a quarter of the overall AUC and of each family's -5 power mean", () => {
    // One wrong row (row 0 predicted 0): AUC on binary scores = (1 + TPR - FPR) / 2.
    const pred = u8([0, 0, 1, 0, 1, 0, 1, 0]);
    const detail = jigsawBiasAuc(truth, pred, [g1, g2], ["g1", "g2"]);
    expect(detail.overall).toBeCloseTo((1 + 3 / 4) / 2, 15);
    expect(detail.subgroup[0]).toBeCloseTo((1 + 1 / 2) / 2, 15); // rows 0,1,4,5: TPR 1/2
    expect(detail.subgroup[1]).toBe(1);
    const power = (v: readonly number[]) => ((v[0]! ** -5 + v[1]! ** -5) / 2) ** (-1 / 5);
    expect(detail.score).toBeCloseTo(
      0.25 * detail.overall +
        0.25 * power(detail.subgroup) +
        0.25 * power(detail.bpsn) +
        0.25 * power(detail.bnsp),
      15,
    );
  });

  it("makes a family's power mean 0 when one of its AUCs is 0", () => {
    const inverted = u8([0, 1, 0, 1, 0, 1, 0, 1]);
    const detail = jigsawBiasAuc(truth, inverted, [g1, g2], ["g1", "g2"]);
    expect(detail.overall).toBe(0);
    expect(detail.score).toBe(0);
  });

  it("fails, naming the set, when a subgroup holds one class only", () => {
    const onlyToxic = u8([1, 0, 1, 0, 0, 0, 0, 0]);
    expect(metricError(() => jigsawBiasAuc(truth, truth, [onlyToxic], ["muslim"])).message).toMatch(
      /subgroup "muslim"/,
    );
  });
});
