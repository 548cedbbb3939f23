import { describe, expect, it } from "vitest";
import { microF1, multilabelCounts } from "./multilabel-micro-f1.js";

function score(actual: string[][], predicted: string[][], vocabulary?: Set<string>): number {
  return microF1(
    multilabelCounts(
      actual.length,
      (r) => actual[r]!,
      (r) => predicted[r]!,
      vocabulary,
    ),
  );
}

describe("multilabel micro F1", () => {
  it("pools true positives, false positives and false negatives over rows", () => {
    // TP: a (row 0), c (row 1); FP: b (row 1); FN: b (row 0), d (row 1)
    const counts = multilabelCounts(
      2,
      (r) =>
        [
          ["a", "b"],
          ["c", "d"],
        ][r]!,
      (r) => [["a"], ["c", "b"]][r]!,
    );
    expect(counts).toEqual({ tp: 2, fp: 1, fn: 2 });
    expect(microF1(counts)).toBeCloseTo(4 / 7, 15);
  });

  it("drops tokens unknown to the answers and counts repeated tokens once", () => {
    expect(
      score(
        [["a"], ["b"]],
        [
          ["a", "zzz", "a"],
          ["b", "A"],
        ],
      ),
    ).toBe(1);
  });

  it("uses the given vocabulary instead of the answers' tokens", () => {
    expect(score([["a"]], [["a", "b"]], new Set(["a", "b"]))).toBeCloseTo(2 / 3, 15);
  });

  it("is 0 when nothing is set anywhere", () => {
    expect(score([[], []], [[], ["x"]])).toBe(0);
  });
});
