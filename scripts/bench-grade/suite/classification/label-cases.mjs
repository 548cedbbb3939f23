// Classification benchmark cases scored on labels (accuracy, top-1 error): id + label columns, the
// submission right ~60% of the time and shuffled.

import { answersPath, increasingInts, permutation, rowsAt, submissionPath, writeLines } from "./files.mjs";

/**
 * Accuracy-style case: id + label columns; the submission is right ~60% of the time, shuffled;
 * `predict` writes a label as the submission's cell.
 */
function labelCase({ id, rows, answers, idColumn, target, ids, label, extra, predict = (v) => v }) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const idList = ids(random, n);
      const truth = Array.from({ length: n }, (_, i) => label(random, i));
      const extraColumns = extra ? extra.columns : [];
      writeLines(answersPath(dataDir, id, answers), [idColumn, target, ...extraColumns].join(","), n, (i) =>
        [idList[i], truth[i], ...(extra ? extra.cells(random, i) : [])].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(submissionPath(dataDir, id), `${idColumn},${target}`, n, (k) => {
        const i = order[k];
        return `${idList[i]},${predict(random.uniform() < 0.6 ? truth[i] : label(random, i), random)}`;
      });
      return { submission };
    },
  };
}

const CATEGORIES = Array.from({ length: 5270 }, (_, k) => String(1000000000 + k * 3797 + (k % 7)));
const WORDS = [
  "bed",
  "bird",
  "cat",
  "dog",
  "down",
  "eight",
  "five",
  "four",
  "go",
  "happy",
  "house",
  "left",
  "marvin",
  "nine",
  "no",
  "off",
  "on",
  "one",
  "right",
  "seven",
  "sheila",
  "six",
  "stop",
  "three",
  "tree",
  "two",
  "up",
  "wow",
  "yes",
  "zero",
  "_background_noise_",
];
const DISEASES = [
  "bacterial_leaf_blight",
  "bacterial_leaf_streak",
  "bacterial_panicle_blight",
  "blast",
  "brown_spot",
  "dead_heart",
  "downy_mildew",
  "hispa",
  "normal",
  "tungro",
];

export const LABEL_CASES = [
  labelCase({
    id: "cassava-leaf-disease-classification",
    rows: 2676,
    answers: "private/test.csv",
    idColumn: "image_id",
    target: "label",
    ids: (random, n) => Array.from(increasingInts(random, n, 1000015157, 1500000), (v) => `${v}.jpg`),
    label: (random) => random.choice(["0", "1", "2", "3", "4"], [5, 10, 11, 61, 13]),
  }),
  labelCase({
    id: "cdiscount-image-classification-challenge",
    rows: 706990,
    answers: "private/answers.csv",
    idColumn: "_id",
    target: "category_id",
    ids: (random, n) => increasingInts(random, n, 0, 19),
    label: (random) => CATEGORIES[Math.floor(CATEGORIES.length * random.uniform() ** 2)],
  }),
  {
    ...labelCase({
      id: "inaturalist-2019-fgvc6",
      rows: 32214,
      answers: "private/answers.csv",
      idColumn: "id",
      target: "predicted",
      ids: (random, n) => increasingInts(random, n, 0, 8),
      label: (random) => String(random.int(0, 1009)),
      // Top-5 lists, as agents write them; only the first label is scored.
      predict: (v, random) =>
        `${v} ${random.int(0, 1009)} ${random.int(0, 1009)} ${random.int(0, 1009)} ${random.int(0, 1009)}`,
    }),
  },
  labelCase({
    id: "iwildcam-2020-fgvc7",
    rows: 62894,
    answers: "private/answers.csv",
    idColumn: "Id",
    target: "Category",
    ids: (random, n) => random.uniqueIds(n, (r) => `${r.hex(8)}-21bc-11ea-${r.hex(4)}-${r.hex(12)}`),
    label: (random) => (random.uniform() < 0.6 ? "0" : String(random.int(1, 675))),
  }),
  labelCase({
    id: "ml2021spring-hw2",
    rows: 330852,
    answers: "private/answers.csv",
    idColumn: "Id",
    target: "ClassId",
    ids: (_, n) => Array.from({ length: n }, (_, i) => i),
    label: (random) => String(random.int(0, 38)),
  }),
  labelCase({
    id: "movie-review-sentiment-analysis-kernels-only",
    rows: 46818,
    answers: "private/answers.csv",
    idColumn: "PhraseId",
    target: "Sentiment",
    ids: (random, n) => increasingInts(random, n, 0, 5),
    label: (random) => random.choice(["0", "1", "2", "3", "4"], [5, 17, 51, 21, 6]),
    extra: {
      columns: ["SentenceId", "Phrase"],
      cells: (random, i) => [
        String(1 + Math.floor(i / 18)),
        random.choice(['"good , not great"', "-LRB- the film -RRB-", '"it \'s ""fine"""']),
      ],
    },
  }),
  labelCase({
    id: "paddy-disease-classification",
    rows: 2602,
    answers: "private/test.csv",
    idColumn: "image_id",
    target: "label",
    ids: (random, n) => Array.from(increasingInts(random, n, 100000, 3), (v) => `${v}.jpg`),
    label: (random) => random.choice(DISEASES),
    extra: {
      columns: ["variety", "age"],
      cells: (random) => [random.choice(["ADT45", "KarnatakaPonni", "Ponni"]), String(random.int(45, 82))],
    },
  }),
  labelCase({
    id: "spaceship-titanic",
    rows: 870,
    answers: "private/test.csv",
    idColumn: "PassengerId",
    target: "Transported",
    ids: (random, n) =>
      Array.from(
        increasingInts(random, n, 0, 10),
        (v) => `${String(Math.floor(v / 3)).padStart(4, "0")}_0${(v % 3) + 1}`,
      ),
    label: (random) => (random.uniform() < 0.5 ? "True" : "False"),
    extra: {
      columns: ["HomePlanet", "Age"],
      cells: (random) => [
        random.choice(["Earth", "Europa", "Mars", ""]),
        random.uniform() < 0.02 ? "" : String(random.int(0, 79)),
      ],
    },
  }),
  labelCase({
    id: "tensorflow-speech-recognition-challenge",
    rows: 6473,
    answers: "private/test.csv",
    idColumn: "fname",
    target: "label",
    ids: (_, n) => Array.from({ length: n }, (_, i) => `clip_${String(i).padStart(8, "0")}.wav`),
    label: (random) => random.choice(WORDS),
  }),
];
