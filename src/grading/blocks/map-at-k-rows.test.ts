import { describe, expect, it } from "vitest";
import { meanAveragePrecision, rowAveragePrecision } from "./map-at-k-rows.js";

describe("MLE-bench MAP@k on token rows", () => {
  it("divides by the size of the de-duplicated answer set", () => {
    // actual {a} (written twice): a at rank 1 -> 1, not 1/2
    expect(rowAveragePrecision(["a", "a"], ["a"], 12)).toBe(1);
  });
  it("lets a repeated token occupy its rank without scoring twice", () => {
    // a a b vs {a, b}: (1/1 + 2/3) / 2
    expect(rowAveragePrecision(["a", "b"], ["a", "a", "b"], 12)).toBeCloseTo((1 + 2 / 3) / 2, 15);
  });
  it("counts only the first k tokens, empty tokens included", () => {
    expect(rowAveragePrecision(["x"], ["", "", "", "", "", "x"], 5)).toBe(0);
    expect(rowAveragePrecision(["x"], ["", "x"], 5)).toBe(0.5);
  });
  it("averages rows", () => {
    const actual = [["a"], ["b"]];
    const predicted = [["a"], ["c", "b"]];
    expect(
      meanAveragePrecision(
        2,
        (r) => actual[r]!,
        (r) => predicted[r]!,
        5,
      ),
    ).toBe(0.75);
  });
});
