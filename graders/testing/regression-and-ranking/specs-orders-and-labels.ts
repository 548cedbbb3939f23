import { cells, select, setCell, toCsv, withColumn } from "../table.js";
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

export const AI4CODE: Spec = {
  id: "AI4Code",
  idColumn: "id",
  target: "cell_order",
  unknownId: "ffffffffffffff",
  answers(rng) {
    const ids = rng.distinct(30, () => hex(rng, 14));
    return columnTable(
      ["id", "cell_order"],
      ids.map((id, i) => [id, rng.distinct(i === 0 ? 1 : rng.int(2, 14), () => hex(rng, 8)).join(" ")]),
    );
  },
  random(answers, rng) {
    return withColumn(
      answers,
      "cell_order",
      cells(answers, "cell_order").map((o) => rng.shuffle(o.split(" ")).join(" ")),
    );
  },
  perfect: (answers) => answers,
  sample(answers) {
    return withColumn(
      answers,
      "cell_order",
      cells(answers, "cell_order").map((o) => [...o.split(" ")].sort().join(" ")),
    );
  },
  special(answers, random, rng) {
    const orders = cells(answers, "cell_order");
    const reversed = withColumn(
      answers,
      "cell_order",
      orders.map((o) => o.split(" ").reverse().join(" ")),
    );
    const first = cells(random, "cell_order")[3]!.split(" ");
    return [
      ["reversed", reversed],
      [
        "tabs and extra spaces",
        withColumn(
          random,
          "cell_order",
          cells(random, "cell_order").map((o) => ` ${o.replaceAll(" ", " \t  ")}\t`),
        ),
      ],
      [
        "newline inside",
        setCell(random, 4, "cell_order", cells(random, "cell_order")[4]!.replace(" ", "\n")),
      ],
      ["missing cell", setCell(random, 3, "cell_order", first.slice(1).join(" "))],
      ["duplicated cell", setCell(random, 3, "cell_order", [first[1]!, ...first.slice(1)].join(" "))],
      ["unknown cell", setCell(random, 3, "cell_order", ["00000000", ...first.slice(1)].join(" "))],
      [
        "upper-case cell",
        setCell(random, 3, "cell_order", [`${first[0]!.toUpperCase()}Z`, ...first.slice(1)].join(" ")),
      ],
      ["empty order", setCell(random, 0, "cell_order", "")],
      extraColumn(random, "note"),
      [
        "ids changed",
        withColumn(
          random,
          "id",
          cells(random, "id").map((v) => `${v}x`),
        ),
      ],
      ["random 3", AI4CODE.random(answers, rng)],
    ];
  },
  extra(answers) {
    const single = withColumn(
      answers,
      "cell_order",
      cells(answers, "cell_order").map((o) => o.split(" ")[0]!),
    );
    return [{ label: "one-cell notebooks only", csv: toCsv(single), expect: "same", answers: toCsv(single) }];
  },
};

const JIGSAW_IDENTITIES = [
  "male",
  "female",
  "homosexual_gay_or_lesbian",
  "christian",
  "jewish",
  "muslim",
  "black",
  "white",
  "psychiatric_or_mental_illness",
];
const JIGSAW_OTHER = ["transgender", "asian"];
export const JIGSAW: Spec = {
  id: "jigsaw-unintended-bias-in-toxicity-classification",
  idColumn: "id",
  target: "prediction",
  unknownId: "1",
  answers(rng) {
    const ids = rng.distinct(160, () => String(rng.int(7_000_000, 7_200_000)));
    const pattern = [0.8, 0.1, 0.6, 0];
    return columnTable(
      [
        "id",
        "comment_text",
        "toxicity",
        "severe_toxicity",
        ...JIGSAW_IDENTITIES,
        ...JIGSAW_OTHER,
        "identity_annotator_count",
      ],
      ids.map((id, r) => {
        const forced = r < 36 ? Math.floor(r / 4) : -1;
        const tox =
          forced >= 0
            ? pattern[r % 4]!
            : rng.chance(0.3)
              ? round(0.5 + rng.next() / 2, 6)
              : round(rng.next() / 2.1, 6);
        const annotated = forced >= 0 || rng.chance(0.6);
        return [
          id,
          `comment ${r}, "quoted"\nsecond line`,
          num(tox),
          num(round(rng.next() / 10, 6)),
          ...JIGSAW_IDENTITIES.map((_, g) =>
            forced === g
              ? "1.0"
              : forced >= 0
                ? "0.0"
                : annotated
                  ? num(rng.chance(0.2) ? round(0.5 + rng.next() / 2, 3) : round(rng.next() / 2.1, 3))
                  : "",
          ),
          ...JIGSAW_OTHER.map(() => (annotated ? "0.0" : "")),
          annotated ? "4" : "0",
        ];
      }),
    );
  },
  random(answers, rng) {
    return columnTable(
      ["id", "prediction"],
      answers.rows.map((r) => [
        r[0]!,
        num(round(Number(r[2]) >= 0.5 ? rng.next() * 0.7 + 0.3 : rng.next() * 0.7, 4)),
      ]),
    );
  },
  perfect: (answers) =>
    columnTable(
      ["id", "prediction"],
      answers.rows.map((r) => [r[0]!, r[2]!]),
    ),
  sample: (answers) => constantPredictions(answers, ["id", "prediction"], "0.0"),
  special(answers, random) {
    return [
      ["copy of the answers (toxicity column)", answers],
      [
        "toxicity instead of prediction",
        columnTable(
          ["id", "toxicity"],
          random.rows.map((r) => [...r]),
        ),
      ],
      ["prediction and toxicity", withColumn(random, "toxicity", cells(random, "prediction"))],
      [
        "exactly 0.5",
        withColumn(
          random,
          "prediction",
          cells(random, "prediction").map((v, i) => (i % 3 === 0 ? "0.5" : v)),
        ),
      ],
      [
        "outside [0, 1]",
        withColumn(
          random,
          "prediction",
          cells(random, "prediction").map((v) => num(Number(v) * 10 - 3)),
        ),
      ],
      ["empty cell", setCell(random, 3, "prediction", ""), "bench-rejects"],
      ["text value", setCell(random, 6, "prediction", "abc")],
      ["ids as floats", asFloats(random, "id")],
      extraColumn(random),
    ];
  },
};

export const ESSAY: Spec = {
  id: "learning-agency-lab-automated-essay-scoring-2",
  idColumn: "essay_id",
  target: "score",
  unknownId: "fffffff",
  answers(rng) {
    const ids = rng.distinct(50, () => hex(rng, 7));
    return columnTable(
      ["essay_id", "full_text", "score"],
      ids.map((id, r) => [id, `Essay ${r}, "on cars".\n\nThe end`, String(rng.int(1, 6))]),
    );
  },
  random: (answers, rng) =>
    columnTable(
      ["essay_id", "score"],
      answers.rows.map((r) => [r[0]!, String(rng.chance(0.5) ? r[2] : rng.int(1, 6))]),
    ),
  perfect: (answers) => select(answers, ["essay_id", "score"]),
  sample: (answers) =>
    columnTable(
      ["essay_id", "score"],
      answers.rows.map((r, i) => [r[0]!, String(((i * 7) % 6) + 1)]),
    ),
  special(_answers, random) {
    return [
      ["scores as floats", asFloats(random, "score")],
      ["score 7", setCell(random, 1, "score", "7")],
      ["score 0", setCell(random, 2, "score", "0")],
      ["one label only", withColumn(random, "score", constant(random, "3"))],
      ["half score", setCell(random, 3, "score", "2.5")],
      ["empty cell", setCell(random, 3, "score", "")],
      ["text value", setCell(random, 6, "score", "abc")],
      [
        "ids changed",
        withColumn(
          random,
          "essay_id",
          cells(random, "essay_id").map((v) => `${v}x`),
        ),
      ],
      extraColumn(random),
    ];
  },
};

export const NFL: Spec = {
  id: "nfl-player-contact-detection",
  idColumn: "contact_id",
  target: "contact",
  unknownId: "58168_003392_0_38590_99999",
  answers(rng) {
    const ids = rng.distinct(
      80,
      () =>
        `58${rng.int(100, 999)}_00${rng.int(1000, 9999)}_${rng.int(0, 120)}_${rng.int(30000, 50000)}_${rng.chance(0.2) ? "G" : rng.int(30000, 50000)}`,
    );
    return columnTable(
      ["contact_id", "game_play", "datetime", "step", "nfl_player_id_1", "nfl_player_id_2", "contact"],
      ids.map((id) => {
        const p = id.split("_");
        return [
          id,
          `${p[0]}_${p[1]}`,
          "2021-09-12T00:17:05.400Z",
          p[2]!,
          p[3]!,
          p[4]!,
          rng.chance(0.3) ? "1" : "0",
        ];
      }),
    );
  },
  random: (answers, rng) =>
    columnTable(
      ["contact_id", "contact"],
      answers.rows.map((r) => [r[0]!, rng.chance(0.7) ? r[6]! : rng.chance(0.5) ? "1" : "0"]),
    ),
  perfect: (answers) => select(answers, ["contact_id", "contact"]),
  sample: (answers) => constantPredictions(answers, ["contact_id", "contact"], "0"),
  special(_answers, random) {
    return [
      [
        "True/False",
        withColumn(
          random,
          "contact",
          cells(random, "contact").map((v) => (v === "1" ? "True" : "False")),
        ),
      ],
      ["floats", asFloats(random, "contact")],
      ["all ones", withColumn(random, "contact", constant(random, "1"))],
      ["a third label", setCell(random, 4, "contact", "2")],
      ["probabilities", setCell(random, 4, "contact", "0.73")],
      ["empty cell", setCell(random, 3, "contact", "")],
      ["text value", setCell(random, 6, "contact", "abc")],
      [
        "yes/no",
        withColumn(
          random,
          "contact",
          cells(random, "contact").map((v) => (v === "1" ? "yes" : "no")),
        ),
      ],
      extraColumn(random),
    ];
  },
};
