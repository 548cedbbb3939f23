import { describe, expect, it } from "vitest";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";
import { grader } from "./ventilator-pressure-prediction.js";

const answers =
  "id,breath_id,R,C,time_step,u_in,u_out,pressure\n1,7,20,50,0,1.5,0,10\n2,7,20,50,0.03,2.5,0,12\n3,7,20,50,0.06,0,1,6\n";

describe("ventilator-pressure-prediction", () => {
  it("scores MAE on inspiratory rows only (u_out = 0); anything goes on the others", () => {
    expect(expectValid(gradeCsv(grader, answers, "id,pressure\n3,oops\n2,13\n1,8\n")).score).toBe(1.5);
    expect(expectValid(gradeCsv(grader, answers, "id,pressure\n1.0,10\n2.0,12\n3.0,\n")).score).toBe(0);
  });

  it("rejects a missing or non-numeric pressure on an inspiratory row", () => {
    expect(expectInvalid(gradeCsv(grader, answers, "id,pressure\n1,\n2,12\n3,6\n")).message).toMatch(/NaN/);
    expect(expectInvalid(gradeCsv(grader, answers, "id,pressure\n1,x\n2,12\n3,6\n")).message).toMatch(/"x"/);
  });
});
