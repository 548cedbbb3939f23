import { describe, expect, it } from "vitest";
import { grader } from "./jigsaw-unintended-bias-in-toxicity-classification.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";
import { casesFor } from "./testing/regression-and-ranking-cases.js";

const { answers, cases } = casesFor("jigsaw-unintended-bias-in-toxicity-classification");
const random = cases.find((c) => c.label === "random")!.csv;

describe("jigsaw-unintended-bias-in-toxicity-classification", () => {
  it("thresholds predictions at 0.5: moving a value within its side does not change the score", () => {
    const base = expectValid(gradeCsv(grader, answers, random)).score;
    const squashed = random.replace(/,(\d\.\d+)$/gm, (_, v: string) => `,${Number(v) >= 0.5 ? 0.5 : 0.49}`);
    expect(squashed).not.toBe(random);
    expect(expectValid(gradeCsv(grader, answers, squashed)).score).toBe(base);
  });

  it("accepts a 'toxicity' column in place of 'prediction', with a note, and rejects both at once", () => {
    const renamed = random.replace(/^id,prediction/, "id,toxicity");
    const outcome = expectValid(gradeCsv(grader, answers, renamed));
    expect(outcome.notes.join(" ")).toMatch(/"toxicity" column/);
    const both = random
      .replace(/^id,prediction\n/, "id,prediction,toxicity\n")
      .replace(/^(\d+,[^,\n]+)$/gm, "$1,0");
    expect(expectInvalid(gradeCsv(grader, answers, both)).message).toMatch(
      /both "prediction" and "toxicity"/,
    );
  });

  it("rejects an empty prediction, which the reference counts as non-toxic, stating its number", () => {
    const lines = random.split("\n");
    lines[2] = `${lines[2]!.split(",")[0]},`;
    const error = expectInvalid(gradeCsv(grader, answers, lines.join("\n")));
    expect("referenceNote" in error && error.referenceNote).toMatch(
      /non-toxic \(0\) and would report 0\.\d+/,
    );
  });
});
