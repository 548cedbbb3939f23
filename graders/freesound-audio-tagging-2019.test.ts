import { describe, expect, it } from "vitest";
import { grader } from "./freesound-audio-tagging-2019.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = "fname,A,B,C\nx.wav,1,0,0\ny.wav,0,1,1\n";

describe("freesound-audio-tagging-2019", () => {
  it("computes lwlrap with rows paired by fname and ties counted against the label", () => {
    // y: B and C tied with A at 0.5 -> each rank 3, 2 true at or above -> 2/3; x: A ranked 1st -> 1
    const sub = "fname,A,B,C\ny.wav,0.5,0.5,0.5\nx.wav,0.9,0.1,0.2\n";
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBeCloseTo((1 + 2 * (2 / 3)) / 3, 15);
  });

  it("requires the sample's exact layout: fname first, classes in vocabulary order, nothing else", () => {
    expect(
      expectInvalid(gradeCsv(grader, answers, "fname,B,A,C\nx.wav,0,1,0\ny.wav,1,0,1\n")).message,
    ).toMatch(/"B" as column 2, where "A" should be/);
    expect(
      expectInvalid(gradeCsv(grader, answers, "fname,A,B,C,D\nx.wav,0,1,0,0\ny.wav,1,0,1,0\n")).message,
    ).toMatch(/after the last class/);
  });

  it("accepts any real scores, negative ones included, and rejects text and NaN", () => {
    expect(expectValid(gradeCsv(grader, answers, "fname,A,B,C\nx.wav,-1,-5,-3\ny.wav,-9,4,3\n")).score).toBe(
      1,
    );
    expect(
      expectInvalid(gradeCsv(grader, answers, "fname,A,B,C\nx.wav,1,abc,0\ny.wav,0,1,1\n")).message,
    ).toMatch(/"abc"/);
    expect(
      expectInvalid(gradeCsv(grader, answers, "fname,A,B,C\nx.wav,1,,0\ny.wav,0,1,1\n")).message,
    ).toMatch(/NaN/);
  });
});
