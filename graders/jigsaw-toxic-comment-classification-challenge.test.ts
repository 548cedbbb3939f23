import { describe, expect, it } from "vitest";
import { meanColumnwiseRocAuc } from "../src/grading/metrics/roc-auc.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { fixture } from "./testing/fixtures.js";
import { JIGSAW_CLASSES } from "./testing/fixtures-probability.js";
import { notesOf, parseErrorOf, rejectionOf, scoreOf } from "./testing/grade-table.js";
import { Rng } from "./testing/rng.js";
import {
  cells,
  dropColumn,
  duplicateRow,
  select,
  setCell,
  type Table,
  withColumn,
  withRows,
} from "./testing/table.js";

const f = fixture("jigsaw-toxic-comment-classification-challenge");
const answers = f.answers(new Rng(31));
const random = f.random(answers, new Rng(32));
const scored = answers.rows.map((row, r) => (row[1] === "-1" ? -1 : r)).filter((r) => r >= 0);
const unscored = answers.rows.findIndex((row) => row[1] === "-1");

/** Mean column AUC over the scored rows, pairing answers column `c` with submission column `pairs[c]`. */
function expectedAuc(submission: Table, pairs: readonly string[]): number {
  const truth = JIGSAW_CLASSES.map((c) => scored.map((r) => Number(cells(answers, c)[r])));
  const scores = pairs.map((c) => scored.map((r) => Number(cells(submission, c)[r])));
  return meanColumnwiseRocAuc(truth, scores);
}

describe("jigsaw-toxic-comment-classification-challenge", () => {
  it("has answers shaped as Kaggle's test_labels.csv: 16-hex ids, 0/1 labels, -1 rows never scored", () => {
    expect(answers.columns).toEqual(["id", ...JIGSAW_CLASSES]);
    expect(cells(answers, "id").every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(unscored).toBeGreaterThan(1);
  });

  it("scores the sample 0.5 and a perfect file 1, whatever the -1 rows hold", () => {
    expect(scoreOf(f, answers, f.sample(answers))).toBe(0.5);
    expect(scoreOf(f, answers, f.perfect(answers))).toBe(1);
  });

  it("averages the six column AUCs over scored rows only, rows paired by id", () => {
    const expected = expectedAuc(random, JIGSAW_CLASSES);
    expect(scoreOf(f, answers, random)).toBe(expected);
    expect(scoreOf(f, answers, withRows(random, new Rng(3).shuffle(random.rows)))).toBe(expected);
  });

  it("ignores anything in unscored rows (text, blanks) and accepts logits (no range check)", () => {
    const messy = setCell(setCell(random, unscored, "toxic", "n/a?"), unscored, "threat", "");
    expect(scoreOf(f, answers, messy)).toBe(expectedAuc(random, JIGSAW_CLASSES));
    const logits = withColumn(
      random,
      "toxic",
      random.rows.map((_, r) => String(r - 20)),
    );
    expect(scoreOf(f, answers, logits)).toBeGreaterThan(0);
  });

  it("scores class columns in another order by POSITION, as the reference does, and notes the by-name score", () => {
    const reordered = select(random, ["id", ...[...JIGSAW_CLASSES].reverse()]);
    const byPosition = expectedAuc(random, [...JIGSAW_CLASSES].reverse());
    const byName = expectedAuc(random, JIGSAW_CLASSES);
    expect(scoreOf(f, answers, reordered)).toBe(byPosition);
    const [note] = notesOf(f, answers, reordered);
    expect(note).toMatch(/pairs them by position/);
    expect(note).toContain(`matched by name the score would be ${roundHalfEven(byName, 5)}`);
  });

  it("rejects a duplicated id that the reference would accept, with the reference's number in the note", () => {
    // Rows 0 and 1 are both scored: the reference keeps as many rows as the answers and pairs by position.
    const duplicated = duplicateRow(random, 0, 1);
    const error = rejectionOf(f, answers, duplicated);
    expect(error.message).toMatch(/1 duplicated id\(s\).*1 test id\(s\) missing/);
    expect(error.referenceNote).toMatch(/The reference accepts these ids: .* It would report \d/);
  });

  it.each([
    ["a class column is missing", () => dropColumn(random, "threat"), /missing column "threat"/],
    [
      "there is an extra column (the reference fails on a seventh score column)",
      () =>
        withColumn(
          random,
          "note",
          random.rows.map(() => "0.5"),
        ),
      /unexpected column\(s\) "note"/,
    ],
    [
      "an id is unknown (pandas: unalignable boolean Series)",
      () => setCell(random, 2, "id", "ffffffffffffffff"),
      /not in the test set/,
    ],
    [
      "a scored row holds text",
      () => setCell(random, 0, "obscene", "abc"),
      /column "obscene", row 1 \(line 2\) \(id "[0-9a-f]{16}"\) "abc" is not a number/,
    ],
    [
      "a scored row is empty",
      () => setCell(random, 1, "insult", ""),
      /column "insult", row 2 \(line 3\) .*is empty or NaN/,
    ],
    ["the file has a header only", () => withRows(random, []), /has 0 data rows/],
  ])("rejects the file when %s", (_label, make, message) => {
    const error = rejectionOf(f, answers, make());
    expect(error.message).toMatch(message);
    expect(error.referenceNote).toBeUndefined();
  });

  it("rejects an empty file before grading", () => {
    expect(parseErrorOf(f, answers, "").code).toBe("CSV_MALFORMED");
  });
});
