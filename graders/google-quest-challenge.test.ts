import { describe, expect, it } from "vitest";
import { grader } from "./google-quest-challenge.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = "qa_id,t1,t2\n1,0,1\n2,0.5,0.5\n3,1,0\n4,1,0.5\n";

describe("google-quest-challenge", () => {
  it("averages the columns' Spearman correlations, with average ranks for ties, rows paired by qa_id", () => {
    const sub = "t2,qa_id,t1\n0,3,0.9\n1,1,0.1\n0.6,4,0.8\n0.5,2,0.2\n";
    // t1: ranks (1, 2, 3.5, 3.5) vs (1, 2, 4, 3); t2: (4, 2.5, 1, 2.5) vs (4, 2, 1, 3): both 4.5 / sqrt(4.5 * 5)
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBeCloseTo(3 / Math.sqrt(10), 14);
  });

  it("reports a valid NaN when a prediction column is constant, as the reference does", () => {
    expect(
      expectValid(gradeCsv(grader, answers, "qa_id,t1,t2\n1,0.1,0\n2,0.2,0\n3,0.3,0\n4,0.4,0\n")).score,
    ).toBeNaN();
  });

  it("rejects wrong qa_ids that the reference pairs by sort order, stating its number", () => {
    const error = expectInvalid(
      gradeCsv(grader, answers, "qa_id,t1,t2\n11,0,1\n12,0.5,0.5\n13,1,0\n14,1,0.5\n"),
    );
    expect(error.message).toMatch(/not in the test set/);
    expect("referenceNote" in error && error.referenceNote).toMatch(/would report 1\./);
  });

  it("rejects any extra column, as the reference does", () => {
    expect(
      expectInvalid(gradeCsv(grader, answers, "qa_id,t1,t2,x\n1,0,1,0\n2,0.5,0.5,0\n3,1,0,0\n4,1,0.5,0\n"))
        .message,
    ).toMatch(/remove "x"/);
  });
});
