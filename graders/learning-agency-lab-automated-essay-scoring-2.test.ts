import { describe, expect, it } from "vitest";
import { grader } from "./learning-agency-lab-automated-essay-scoring-2.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = 'essay_id,full_text,score\na,"Text, with a comma",1\nb,"Two\n\nparagraphs",2\nc,x,3\nd,y,4\n';

describe("learning-agency-lab-automated-essay-scoring-2", () => {
  it("scores quadratic weighted kappa by essay_id; whole floats equal ints", () => {
    expect(expectValid(gradeCsv(grader, answers, "essay_id,score\nd,4.0\nc,3.0\nb,2.0\na,1.0\n")).score).toBe(
      1,
    );
  });

  it("accepts a score outside 1-6 as an extra label, with a note about the weights", () => {
    const outcome = expectValid(gradeCsv(grader, answers, "essay_id,score\na,1\nb,2\nc,3\nd,7\n"));
    expect(outcome.score).toBeLessThan(1);
    expect(outcome.notes.join(" ")).toMatch(/POSITIONS/);
  });

  it("rejects half scores, empty cells and text, as scikit-learn does", () => {
    expect(
      expectInvalid(gradeCsv(grader, answers, "essay_id,score\na,1\nb,2.5\nc,3\nd,4\n")).message,
    ).toMatch(/2\.5/);
    expect(expectInvalid(gradeCsv(grader, answers, "essay_id,score\na,1\nb,\nc,3\nd,4\n")).message).toMatch(
      /NaN/,
    );
    expect(
      expectInvalid(gradeCsv(grader, answers, "essay_id,score\na,1\nb,two\nc,3\nd,4\n")).message,
    ).toMatch(/"two"/);
  });
});
