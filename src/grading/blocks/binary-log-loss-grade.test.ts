import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { gradeBinaryLogLoss } from "./binary-log-loss-grade.js";

const answers = parseCsv("key,y\na,1\nb,0\nc,1\n", "answers.csv");
const grade = (text: string) => gradeBinaryLogLoss(parseCsv(text, "submission.csv"), answers, "key", "y");

describe("gradeBinaryLogLoss", () => {
  it("scores the mean binary log loss, rows paired by id in any order", () => {
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3;
    expect(grade("key,y\na,0.9\nb,0.2\nc,0.6\n").score).toBeCloseTo(expected, 12);
    expect(grade("y,key\n0.6,c\n0.9,a\n0.2,b\n").score).toBeCloseTo(expected, 12);
  });

  it("clips hard 0/1 predictions instead of failing: a wrong one costs about 36.04", () => {
    expect(grade("key,y\na,0\nb,0\nc,1\n").score).toBeCloseTo(36.04 / 3, 2);
  });

  it("rejects a missing column, another row count, a repeated id, NaN and values outside [0, 1]", () => {
    for (const text of [
      "key,p\na,0.5\nb,0.5\nc,0.5\n",
      "id,y\na,0.5\nb,0.5\nc,0.5\n",
      "key,y\na,0.5\nb,0.5\n",
      "key,y\na,0.5\na,0.5\nc,0.5\n",
      "key,y\na,0.5\nb,\nc,0.5\n",
      "key,y\na,0.5\nb,1.5\nc,0.5\n",
    ])
      expect(() => grade(text), text).toThrow(InvalidSubmission);
  });
});
