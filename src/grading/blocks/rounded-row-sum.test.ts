import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { requireRowsRoundToOne, roundsToOne } from "./rounded-row-sum.js";

describe("rows that sum to 1 after pandas' round(6) (lmsys)", () => {
  it("accepts |sum - 1| up to about 5e-7 and rejects beyond", () => {
    expect(roundsToOne(1, 6)).toBe(true);
    expect(roundsToOne(1 + 4e-7, 6)).toBe(true);
    expect(roundsToOne(1 - 4e-7, 6)).toBe(true);
    expect(roundsToOne(1 + 6e-7, 6)).toBe(false);
    expect(roundsToOne(1 - 1e-5, 6)).toBe(false);
    expect(roundsToOne(0.3333333333333333 * 3, 6)).toBe(true);
    expect(roundsToOne(Number.NaN, 6)).toBe(false);
  });

  it("names the row and the sum", () => {
    const frame = parseCsv("a,b\n0.5,0.5\n0.5,0.501\n", "sub.csv");
    const columns = [Float64Array.of(0.5, 0.5), Float64Array.of(0.5, 0.501)];
    expect(() => requireRowsRoundToOne(frame, ["a", "b"], columns, 6)).toThrow(InvalidSubmission);
    expect(() => requireRowsRoundToOne(frame, ["a", "b"], columns, 6)).toThrow(/row 2 \(line 3\).*1\.001/);
  });
});
