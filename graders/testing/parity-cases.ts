// The submissions the parity test grades with bench and with the Python re-implementation of the
// reference: for each competition, the sample, random, perfect and shuffled submissions, the fixture's
// well-formed variants, and one malformed file per rule (missing / extra / reordered columns, duplicated
// / unknown ids, empty / infinite / out-of-range / text cells, header only, a dropped row, an empty file).
// `expect` says what the test asserts: "same" (equal verdicts and scores) or "bench-rejects" (policy 2:
// the reference grades a malformed file, bench rejects it and its note says what the reference does).

import { join } from "node:path";
import type { Grader } from "../../src/grading/grader.js";
import type { Fixture } from "./fixture.js";
import { answersCsv, gradeCsv, makeAnswers } from "./fixtures.js";
import { ParityFolder, type ParityJob } from "./parity-harness.js";
import { Rng } from "./rng.js";
import {
  cells,
  dropColumn,
  dropRow,
  duplicateRow,
  select,
  setCell,
  type Table,
  toCsv,
  withColumn,
  withRows,
} from "./table.js";

export interface ParityCase {
  readonly label: string;
  /** The submission file's text. */
  readonly csv: string;
  readonly expect: "same" | "bench-rejects";
  /** An answers table replacing the competition's default one (degenerate answers). */
  readonly answers?: Table;
}

/** Malformed files that the reference grades anyway, by competition (lite-grading.md section 3). */
export const REFERENCE_ACCEPTS_MALFORMED: Readonly<Record<string, readonly string[]>> = {
  "new-york-city-taxi-fare-prediction": ["duplicated id", "unknown id", "ids changed"],
  // The id column is optional there (issue 8, item 7): a file without it is well-formed, graded the same.
  "nomad2018-predict-transparent-conductors": ["duplicated id", "unknown id", "ids changed"],
  "jigsaw-toxic-comment-classification-challenge": ["duplicated id"],
  "tabular-playground-series-dec-2021": ["text value"],
};

const isIntegerText = (text: string): boolean => /^-?\d+$/.test(text);

export function parityCases(fixture: Fixture, answers: Table, seed: number): ParityCase[] {
  const rng = new Rng(seed);
  const target = fixture.targets[0]!;
  const id = fixture.idColumn;
  const random = fixture.random(answers, rng);
  const numericIds = cells(answers, id).every(isIntegerText);
  const tables: [string, Table | string][] = [
    ["sample submission", fixture.sample(answers)],
    ["random", random],
    ["perfect", fixture.perfect(answers)],
    ["shuffled", withRows(random, rng.shuffle(random.rows))],
    ...fixture.variants(answers, rng).map((v): [string, Table] => [v.label, v.table]),
    ["missing target column", dropColumn(random, target)],
    ["missing id column", dropColumn(random, id)],
    [
      "extra column",
      withColumn(
        random,
        "comment",
        random.rows.map(() => "x"),
      ),
    ],
    ["columns reversed", select(random, [...random.columns].reverse())],
    ["duplicated id", duplicateRow(random, 0, 1)],
    ["unknown id", setCell(random, 2, id, numericIds ? "987654321" : "no-such-id")],
    [
      "ids changed",
      withColumn(
        random,
        id,
        cells(random, id).map((v) => `${v}${numericIds ? ".0" : "x"}`),
      ),
    ],
    ["empty cell", setCell(random, 3, target, "")],
    ["infinite value", setCell(random, 4, target, "inf")],
    ["out of range", setCell(random, 5, target, fixture.kind === "probability" ? "1.5" : "-1")],
    ["text value", setCell(random, 6, target, "abc")],
    ["header only", withRows(random, [])],
    ["dropped row", dropRow(random, 0)],
    ["empty file", ""],
  ];
  const accepted = REFERENCE_ACCEPTS_MALFORMED[fixture.id] ?? [];
  // With integer ids, appending ".0" keeps them equal (800000.0 == 800000): that case is well-formed.
  const policy2 = (label: string): boolean =>
    accepted.includes(label) && !(label === "ids changed" && numericIds);
  const cases = tables.map(
    ([label, table]): ParityCase => ({
      label,
      csv: typeof table === "string" ? table : toCsv(table),
      expect: policy2(label) ? "bench-rejects" : "same",
    }),
  );
  return [...cases, ...specialCases(fixture, answers, random)];
}

/** Cases only one competition needs. */
function specialCases(fixture: Fixture, answers: Table, random: Table): ParityCase[] {
  switch (fixture.id) {
    case "aptos2019-blindness-detection": {
      // One grade overall: kappa is 0/0, a valid NaN in the reference.
      const single = withColumn(
        answers,
        "diagnosis",
        answers.rows.map(() => "2"),
      );
      return [
        { label: "single grade overall", csv: toCsv(single), expect: "same", answers: single },
        { label: "non-integer grade", csv: toCsv(setCell(random, 0, "diagnosis", "2.5")), expect: "same" },
      ];
    }
    case "jigsaw-toxic-comment-classification-challenge": {
      const unscored = answers.rows.findIndex((row) => row[1] === "-1");
      return [
        {
          label: "text in an unscored row",
          csv: toCsv(setCell(random, unscored, "toxic", "n/a?")),
          expect: "same",
        },
        {
          label: "empty cell in an unscored row",
          csv: toCsv(setCell(random, unscored, "threat", "")),
          expect: "same",
        },
      ];
    }
    case "spooky-author-identification":
      return [
        {
          label: "classes reordered, id first",
          csv: toCsv(select(random, ["id", "MWS", "EAP", "HPL"])),
          expect: "same",
        },
      ];
    case "tabular-playground-series-dec-2021":
      return [
        {
          label: "True/False labels",
          csv: toCsv(
            withColumn(
              random,
              "Cover_Type",
              random.rows.map((_, r) => (r % 2 ? "True" : "False")),
            ),
          ),
          expect: "same",
        },
        { label: "non-integer label", csv: toCsv(setCell(random, 0, "Cover_Type", "2.5")), expect: "same" },
      ];
    case "ranzcr-clip-catheter-line-classification":
      return [
        {
          label: "unscored labels present",
          csv: toCsv(
            withColumn(
              withColumn(
                random,
                "CVC - Normal",
                random.rows.map(() => "7"),
              ),
              "Swan Ganz Catheter Present",
              random.rows.map(() => ""),
            ),
          ),
          expect: "same",
        },
      ];
    default:
      return [];
  }
}

/**
 * The parity jobs of one fixture competition: its answers from `seed` and the cases `casesOf` makes from
 * them, written under dir/competition and graded by bench.
 */
export function fixtureParityJobs(
  dir: string,
  grader: Grader,
  f: Fixture,
  seed: number,
  casesOf: (answers: Table) => ParityCase[],
): ParityJob<ParityCase>[] {
  const { table, csv } = makeAnswers(f, seed);
  const folder = new ParityFolder(join(dir, grader.id), csv);
  return casesOf(table).map((pc, i) => {
    const answersText = pc.answers ? answersCsv(f, pc.answers) : undefined;
    return {
      competition: grader.id,
      case: pc,
      ...folder.files(i, pc.csv, answersText),
      bench: gradeCsv(grader, answersText ?? csv, pc.csv),
    };
  });
}
