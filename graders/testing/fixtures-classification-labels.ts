// Fixtures for the nine label-scored competitions of the classification family (accuracy and top-1
// error; shared/mlebench/full-grading/g3-classification.md): answers shaped as each prepare step writes
// them, at test size, with at least three classes so that text-vs-number mixes are 'multiclass'.

import type { Fixture, Variant } from "./fixture.js";
import type { Rng } from "./rng.js";
import { cells, constant, select, type Table, withColumn } from "./table.js";

interface LabelSpec {
  readonly id: string;
  readonly idColumn: string;
  readonly target: string;
  readonly rows: number;
  readonly ids: (rng: Rng, n: number) => string[];
  readonly classes: readonly string[];
  /** Extra answers columns around id and target (the answers file's full layout). */
  readonly layout?: (rng: Rng, ids: string[], labels: string[]) => Table;
  readonly sampleValue: string;
  readonly variants?: (submission: Table, answers: Table, rng: Rng) => Variant[];
}

function labelFixture(spec: LabelSpec): Fixture {
  const subset = (answers: Table): Table => select(answers, [spec.idColumn, spec.target]);
  const randomLabels = (answers: Table, rng: Rng): string[] =>
    cells(answers, spec.target).map((truth) => (rng.chance(0.4) ? truth : rng.pick(spec.classes)));
  return {
    id: spec.id,
    idColumn: spec.idColumn,
    targets: [spec.target],
    kind: "label",
    answers(rng) {
      const ids = spec.ids(rng, spec.rows);
      const labels = ids.map((_, r) => spec.classes[r % spec.classes.length]!);
      const shuffled = rng.shuffle(labels);
      if (spec.layout) return spec.layout(rng, ids, shuffled);
      return { columns: [spec.idColumn, spec.target], rows: ids.map((id, r) => [id, shuffled[r]!]) };
    },
    sample: (answers) => withColumn(subset(answers), spec.target, constant(answers, spec.sampleValue)),
    perfect: (answers) => subset(answers),
    random: (answers, rng) => withColumn(subset(answers), spec.target, randomLabels(answers, rng)),
    variants: (answers, rng) => {
      const random = withColumn(subset(answers), spec.target, randomLabels(answers, rng));
      const common: Variant[] = [
        {
          label: "one class everywhere",
          table: withColumn(random, spec.target, constant(random, spec.classes[1]!)),
        },
        {
          label: "one wrong row",
          table: withColumn(
            subset(answers),
            spec.target,
            cells(answers, spec.target).map((v, r) => (r === 0 ? spec.classes.find((c) => c !== v)! : v)),
          ),
        },
      ];
      return [...common, ...(spec.variants ? spec.variants(random, answers, rng) : [])];
    },
  };
}

const DIGITS = "0123456789";
const range = (n: number, from = 0): string[] => Array.from({ length: n }, (_, k) => String(from + k));
const wholeFloats = (submission: Table, target: string): Variant => ({
  label: "whole floats (3.0)",
  table: withColumn(
    submission,
    target,
    cells(submission, target).map((v) => `${v}.0`),
  ),
});

export const CLASSIFICATION_LABEL_FIXTURES: readonly Fixture[] = [
  labelFixture({
    id: "cassava-leaf-disease-classification",
    idColumn: "image_id",
    target: "label",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => `${rng.int(1000000, 4294967295)}.jpg`),
    classes: ["0", "1", "2", "3", "4"],
    sampleValue: "4",
    variants: (sub) => [wholeFloats(sub, "label")],
  }),
  labelFixture({
    id: "cdiscount-image-classification-challenge",
    idColumn: "_id",
    target: "category_id",
    rows: 60,
    ids: (rng, n) => rng.distinct(n, () => String(rng.int(0, 7069896))),
    classes: ["1000010653", "1000004079", "1000018290", "1000005744", "1000011427"],
    sampleValue: "1000010653",
    variants: (sub) => [
      wholeFloats(sub, "category_id"),
      {
        label: "ids as floats",
        table: withColumn(
          sub,
          "_id",
          cells(sub, "_id").map((v) => `${v}.0`),
        ),
      },
    ],
  }),
  labelFixture({
    id: "iwildcam-2020-fgvc7",
    idColumn: "Id",
    target: "Category",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => `${rng.chars(8)}-21bc-11ea-${rng.chars(4)}-${rng.chars(12)}`),
    classes: ["0", "1", "372", "675", "101"],
    sampleValue: "0",
    variants: (sub) => [
      {
        label: "upper-case ids",
        table: withColumn(
          sub,
          "Id",
          cells(sub, "Id").map((v) => v.toUpperCase()),
        ),
      },
    ],
  }),
  labelFixture({
    id: "ml2021spring-hw2",
    idColumn: "Id",
    target: "ClassId",
    rows: 50,
    ids: (_, n) => range(n),
    classes: range(39),
    sampleValue: "0",
    variants: (sub) => [
      {
        label: "ids from 1",
        table: withColumn(
          sub,
          "Id",
          cells(sub, "Id").map((v) => String(Number(v) + 1)),
        ),
      },
    ],
  }),
  labelFixture({
    id: "movie-review-sentiment-analysis-kernels-only",
    idColumn: "PhraseId",
    target: "Sentiment",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => String(rng.int(1, 156060))),
    classes: ["0", "1", "2", "3", "4"],
    layout: (rng, ids, labels) => ({
      columns: ["PhraseId", "SentenceId", "Phrase", "Sentiment"],
      rows: ids.map((id, r) => [
        id,
        String(rng.int(1, 8544)),
        rng.pick(["A series of escapades", "good , not great", '-LRB- the "movie" -RRB-', "it 's"]),
        labels[r]!,
      ]),
    }),
    sampleValue: "2",
    variants: (sub, answers) => [
      {
        label: "answers' extra columns kept",
        table: withColumn(sub, "Phrase", cells(answers, "Phrase")),
      },
    ],
  }),
  labelFixture({
    id: "paddy-disease-classification",
    idColumn: "image_id",
    target: "label",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => `${rng.int(100000, 110407)}.jpg`),
    classes: ["bacterial_leaf_blight", "blast", "brown_spot", "dead_heart", "hispa", "normal", "tungro"],
    layout: (rng, ids, labels) => ({
      columns: ["image_id", "label", "variety", "age"],
      rows: ids.map((id, r) => [
        id,
        labels[r]!,
        rng.pick(["ADT45", "KarnatakaPonni"]),
        String(rng.int(45, 82)),
      ]),
    }),
    sampleValue: "",
    variants: (sub) => [
      {
        label: "capitalised",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v) => v.toUpperCase()),
        ),
      },
      {
        label: "class indices",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v) => String(v.length)),
        ),
      },
      {
        label: "numbers with blanks",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v, r) => (r % 3 ? String(v.length) : "")),
        ),
      },
      {
        label: "some blanks",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v, r) => (r % 3 ? v : "")),
        ),
      },
    ],
  }),
  labelFixture({
    id: "spaceship-titanic",
    idColumn: "PassengerId",
    target: "Transported",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => `${rng.chars(4, DIGITS)}_0${rng.int(1, 8)}`),
    classes: ["True", "False"],
    layout: (rng, ids, labels) => ({
      columns: ["PassengerId", "HomePlanet", "CryoSleep", "Age", "VIP", "Name", "Transported"],
      rows: ids.map((id, r) => [
        id,
        rng.pick(["Earth", "Europa", "Mars", ""]),
        rng.pick(["True", "False", ""]),
        rng.chance(0.1) ? "" : String(rng.int(0, 79)),
        rng.pick(["False", "True"]),
        rng.chance(0.1) ? "" : `Name ${r}`,
        labels[r]!,
      ]),
    }),
    sampleValue: "False",
    variants: (sub) => {
      const map = (f: (v: string) => string): Table =>
        withColumn(sub, "Transported", cells(sub, "Transported").map(f));
      return [
        { label: "1/0", table: map((v) => (v === "True" ? "1" : "0")) },
        { label: "1.0/0.0", table: map((v) => (v === "True" ? "1.0" : "0.0")) },
        { label: "2/0", table: map((v) => (v === "True" ? "2" : "0")) },
        { label: "lower-case true/false", table: map((v) => v.toLowerCase()) },
        { label: "yes/no", table: map((v) => (v === "True" ? "yes" : "no")) },
        { label: "three text labels", table: map((v) => (v === "True" ? "yes" : "no")) },
      ].map((v, k) =>
        k === 3
          ? {
              ...v,
              table: withColumn(
                v.table,
                "Transported",
                cells(v.table, "Transported").map((c, r) => (r === 0 ? "maybe" : c)),
              ),
            }
          : v,
      );
    },
  }),
  labelFixture({
    id: "tensorflow-speech-recognition-challenge",
    idColumn: "fname",
    target: "label",
    rows: 40,
    ids: (rng, n) => rng.shuffle(range(n).map((k) => `clip_${k.padStart(8, "0")}.wav`)),
    classes: ["bed", "yes", "no", "up", "_background_noise_", "sheila"],
    sampleValue: "silence",
    variants: (sub) => [
      {
        label: "upper-case words",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v) => v.toUpperCase()),
        ),
      },
      {
        label: "class numbers",
        table: withColumn(
          sub,
          "label",
          cells(sub, "label").map((v) => String(v.length)),
        ),
      },
    ],
  }),
  labelFixture({
    id: "inaturalist-2019-fgvc6",
    idColumn: "id",
    target: "predicted",
    rows: 40,
    ids: (rng, n) => rng.distinct(n, () => String(rng.int(0, 268242))),
    classes: ["0", "654", "1009", "17", "233"],
    sampleValue: "654",
    variants: (sub, answers, rng) => {
      const truth = cells(answers, "predicted");
      const map = (f: (v: string, r: number) => string): Table =>
        withColumn(sub, "predicted", cells(sub, "predicted").map(f));
      return [
        { label: "top-5 lists", table: map((v, r) => `${v} ${truth[r]} 3 4 5`) },
        { label: "truth second in list", table: map((_, r) => `1 ${truth[r]}`) },
        { label: "padded and tabbed", table: map((v) => ` ${v}\t9 `) },
        { label: "underscored digits", table: map((v) => (v.length > 1 ? `${v[0]}_${v.slice(1)}` : v)) },
        { label: "whole floats", table: map((v) => `${v}.0`) },
        { label: "float token in list", table: map((v, r) => (r === 2 ? `${v}.0 1` : `${v} 1`)) },
        { label: "signed", table: map((v) => `+${v} ${rng.int(0, 9)}`) },
        { label: "True/False", table: map((_, r) => (r % 2 ? "True" : "False")) },
        { label: "blank first token", table: map((v, r) => (r === 1 ? "   " : v)) },
      ];
    },
  }),
];
