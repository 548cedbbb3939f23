import { describe, expect, it } from "vitest";
import { grader } from "./stanford-covid-vaccine.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const header = "id_seqpos,reactivity,deg_Mg_pH10,deg_pH10,deg_Mg_50C,deg_50C";
const answers = `${header},keep\ns_0,1.0,2.0,9,3.0,9,True\ns_1,2.0,2.0,9,2.0,9,True\ns_2,0.0,0.0,0,0.0,0,False\n`;

describe("stanford-covid-vaccine", () => {
  it("scores MCRMSE over the three scored columns on kept rows only", () => {
    const sub = `${header}\ns_0,1.0,2.0,,3.0,\ns_1,4.0,2.0,,2.0,\ns_2,abc,,,,\n`;
    // reactivity RMSE sqrt(4 / 2); the other two 0
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBeCloseTo(Math.sqrt(2) / 3, 14);
  });

  it("aligns reordered rows by id_seqpos, and notes the reference's misaligned number", () => {
    const sub = `${header}\ns_2,0,0,0,0,0\ns_1,4.0,2.0,0,2.0,0\ns_0,1.0,2.0,0,3.0,0\n`;
    const outcome = expectValid(gradeCsv(grader, answers, sub));
    expect(outcome.score).toBeCloseTo(Math.sqrt(2) / 3, 14);
    expect(outcome.notes.join(" ")).toMatch(/by file position.*would report/);
  });

  it("rejects a non-number on a kept row, naming the column and row", () => {
    const sub = `${header}\ns_0,1.0,2.0,0,x,0\ns_1,4.0,2.0,0,2.0,0\ns_2,0,0,0,0,0\n`;
    expect(expectInvalid(gradeCsv(grader, answers, sub)).message).toMatch(/"deg_Mg_50C", row 1 .*"x"/);
  });
});
