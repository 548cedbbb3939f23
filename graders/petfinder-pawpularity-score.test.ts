import { describe, expect, it } from "vitest";
import { grader } from "./petfinder-pawpularity-score.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = "Id,Eyes,Pawpularity\na,1,10\nb,0,100\nc,1,1\n";

describe("petfinder-pawpularity-score", () => {
  it("scores RMSE by Id; 1 and 100 are allowed", () => {
    const outcome = expectValid(gradeCsv(grader, answers, "Id,Pawpularity\nc,1\nb,100\na,13\n"));
    expect(outcome.score).toBeCloseTo(Math.sqrt(9 / 3), 14);
  });

  it("rejects predictions outside [1, 100] and empty ones, naming the row", () => {
    expect(expectInvalid(gradeCsv(grader, answers, "Id,Pawpularity\na,0.5\nb,100\nc,1\n")).message).toMatch(
      /row 1 .* is 0\.5; .* from 1 to 100/,
    );
    expect(expectInvalid(gradeCsv(grader, answers, "Id,Pawpularity\na,5\nb,\nc,1\n")).message).toMatch(
      /empty/,
    );
  });
});
