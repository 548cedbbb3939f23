import { describe, expect, it } from "vitest";
import { rmsle } from "../src/grading/metrics/regression.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { fixture } from "./testing/fixtures.js";
import { notesOf, parseErrorOf, rejectionOf, scoreOf } from "./testing/grade-table.js";
import { Rng } from "./testing/rng.js";
import {
  cells,
  dropColumn,
  duplicateRow,
  setCell,
  type Table,
  withColumn,
  withRows,
} from "./testing/table.js";

const f = fixture("nomad2018-predict-transparent-conductors");
const answers = f.answers(new Rng(41));
const random = f.random(answers, new Rng(42));
const TARGETS = ["formation_energy_ev_natom", "bandgap_energy_ev"];

/** The reference's score: rows paired by file position. */
function positional(submission: Table): number {
  const [a, b] = TARGETS.map((t) =>
    rmsle(cells(answers, t).map(Number), cells(submission, t).map(Number)),
  ) as [number, number];
  return (a + b) / 2;
}

describe("nomad2018-predict-transparent-conductors", () => {
  it("scores the sample submission and a perfect one as the reference does", () => {
    expect(scoreOf(f, answers, f.sample(answers))).toBe(positional(f.sample(answers)));
    expect(scoreOf(f, answers, f.perfect(answers))).toBe(0);
  });

  it("returns the reference's POSITIONAL score for shuffled rows, and notes the score matched by id", () => {
    const shuffled = withRows(random, new Rng(43).shuffle(random.rows));
    expect(scoreOf(f, answers, shuffled)).toBe(positional(shuffled));
    expect(positional(shuffled)).not.toBe(positional(random));
    const [note] = notesOf(f, answers, shuffled);
    expect(note).toContain(`matched by id the score would be ${roundHalfEven(positional(random), 5)}`);
    expect(notesOf(f, answers, random)).toEqual([]);
  });

  it("accepts ids written as floats and extra columns", () => {
    const floats = withColumn(
      random,
      "id",
      cells(random, "id").map((id) => `${id}.0`),
    );
    expect(scoreOf(f, answers, floats)).toBe(positional(random));
    expect(
      scoreOf(
        f,
        answers,
        withColumn(
          random,
          "note",
          random.rows.map(() => "x"),
        ),
      ),
    ).toBe(positional(random));
  });

  it("scores a file without the id column by position, as the reference does (the id is optional)", () => {
    const noId = dropColumn(random, "id");
    expect(scoreOf(f, answers, noId)).toBe(positional(random));
    const shuffled = dropColumn(withRows(random, new Rng(44).shuffle(random.rows)), "id");
    expect(scoreOf(f, answers, shuffled)).toBe(positional(shuffled));
    expect(positional(shuffled)).not.toBe(positional(random));
    expect(notesOf(f, answers, noId).join(" ")).toMatch(
      /no "id" column: its rows were paired .* by position/,
    );
  });

  it.each([
    ["an id is duplicated", () => duplicateRow(random, 0, 1), /1 duplicated id\(s\): 1/],
    ["an id is unknown", () => setCell(random, 2, "id", "9999"), /not in the test set: 9999/],
  ])("rejects a malformed file the reference would grade by position: %s", (_label, make, message) => {
    const submission = make();
    const error = rejectionOf(f, answers, submission);
    expect(error.message).toMatch(message);
    expect(error.referenceNote).toBe(
      `The reference ignores ids and pairs rows by their position in the file; it would accept this file and report ${roundHalfEven(positional(submission), 5)}.`,
    );
  });

  it.each([
    [
      "a target column is missing",
      () => dropColumn(random, "bandgap_energy_ev"),
      /missing column "bandgap_energy_ev"/,
    ],
    [
      "a prediction is negative (scikit-learn 1.5.1 RMSLE)",
      () => setCell(random, 3, TARGETS[0]!, "-0.01"),
      /row 4 \(line 5\): the prediction holds the negative value -0\.01/,
    ],
    [
      "a prediction is empty",
      () => setCell(random, 4, TARGETS[1]!, ""),
      /row 5 \(line 6\): the prediction contains NaN/,
    ],
    ["a prediction is text", () => setCell(random, 5, TARGETS[1]!, "abc"), /"abc" is not a number/],
    ["a row is missing", () => withRows(random, random.rows.slice(1)), /has 39 data rows, expected 40/],
    ["the file has a header only", () => withRows(random, []), /has 0 data rows/],
  ])("rejects the file, as the reference does, when %s", (_label, make, message) => {
    const error = rejectionOf(f, answers, make());
    expect(error.message).toMatch(message);
    expect(error.referenceNote).toBeUndefined();
  });

  it("accepts -0.0 (not below zero)", () => {
    expect(scoreOf(f, answers, setCell(f.perfect(answers), 0, TARGETS[0]!, "-0.0"))).toBeGreaterThanOrEqual(
      0,
    );
  });

  it("rejects an empty file before grading", () => {
    expect(parseErrorOf(f, answers, "").code).toBe("CSV_MALFORMED");
  });
});
