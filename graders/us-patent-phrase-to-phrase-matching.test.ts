import { describe, expect, it } from "vitest";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";
import { grader } from "./us-patent-phrase-to-phrase-matching.js";

const answers = "id,anchor,target,context,score\na,x,y,G01,0\nb,x,z,G01,0.5\nc,x,w,G02,1\n";

describe("us-patent-phrase-to-phrase-matching", () => {
  it("is unchanged by an affine rescaling of the predictions", () => {
    expect(expectValid(gradeCsv(grader, answers, "id,score\nc,3\nb,2\na,1\n")).score).toBeCloseTo(1, 15);
    expect(expectValid(gradeCsv(grader, answers, "id,score\nc,-7\nb,-3\na,1\n")).score).toBeCloseTo(-1, 15);
  });

  it("reports a valid NaN for a constant prediction (the sample), as the reference does", () => {
    expect(expectValid(gradeCsv(grader, answers, "id,score\na,0\nb,0\nc,0\n")).score).toBeNaN();
  });

  it("rejects an empty prediction, noting that the reference would report NaN", () => {
    const error = expectInvalid(gradeCsv(grader, answers, "id,score\na,0\nb,\nc,1\n"));
    expect("referenceNote" in error && error.referenceNote).toMatch(/NaN/);
  });
});
