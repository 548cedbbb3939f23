import { cells, dropColumn, select, setCell, withColumn, withRows } from "../table.js";
import {
  asFloats,
  columnTable,
  constant,
  constantPredictions,
  extraColumn,
  hex,
  num,
  round,
  type Spec,
} from "./spec.js";

const FREESOUND_CLASSES = Array.from(
  { length: 80 },
  (_, i) => `Class_${String(i).padStart(2, "0")}_(${i % 3 === 0 ? "a" : "b"})`,
);
export const FREESOUND: Spec = {
  id: "freesound-audio-tagging-2019",
  idColumn: "fname",
  target: FREESOUND_CLASSES[0]!,
  unknownId: "ffffffff.wav",
  answers(rng) {
    const names = rng.distinct(30, () => `${hex(rng, 8)}.wav`);
    return columnTable(
      ["fname", ...FREESOUND_CLASSES],
      names.map((name, i) => {
        const truth = new Set<number>();
        const k = i === 0 ? 80 : rng.int(1, 4);
        while (truth.size < k) truth.add(rng.int(0, 79));
        return [name, ...FREESOUND_CLASSES.map((_, j) => (truth.has(j) ? "1" : "0"))];
      }),
    );
  },
  random(answers, rng) {
    return withRows(
      answers,
      answers.rows.map((r) => [
        r[0]!,
        ...r.slice(1).map((t) => num(round(rng.next() * (t === "1" ? 1.5 : 1), 3))),
      ]),
    );
  },
  perfect: (answers) => answers,
  sample(answers) {
    return withRows(
      answers,
      answers.rows.map((r) => [r[0]!, ...r.slice(1).map((_, j) => num(round((j % 7) / 7, 4)))]),
    );
  },
  special(answers, random) {
    const cls = FREESOUND_CLASSES;
    return [
      [
        "all equal",
        withRows(
          answers,
          answers.rows.map((r) => [r[0]!, ...r.slice(1).map(() => "0.5")]),
        ),
      ],
      [
        "negative scores",
        withRows(
          random,
          random.rows.map((r) => [r[0]!, ...r.slice(1).map((v) => num(-Number(v) * 3))]),
        ),
      ],
      ["classes reordered", select(random, ["fname", cls[1]!, cls[0]!, ...cls.slice(2)])],
      ["fname last", select(random, [...cls, "fname"])],
      extraColumn(random, "extra", "0"),
      ["missing class", dropColumn(random, cls[40]!)],
      [
        "renamed class",
        { columns: random.columns.map((c, i) => (i === 5 ? c.toLowerCase() : c)), rows: random.rows },
      ],
      ["empty cell", setCell(random, 3, cls[10]!, "")],
      ["infinite value", setCell(random, 4, cls[11]!, "inf")],
      ["text value", setCell(random, 6, cls[12]!, "abc")],
    ];
  },
};

const QUEST_TARGETS = Array.from({ length: 30 }, (_, i) => (i < 21 ? `question_t${i}` : `answer_t${i}`));
const QUEST_LEVELS = [0, 1 / 3, 0.5, 2 / 3, 1, 0.333333333333333, 0.666666666666667];
export const GOOGLE_QUEST: Spec = {
  id: "google-quest-challenge",
  idColumn: "qa_id",
  target: QUEST_TARGETS[0]!,
  unknownId: "987654",
  answers(rng) {
    const ids = rng.distinct(40, () => String(rng.int(1, 9999)));
    return columnTable(
      ["qa_id", ...QUEST_TARGETS],
      ids.map((id, r) => [
        id,
        ...QUEST_TARGETS.map((_, j) => num(r < 2 ? r : QUEST_LEVELS[rng.int(0, 4 + (j % 3))]!)),
      ]),
    );
  },
  random(answers, rng) {
    return withRows(
      answers,
      answers.rows.map((r) => [
        r[0]!,
        ...r
          .slice(1)
          .map((v) => num(rng.chance(0.3) ? round(rng.next(), 2) : Number(v) * 0.5 + round(rng.next(), 1))),
      ]),
    );
  },
  perfect: (answers) => answers,
  sample(answers) {
    const n = answers.rows.length;
    return withRows(
      answers,
      answers.rows.map((r, i) => [r[0]!, ...r.slice(1).map(() => num(i / (n - 1)))]),
    );
  },
  overrides: { "duplicated id": ["bench-rejects"], "unknown id": ["bench-rejects"] },
  special(_answers, random) {
    return [
      ["targets reordered", select(random, ["qa_id", ...[...QUEST_TARGETS].reverse()])],
      ["one constant column", withColumn(random, QUEST_TARGETS[3]!, constant(random, "0.5"))],
      extraColumn(random, "extra", "0"),
      [
        "ids changed",
        withColumn(
          random,
          "qa_id",
          cells(random, "qa_id").map((v) => String(Number(v) + 100000)),
        ),
        "bench-rejects",
      ],
      ["empty cell", setCell(random, 3, QUEST_TARGETS[5]!, ""), "bench-rejects"],
      ["text value", setCell(random, 6, QUEST_TARGETS[7]!, "abc"), "bench-rejects"],
      ["ids as floats", asFloats(random, "qa_id")],
    ];
  },
};

export const US_PATENT: Spec = {
  id: "us-patent-phrase-to-phrase-matching",
  idColumn: "id",
  target: "score",
  unknownId: "f".repeat(16),
  answers(rng) {
    const ids = rng.distinct(60, () => hex(rng, 16));
    return columnTable(
      ["id", "anchor", "target", "context", "score"],
      ids.map((id, r) => [
        id,
        `anchor ${r}`,
        `target, ${r}`,
        `G0${rng.int(1, 9)}`,
        num([0, 0.25, 0.5, 0.75, 1][rng.int(0, 4)]!),
      ]),
    );
  },
  random: (answers, rng) =>
    columnTable(
      ["id", "score"],
      answers.rows.map((r) => [r[0]!, num(round(Number(r[4]) * 0.6 + rng.next() * 0.4, 4))]),
    ),
  perfect: (answers) => select(answers, ["id", "score"]),
  sample: (answers) => constantPredictions(answers, ["id", "score"], "0"),
  special(_answers, random) {
    return [
      [
        "affine rescaled",
        withColumn(
          random,
          "score",
          cells(random, "score").map((v) => num(Number(v) * 40 - 7)),
        ),
      ],
      ["empty cell", setCell(random, 3, "score", ""), "bench-rejects"],
      ["infinite value", setCell(random, 4, "score", "inf"), "bench-rejects"],
      ["text value", setCell(random, 6, "score", "abc")],
      extraColumn(random),
    ];
  },
};
