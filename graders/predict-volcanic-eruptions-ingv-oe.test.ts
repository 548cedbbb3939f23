import { describe, expect, it } from "vitest";
import { grader } from "./predict-volcanic-eruptions-ingv-oe.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = "segment_id,time_to_eruption\n1,100\n2,200\n";

describe("predict-volcanic-eruptions-ingv-oe", () => {
  it("rounds the MAE half to even, as Python's round()", () => {
    expect(
      expectValid(gradeCsv(grader, answers, "segment_id,time_to_eruption\n1,102.5\n2,202.5\n")).score,
    ).toBe(2);
    expect(
      expectValid(gradeCsv(grader, answers, "segment_id,time_to_eruption\n1,103.5\n2,196.5\n")).score,
    ).toBe(4);
  });

  it("accepts negative predictions and ids written as floats", () => {
    expect(
      expectValid(gradeCsv(grader, answers, "segment_id,time_to_eruption\n2.0,-200\n1.0,-100\n")).score,
    ).toBe(300);
  });

  it("rejects a repeated id that the reference scores twice, stating the reference's number", () => {
    const error = expectInvalid(
      gradeCsv(grader, answers, "segment_id,time_to_eruption\n1,100\n2,200\n2,230\n"),
    );
    expect("referenceNote" in error && error.referenceNote).toMatch(/would report 10\./);
  });
});
