import { describe, expect, it } from "vitest";
import { grader } from "./AI4Code.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers = "id,cell_order\nn1,a b c d\nn2,x y\nn3,solo\n";

describe("AI4Code", () => {
  it("pools inversions over notebooks: 1 - 4 * sum(inversions) / sum(n(n-1))", () => {
    // n1: one swap (1 inversion, 12 pairs); n2: reversed (1 inversion, 2 pairs); n3 adds nothing.
    const outcome = expectValid(gradeCsv(grader, answers, "id,cell_order\nn2,y x\nn1,a c b d\nn3,solo\n"));
    expect(outcome.score).toBe(1 - (4 * 2) / 14);
  });

  it("splits on any whitespace, as Python's str.split()", () => {
    const sub = 'id,cell_order\nn1,"  a\tb\n c   d "\nn2,x y\nn3,solo\n';
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBe(1);
  });

  it("requires each notebook's cells exactly once, case-sensitively", () => {
    expect(
      expectInvalid(gradeCsv(grader, answers, "id,cell_order\nn1,a b c\nn2,x y\nn3,solo\n")).message,
    ).toMatch(/lists 3 cell id\(s\), but the notebook has 4/);
    expect(
      expectInvalid(gradeCsv(grader, answers, "id,cell_order\nn1,a b c c\nn2,x y\nn3,solo\n")).message,
    ).toMatch(/cell "d" .*"c" is listed twice/);
    expect(
      expectInvalid(gradeCsv(grader, answers, "id,cell_order\nn1,a b c D\nn2,x y\nn3,solo\n")).message,
    ).toMatch(/cell "d"/);
  });

  it("rejects answers where no notebook has two cells (the reference divides by zero)", () => {
    const single = "id,cell_order\nn1,a\nn2,b\n";
    expect(expectInvalid(gradeCsv(grader, single, single)).message).toMatch(/at most one item/);
  });
});
