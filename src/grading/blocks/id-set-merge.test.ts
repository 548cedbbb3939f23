import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { MetricInputError } from "../metrics/metric-input-error.js";
import { alignBySetThenMerge, mergedPairs, repeatedIdsNote } from "./id-set-merge.js";

const answers = parseCsv("id,y\n10,1\n20,2\n30,3\n", "answers.csv");
const columns = { idColumn: "id", targetColumn: "y" };

function rejection(text: string): InvalidSubmission {
  try {
    alignBySetThenMerge(
      parseCsv(text, "submission.csv"),
      answers,
      columns,
      (p) => `pairs ${p.answerRows.length}`,
    );
  } catch (error) {
    if (error instanceof InvalidSubmission) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("alignBySetThenMerge", () => {
  it("pairs each answers row with the submission row of its id (ints match floats)", () => {
    const sub = parseCsv("y,id\n3,30.0\n1,10.0\n2,20.0\n", "submission.csv");
    expect(Array.from(alignBySetThenMerge(sub, answers, columns, () => ""))).toEqual([1, 2, 0]);
  });

  it("rejects a repeated id that the reference accepts, with the reference's pairs in the note", () => {
    const error = rejection("id,y\n10,1\n20,2\n30,3\n20,5\n");
    expect(error.message).toMatch(/id 20 at row 4 .*first at row 2.* is repeated/);
    expect(error.referenceNote).toBe("pairs 4");
  });

  it("rejects a different id set like the reference, naming the ids", () => {
    expect(rejection("id,y\n10,1\n20,2\n40,3\n").message).toMatch(/40/);
    expect(rejection("id,y\n10,1\n20,2\n").message).toMatch(/missing: 30/);
  });

  it("checks the target column before the id column, as the reference does", () => {
    expect(rejection("x\n1\n").message).toMatch(/missing column "y"/);
    expect(rejection("y\n1\n").message).toMatch(/missing column "id"/);
  });
});

describe("mergedPairs", () => {
  it("lists every copy of an id, in answers order then submission order (an inner merge)", () => {
    const sub = parseCsv("id,y\n20,1\n10,2\n20,3\n30,4\n", "submission.csv");
    const pairs = mergedPairs(sub, answers, "id");
    expect(Array.from(pairs.answerRows)).toEqual([0, 1, 1, 2]);
    expect(Array.from(pairs.submissionRows)).toEqual([1, 0, 2, 3]);
  });
});

describe("repeatedIdsNote", () => {
  it("states the number the reference would report", () => {
    expect(repeatedIdsNote(() => 12.5)).toMatch(
      /accepts repeated ids .*scores each copy: it would report 12\.5\.$/,
    );
  });

  it("says the reference would still reject the file when scoring fails as the reference's would", () => {
    expect(
      repeatedIdsNote(() => {
        throw new InvalidSubmission("a prediction is not a number");
      }),
    ).toMatch(/; here it would still reject the file \(a prediction is not a number\)\.$/);
    expect(
      repeatedIdsNote(() => {
        throw new MetricInputError("Input contains NaN.");
      }),
    ).toMatch(/still reject the file \(Input contains NaN\.\)/);
    expect(() =>
      repeatedIdsNote(() => {
        throw new TypeError("a bug");
      }),
    ).toThrow(TypeError);
  });
});
