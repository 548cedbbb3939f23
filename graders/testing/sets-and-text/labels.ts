// Parity cases for the label-set and class-label competitions of the sets-and-text family.

import type { Rng } from "../rng.js";
import {
  type Cell,
  closingCases,
  csvOf,
  type FamilyCompetition,
  genericCases,
  hex,
  idTable,
  sample,
  setTarget,
  type Table,
  toCsv,
  valid,
  withColumn,
} from "./table.js";

const TAGS = [
  "c#",
  "asp.net",
  "c++",
  ".net",
  "java",
  "python",
  "php",
  "javascript",
  "html",
  "css",
  "sql",
  "r",
];

export function facebook(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = sample(
    rng,
    Array.from({ length: 500 }, (_, i) => i + 1),
    n,
  );
  const truth = ids.map(() => sample(rng, TAGS, rng.int(1, 4)));
  const body = () => `<p>How do I "fix" this,\nplease?</p>\n<pre>x = 1;</pre>`;
  const answers = toCsv(
    ["Id", "Title", "Body", "Tags"],
    ids.map((id, i) => [String(id), `Title ${i}`, body(), truth[i]!.join(" ")]),
  );
  const base = (pick: (i: number) => string[]): Table => ({
    header: ["Id", "Title", "Body", "Tags"],
    rows: ids.map((id, i) => [String(id), `T${i}`, body(), pick(i).join(" ")]),
  });
  const noisy = base((i) => (rng.chance(0.5) ? truth[i]! : sample(rng, [...TAGS, "unknown-tag", "C#"], 2)));
  return {
    id: "facebook-recruiting-iii-keyword-extraction",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "sample defaults",
        base(() => ["javascript", "c#", "python", "php", "java"]),
      ),
      valid(
        "unknown tags appended",
        base((i) => [...truth[i]!, "zzz", "yyy"]),
      ),
      valid(
        "tabs, double spaces, repeats",
        setTarget(
          base((i) => truth[i]!),
          3,
          (_, c) => `\t${c}  ${c}\t`,
        ),
      ),
      valid(
        "some empty",
        setTarget(noisy, 3, (i, c) => (i % 3 === 0 ? null : c)),
      ),
      valid(
        "all empty",
        setTarget(noisy, 3, () => null),
      ),
      valid("only Id and Tags", { header: ["Id", "Tags"], rows: noisy.rows.map((r) => [r[0]!, r[3]!]) }),
      valid(
        "ids as floats",
        setTarget(noisy, 0, (_, c) => `${c}.0`),
      ),
      valid(
        "numeric tags (invalid)",
        setTarget(noisy, 3, (i) => String(i)),
      ),
      valid(
        "numeric tags with a gap (invalid)",
        setTarget(noisy, 3, (i) => (i === 0 ? null : String(i))),
      ),
      valid(
        "string ids (invalid)",
        setTarget(noisy, 0, (_, c) => `id${c}`),
      ),
      ...genericCases(rng, noisy, 0, 3, "999999"),
    ],
  };
}

export function herbariumLike(
  rng: Rng,
  id: string,
  idColumn: string,
  target: string,
  uuid: boolean,
  index: boolean,
): FamilyCompetition {
  const n = 50;
  const ids = Array.from({ length: n }, (_, i) =>
    uuid ? `${hex(rng, 8)}-23d2-11e8-a6a3-${hex(rng, 12)}` : String(i),
  );
  const truth = ids.map(() => rng.int(0, 9));
  const answers = toCsv(
    [idColumn, target],
    ids.map((x, i) => [x, String(truth[i])]),
  );
  const base = (pick: (i: number) => string): Table => ({
    header: index ? ["", idColumn, target] : [idColumn, target],
    rows: ids.map((x, i) => (index ? [String(i), x, pick(i)] : [x, pick(i)])),
  });
  const t = index ? 2 : 1;
  const noisy = base((i) => String(rng.chance(0.6) ? truth[i] : rng.int(0, 12)));
  return {
    id,
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => String(truth[i])),
      ),
      valid("noisy with unseen labels", noisy),
      valid(
        "constant 0",
        base(() => "0"),
      ),
      valid(
        "floats truncated",
        setTarget(noisy, t, (i, c) => (i % 4 === 0 ? `${c}.7` : c)),
      ),
      valid(
        "negative fraction truncated to 0",
        setTarget(noisy, t, (i, c) => (i === 3 ? "-0.5" : c)),
      ),
      valid(
        "integral floats",
        setTarget(noisy, t, (_, c) => `${c}.0`),
      ),
      valid(
        "NaN label (invalid)",
        setTarget(noisy, t, (i, c) => (i === 5 ? null : c)),
      ),
      valid(
        "inf label (invalid)",
        setTarget(noisy, t, (i, c) => (i === 5 ? "inf" : c)),
      ),
      valid(
        "text label (invalid)",
        setTarget(noisy, t, (i, c) => (i === 5 ? "abc" : c)),
      ),
      valid(
        "text column of int literals",
        setTarget(noisy, t, (i, c) => (i === 5 ? "1_0" : ` ${c}`)),
      ),
      valid(
        "'12.0' in a text column (invalid)",
        setTarget(noisy, t, (i, c) => (i === 5 ? "x" : `${c}.0`)),
      ),
      valid(
        "extra column",
        withColumn(noisy, "extra", () => "1"),
      ),
      ...(uuid
        ? []
        : [
            valid(
              "ids as floats",
              setTarget(noisy, 0, (_, c) => `${c}.0`),
            ),
          ]),
      ...genericCases(rng, noisy, index ? 1 : 0, t, uuid ? "zzzz" : "100000"),
    ],
  };
}

export function imet(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => hex(rng, 32));
  const attrs = Array.from({ length: 15 }, (_, i) => String(i * 37 + 1));
  const truth = ids.map(() => sample(rng, attrs, rng.int(1, 4)));
  const answers = toCsv(
    ["id", "attribute_ids"],
    ids.map((x, i) => [x, truth[i]!.join(" ")]),
  );
  const base = (pick: (i: number) => string[]): Table => ({
    header: ["id", "attribute_ids"],
    rows: ids.map((x, i) => [x, pick(i).join(" ")]),
  });
  const noisy = base((i) => (rng.chance(0.5) ? truth[i]! : sample(rng, [...attrs, "9999"], 3)));
  return {
    id: "imet-2020-fgvc7",
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "sample defaults",
        base(() => ["0", "1", "2"]),
      ),
      valid(
        "leading zeros never match",
        base((i) => truth[i]!.map((a) => `0${a}`)),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 4 === 0 ? null : c)),
      ),
      valid(
        "all empty",
        setTarget(noisy, 1, () => null),
      ),
      valid(
        "one attribute per row (invalid)",
        base((i) => [truth[i]![0]!]),
      ),
      valid(
        "one attribute per row with a gap (invalid)",
        base((i) => (i === 0 ? [] : [truth[i]![0]!])),
      ),
      ...closingCases(rng, noisy, "f".repeat(32), "y"),
    ],
  };
}

const DISEASES = ["healthy", "scab", "frog_eye_leaf_spot", "rust", "complex", "powdery_mildew"];

export function plantPathology(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => `${hex(rng, 16)}.jpg`);
  const truth = ids.map(() => sample(rng, DISEASES, rng.int(1, 3)));
  const answers = toCsv(
    ["image", "labels"],
    ids.map((x, i) => [x, truth[i]!.join(" ")]),
  );
  const base = (pick: (i: number) => string[]): Table => ({
    header: ["image", "labels"],
    rows: ids.map((x, i) => [x, pick(i).join(" ")]),
  });
  const noisy = base((i) =>
    rng.chance(0.5) ? truth[i]! : sample(rng, [...DISEASES, "Healthy", "diseased"], 2),
  );
  return {
    id: "plant-pathology-2021-fgvc8",
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "all healthy",
        base(() => ["healthy"]),
      ),
      valid(
        "repeated labels",
        base((i) => [...truth[i]!, ...truth[i]!]),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 5 === 0 ? null : c)),
      ),
      valid(
        "numbers (invalid)",
        base((i) => [String(i % 3)]),
      ),
      ...closingCases(rng, noisy, "ffff.jpg"),
    ],
  };
}

const SPECIES = [
  "Black-grass",
  "Charlock",
  "Cleavers",
  "Common Chickweed",
  "Common wheat",
  "Fat Hen",
  "Maize",
  "Sugar beet",
];

export function plantSeedlings(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => `${hex(rng, 9)}.png`);
  const truth = ids.map(() => rng.pick(SPECIES));
  const header = ["file", "species"] as const;
  const answers = csvOf(idTable(header, ids, (i) => truth[i]!));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const noisy = base((i) => (rng.chance(0.6) ? truth[i]! : rng.pick(SPECIES)));
  return {
    id: "plant-seedlings-classification",
    answersName: "answers.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "sample defaults",
        base(() => "Sugar beet"),
      ),
      valid(
        "lower case and trailing space are wrong",
        base((i) => (i % 2 ? truth[i]!.toLowerCase() : `${truth[i]} `)),
      ),
      valid(
        "unknown species",
        setTarget(noisy, 1, (i, c) => (i === 1 ? "Dandelion" : c)),
      ),
      valid(
        "empty cell (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 1 ? null : c)),
      ),
      valid(
        "class indices (invalid)",
        base((i) => String(i % 12)),
      ),
      ...genericCases(rng, noisy, 0, 1, "zzz.png"),
    ],
  };
}
