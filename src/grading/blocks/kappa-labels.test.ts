import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { quadraticKappaOfLabels } from "./kappa-labels.js";

const answers = parseCsv("id,g\na,0\nb,1\nc,2\nd,2\n", "answers.csv");
const kappa = (text: string, rowOf: number[]) =>
  quadraticKappaOfLabels(parseCsv(text, "submission.csv"), answers, {
    idColumn: "id",
    targetColumn: "g",
    rowOf: Int32Array.from(rowOf),
    notALabel: "which is not a grade; write 0-2.",
  });

describe("quadraticKappaOfLabels", () => {
  it("scores the submission rows in the order given, with the predictions as numbers", () => {
    const result = kappa("id,g\nd,2\nc,2\nb,1\na,0\n", [3, 2, 1, 0]);
    expect(result.score).toBe(1);
    expect(result.predicted).toEqual([0, 1, 2, 2]);
    expect(Array.from(result.truth)).toEqual([0, 1, 2, 2]);
    expect(result.present).toEqual([0, 1, 2]);
    expect(result.consecutive).toBe(true);
    // One step off on one row: (sum of weighted disagreements) below 1.
    expect(kappa("id,g\na,0\nb,1\nc,2\nd,1\n", [0, 1, 2, 3]).score).toBeLessThan(1);
    expect(kappa("id,g\na,2.0\nb,1\nc,2\nd,2\n", [0, 1, 2, 3]).predicted).toEqual([2, 1, 2, 2]);
    // A prediction outside the answers' labels joins the labels present and leaves a gap.
    const outside = kappa("id,g\na,0\nb,1\nc,2\nd,5\n", [0, 1, 2, 3]);
    expect(outside.present).toEqual([0, 1, 2, 5]);
    expect(outside.consecutive).toBe(false);
  });

  it("rejects a text label with the caller's advice, and NaN or non-whole labels", () => {
    expect(() => kappa("id,g\na,0\nb,x\nc,2\nd,2\n", [0, 1, 2, 3])).toThrow(
      /holds .*which is not a grade; write 0-2\./,
    );
    expect(() => kappa("id,g\na,0\nb,\nc,2\nd,2\n", [0, 1, 2, 3])).toThrow(InvalidSubmission);
    expect(() => kappa("id,g\na,0\nb,1.5\nc,2\nd,2\n", [0, 1, 2, 3])).toThrow(InvalidSubmission);
  });
});
