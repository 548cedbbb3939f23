// Fixtures for the eight competitions scored by the binary AUROC helper alone.

import type { Fixture, Variant } from "./fixture.js";
import { num } from "./fixture.js";
import type { Rng } from "./rng.js";
import { cells, constant, select, type Table, withColumn } from "./table.js";

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

export interface BinarySpec {
  readonly id: string;
  readonly idColumn: string;
  readonly target: string;
  readonly rows: number;
  readonly positiveRate: number;
  /** Distinct ids, in answers order. */
  readonly ids: (rng: Rng, n: number) => string[];
  /** Extra answers columns (name -> cell maker), in file order around the id and target. */
  readonly answerColumns?: (rng: Rng, ids: string[], labels: string[]) => Table;
  readonly sampleColumns?: readonly string[];
  readonly sampleValue: string;
  /** Variants of this competition, after the probability ones. */
  readonly extra?: (submission: Table, rng: Rng) => Variant[];
}

/** n labels "1" with probability `rate`, else "0"; the first two are "1" and "0" (both classes). */
export function zeroOneLabels(rng: Rng, n: number, rate: number): string[] {
  const out = Array.from({ length: n }, () => (rng.chance(rate) ? "1" : "0"));
  out[0] = "1"; // both classes, whatever the rate
  out[1] = "0";
  return out;
}

/** Valid prediction variants every probability-scored competition should survive. */
export function probabilityVariants(answers: Table, target: string, rng: Rng): Variant[] {
  const n = answers.rows.length;
  const extremes = ["0", "1", "1e-300", "5e-324", "0.9999999999999999", "1e-17", "0.5"];
  return [
    {
      label: "ties (one decimal)",
      table: withColumn(
        answers,
        target,
        Array.from({ length: n }, () => num(rng.int(0, 10) / 10)),
      ),
    },
    {
      label: "hard 0/1",
      table: withColumn(
        answers,
        target,
        Array.from({ length: n }, () => (rng.chance(0.5) ? "1" : "0")),
      ),
    },
    {
      label: "extreme probabilities",
      table: withColumn(
        answers,
        target,
        Array.from({ length: n }, () => rng.pick(extremes)),
      ),
    },
    {
      label: "True/False",
      table: withColumn(
        answers,
        target,
        Array.from({ length: n }, () => (rng.chance(0.5) ? "True" : "False")),
      ),
    },
  ];
}

/** A binary competition scored on one probability column: answers, sample, perfect, random, variants. */
export function binaryFixture(spec: BinarySpec): Fixture {
  const submissionColumns = spec.sampleColumns ?? [spec.idColumn, spec.target];
  const subset = (answers: Table): Table => select(answers, submissionColumns);
  return {
    id: spec.id,
    idColumn: spec.idColumn,
    targets: [spec.target],
    kind: "probability",
    answers(rng) {
      const ids = spec.ids(rng, spec.rows);
      const ys = zeroOneLabels(rng, spec.rows, spec.positiveRate);
      if (spec.answerColumns) return spec.answerColumns(rng, ids, ys);
      return { columns: [spec.idColumn, spec.target], rows: ids.map((id, r) => [id, ys[r]!]) };
    },
    sample: (answers) => withColumn(subset(answers), spec.target, constant(answers, spec.sampleValue)),
    perfect: (answers) => withColumn(subset(answers), spec.target, cells(answers, spec.target)),
    random: (answers, rng) =>
      withColumn(
        subset(answers),
        spec.target,
        answers.rows.map(() => num(rng.next())),
      ),
    variants: (answers, rng) => [
      ...probabilityVariants(subset(answers), spec.target, rng),
      ...(spec.extra ? spec.extra(subset(answers), rng) : []),
    ],
  };
}

const comment = (rng: Rng): string => {
  const words = [
    "you",
    "are",
    "such",
    "an",
    "idiot",
    "nice",
    "point",
    "thanks",
    "lol",
    "really",
    "what, exactly",
  ];
  const escapes = ["\\xa0", "\\n", "\\'", "\\u2019"];
  const body = Array.from({ length: rng.int(2, 6) }, () => rng.pick(words)).join(" ");
  // The raw comment text, quotes and literal backslash escapes included, is the id.
  return `"${body}${rng.pick(escapes)}${rng.pick(words)}${rng.int(0, 9999)}"`;
};

export const AUROC_FIXTURES: readonly Fixture[] = [
  binaryFixture({
    id: "aerial-cactus-identification",
    idColumn: "id",
    target: "has_cactus",
    rows: 40,
    positiveRate: 0.75,
    ids: (rng, n) => rng.distinct(n, () => `${rng.chars(32)}.jpg`),
    sampleValue: "0.5",
  }),
  binaryFixture({
    id: "detecting-insults-in-social-commentary",
    idColumn: "Comment",
    target: "Insult",
    rows: 36,
    positiveRate: 0.3,
    ids: (rng, n) => rng.distinct(n, () => comment(rng)),
    answerColumns: (rng, ids, ys) => ({
      columns: ["Insult", "Date", "Comment", "Usage"],
      rows: ids.map((id, r) => [
        ys[r]!,
        rng.chance(0.2) ? "" : `201206${rng.int(10, 28)}${rng.int(100000, 235959)}Z`,
        id,
        rng.pick(["PublicTest", "PrivateTest"]),
      ]),
    }),
    sampleColumns: ["Insult", "Date", "Comment"],
    sampleValue: "0",
  }),
  binaryFixture({
    id: "histopathologic-cancer-detection",
    idColumn: "id",
    target: "label",
    rows: 300,
    positiveRate: 0.4,
    ids: (rng, n) => rng.distinct(n, () => rng.chars(40)),
    sampleValue: "0",
  }),
  binaryFixture({
    id: "mlsp-2013-birds",
    idColumn: "Id",
    target: "Probability",
    rows: 57,
    positiveRate: 0.15,
    ids: (rng) =>
      rng
        .distinct(3, () => String(rng.int(1, 322)))
        .flatMap((rec) => Array.from({ length: 19 }, (_, species) => String(Number(rec) * 100 + species))),
    sampleValue: "0",
  }),
  binaryFixture({
    id: "random-acts-of-pizza",
    idColumn: "request_id",
    target: "requester_received_pizza",
    rows: 40,
    positiveRate: 0.25,
    ids: (rng, n) => rng.distinct(n, () => `t3_${rng.chars(rng.int(5, 6), BASE36)}`),
    sampleValue: "0",
  }),
  binaryFixture({
    id: "siim-isic-melanoma-classification",
    idColumn: "image_name",
    target: "target",
    rows: 40,
    positiveRate: 0.1,
    ids: (rng, n) => rng.distinct(n, () => `ISIC_${rng.chars(7, "0123456789")}`),
    sampleValue: "0",
  }),
  binaryFixture({
    id: "tabular-playground-series-may-2022",
    idColumn: "id",
    target: "target",
    rows: 40,
    positiveRate: 0.5,
    ids: (rng, n) => rng.shuffle(Array.from({ length: n }, (_, k) => String(800000 + k))),
    answerColumns: (rng, ids, ys) => {
      const features = Array.from({ length: 31 }, (_, k) => `f_${String(k).padStart(2, "0")}`);
      return {
        columns: ["id", ...features, "target"],
        rows: ids.map((id, r) => [
          id,
          ...features.map((f) =>
            f === "f_27" ? rng.chars(10, "ABCDEFGHIJKLMNOPQRST") : num(rng.int(-300, 300) / 100),
          ),
          ys[r]!,
        ]),
      };
    },
    sampleValue: "0.5",
  }),
  binaryFixture({
    id: "the-icml-2013-whale-challenge-right-whale-redux",
    idColumn: "clip",
    target: "probability",
    rows: 40,
    positiveRate: 0.2,
    ids: (rng, n) =>
      Array.from(
        { length: n },
        (_, k) =>
          `2009033${rng.int(0, 1)}_${String(rng.int(0, 235959)).padStart(6, "0")}_${rng.int(0, 899)}s${rng.int(0, 999)}ms_Test${k}.aif`,
      ),
    sampleValue: "0",
  }),
];
