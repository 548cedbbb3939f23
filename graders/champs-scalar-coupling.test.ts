import { describe, expect, it } from "vitest";
import { grader } from "./champs-scalar-coupling.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers =
  "id,molecule_name,atom_index_0,atom_index_1,type,scalar_coupling_constant\n5,m1,0,1,1JHC,80\n6,m1,0,2,2JHH,-10\n7,m2,1,2,1JHC,90\n8,m2,1,3,2JHH,-12\n";

describe("champs-scalar-coupling", () => {
  it("averages ln(MAE) over the answers' coupling types, ignoring a submitted type column", () => {
    const sub = "id,scalar_coupling_constant,type\n5,81,3JHN\n7,92,3JHN\n6,-10.5,3JHN\n8,-11.5,3JHN\n";
    // 1JHC: (1 + 2) / 2 = 1.5; 2JHH: 0.5
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBeCloseTo(
      (Math.log(1.5) + Math.log(0.5)) / 2,
      14,
    );
  });

  it("reports -Infinity (no 1e-9 floor) when a type is predicted exactly, with a note", () => {
    const outcome = expectValid(
      gradeCsv(grader, answers, "id,scalar_coupling_constant\n5,80\n6,-9\n7,90\n8,-12\n"),
    );
    expect(outcome.score).toBe(Number.NEGATIVE_INFINITY);
    expect(outcome.notes.join(" ")).toMatch(/1JHC.*-Infinity/);
  });

  it("matches ids written as floats", () => {
    const sub = "id,scalar_coupling_constant\n5.0,81\n6.0,-11\n7.0,91\n8.0,-13\n";
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBeCloseTo(0, 14);
  });

  it("rejects a repeated id that the reference scores twice, stating the reference's number", () => {
    const sub = "id,scalar_coupling_constant\n5,81\n6,-11\n7,91\n8,-13\n5,84\n";
    const error = expectInvalid(gradeCsv(grader, answers, sub));
    expect(error.message).toMatch(/id 5 .* is repeated/);
    // the reference's 1JHC errors: 1, 4, 1 -> MAE 2; 2JHH: 1 -> (ln 2 + ln 1) / 2
    expect("referenceNote" in error && error.referenceNote).toMatch(/would report 0\.34657/);
  });
});
