import { cells, dropColumn, select, setCell, withColumn, withRows } from "../table.js";
import {
  asFloats,
  columnTable,
  constant,
  constantPredictions,
  extraColumn,
  extraCopy,
  hex,
  num,
  round,
  type Spec,
} from "./spec.js";

const CHAMPS_TYPES = ["1JHC", "1JHN", "2JHC", "2JHH", "2JHN", "3JHC", "3JHH", "3JHN"];
export const CHAMPS: Spec = {
  id: "champs-scalar-coupling",
  idColumn: "id",
  target: "scalar_coupling_constant",
  unknownId: "987654321",
  answers(rng) {
    const ids = rng.distinct(60, () => String(rng.int(1000, 4_700_000)));
    return columnTable(
      ["id", "molecule_name", "atom_index_0", "atom_index_1", "type", "scalar_coupling_constant"],
      ids.map((id, i) => {
        const type = CHAMPS_TYPES[i % 5]!;
        return [
          id,
          `dsgdb9nsd_${String(rng.int(1, 9999)).padStart(6, "0")}`,
          String(rng.int(0, 20)),
          String(rng.int(0, 20)),
          type,
          num(round((rng.next() - 0.3) * 100, 4)),
        ];
      }),
    );
  },
  random(answers, rng) {
    return columnTable(
      ["id", "scalar_coupling_constant"],
      answers.rows.map((r) => [r[0]!, num(round(Number(r[5]) + (rng.next() - 0.5) * 10, 3))]),
    );
  },
  perfect: (answers) => select(answers, ["id", "scalar_coupling_constant"]),
  sample: (answers) => constantPredictions(answers, ["id", "scalar_coupling_constant"], "0"),
  special(answers, random) {
    const perfect = CHAMPS.perfect(answers);
    const typeRows = new Set(answers.rows.flatMap((r, i) => (r[4] === "1JHC" ? [i] : [])));
    const oneTypeExact = withRows(
      random,
      random.rows.map((row, i) => (typeRows.has(i) ? perfect.rows[i]! : row)),
    );
    return [
      ["one type exact", oneTypeExact],
      [
        "tiny errors",
        withColumn(
          perfect,
          "scalar_coupling_constant",
          cells(perfect, "scalar_coupling_constant").map((v) => num(Number(v) + 1e-10)),
        ),
      ],
      ["ids as floats", asFloats(random, "id")],
      ["wrong type column", withColumn(random, "type", constant(random, "3JHN"))],
      ["extra copy of a row", extraCopy(random, 5), "bench-rejects"],
      [
        "extra copy, shuffled",
        withRows(extraCopy(random, 7), [...extraCopy(random, 7).rows].reverse()),
        "bench-rejects",
      ],
      ["empty cell", setCell(random, 3, "scalar_coupling_constant", "")],
      ["infinite value", setCell(random, 4, "scalar_coupling_constant", "inf")],
      ["text value", setCell(random, 6, "scalar_coupling_constant", "abc")],
      [
        "negative values",
        withColumn(
          random,
          "scalar_coupling_constant",
          cells(random, "scalar_coupling_constant").map((v) => num(-Math.abs(Number(v)))),
        ),
      ],
    ];
  },
};

const PETFINDER_FEATURES = [
  "Subject Focus",
  "Eyes",
  "Face",
  "Near",
  "Action",
  "Accessory",
  "Group",
  "Collage",
  "Human",
  "Occlusion",
  "Info",
  "Blur",
];
export const PETFINDER: Spec = {
  id: "petfinder-pawpularity-score",
  idColumn: "Id",
  target: "Pawpularity",
  unknownId: "f".repeat(32),
  answers(rng) {
    const ids = rng.distinct(50, () => hex(rng, 32));
    return columnTable(
      ["Id", ...PETFINDER_FEATURES, "Pawpularity"],
      ids.map((id) => [id, ...PETFINDER_FEATURES.map(() => String(rng.int(0, 1))), String(rng.int(1, 100))]),
    );
  },
  random: (answers, rng) =>
    columnTable(
      ["Id", "Pawpularity"],
      answers.rows.map((r) => [r[0]!, num(round(1 + rng.next() * 99, 2))]),
    ),
  perfect: (answers) => select(answers, ["Id", "Pawpularity"]),
  sample: (answers) =>
    columnTable(
      ["Id", "Pawpularity"],
      answers.rows.map((r, i) => [r[0]!, num(round(1 + ((i * 37) % 99), 2))]),
    ),
  special(_answers, random) {
    return [
      ["bounds 1 and 100", setCell(setCell(random, 1, "Pawpularity", "1"), 2, "Pawpularity", "100")],
      ["below 1", setCell(random, 1, "Pawpularity", "0.99")],
      ["above 100", setCell(random, 1, "Pawpularity", "100.5")],
      ["empty cell", setCell(random, 3, "Pawpularity", "")],
      ["infinite value", setCell(random, 4, "Pawpularity", "inf")],
      ["text value", setCell(random, 6, "Pawpularity", "abc")],
      extraColumn(random),
    ];
  },
};

export const VOLCANIC: Spec = {
  id: "predict-volcanic-eruptions-ingv-oe",
  idColumn: "segment_id",
  target: "time_to_eruption",
  unknownId: "987654321",
  answers(rng) {
    const ids = rng.distinct(40, () => String(rng.int(100000, 2_147_000_000)));
    return columnTable(
      ["segment_id", "time_to_eruption"],
      ids.map((id) => [id, String(rng.int(6000, 49_000_000))]),
    );
  },
  random: (answers, rng) =>
    columnTable(
      ["segment_id", "time_to_eruption"],
      answers.rows.map((r) => [r[0]!, num(round(Number(r[1]) + (rng.next() - 0.5) * 2e7, 1))]),
    ),
  perfect: (answers) => answers,
  sample: (answers) => withColumn(answers, "time_to_eruption", constant(answers, "0")),
  special(answers, random) {
    const shift = (d: number) =>
      withColumn(
        answers,
        "time_to_eruption",
        cells(answers, "time_to_eruption").map((v) => num(Number(v) + d)),
      );
    return [
      ["off by 2.5 (rounds to 2)", shift(2.5)],
      ["off by 3.5 (rounds to 4)", shift(3.5)],
      [
        "negative predictions",
        withColumn(
          random,
          "time_to_eruption",
          cells(random, "time_to_eruption").map((v) => num(-Number(v))),
        ),
      ],
      ["ids as floats", asFloats(random, "segment_id")],
      ["extra copy of a row", extraCopy(random, 5), "bench-rejects"],
      ["empty cell", setCell(random, 3, "time_to_eruption", "")],
      ["infinite value", setCell(random, 4, "time_to_eruption", "inf")],
      ["text value", setCell(random, 6, "time_to_eruption", "abc")],
      extraColumn(random),
    ];
  },
};

const COVID_COLUMNS = ["reactivity", "deg_Mg_pH10", "deg_pH10", "deg_Mg_50C", "deg_50C"];
export const STANFORD: Spec = {
  id: "stanford-covid-vaccine",
  idColumn: "id_seqpos",
  target: "reactivity",
  unknownId: "id_fffffffff_0",
  answers(rng) {
    const seqs = rng.distinct(6, () => `id_${hex(rng, 9)}`);
    const rows: string[][] = [];
    for (const s of seqs) {
      for (let p = 0; p < 107; p++) {
        const kept = p < 68;
        rows.push([
          `${s}_${p}`,
          ...COVID_COLUMNS.map(() => (kept ? (rng.next() * 3 - 0.5).toFixed(10) : "0.0000000000")),
          kept ? "True" : "False",
        ]);
      }
    }
    return columnTable(["id_seqpos", ...COVID_COLUMNS, "keep"], rows);
  },
  random: (answers, rng) =>
    columnTable(
      ["id_seqpos", ...COVID_COLUMNS],
      answers.rows.map((r) => [r[0]!, ...COVID_COLUMNS.map(() => num(round(rng.next() * 2, 4)))]),
    ),
  perfect: (answers) => select(answers, ["id_seqpos", ...COVID_COLUMNS]),
  sample: (answers) =>
    columnTable(
      ["id_seqpos", ...COVID_COLUMNS],
      answers.rows.map((r) => [r[0]!, ...COVID_COLUMNS.map(() => "0.0")]),
    ),
  overrides: { shuffled: ["bench-notes", "random"] },
  special(_answers, random, rng) {
    const sortedById = withRows(
      random,
      [...random.rows].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const unscored = 80; // position 80 of the first sequence: keep=False
    return [
      ["shuffled again", withRows(random, rng.shuffle(random.rows)), "bench-notes", "random"],
      ["sorted by id_seqpos (reference misaligns)", sortedById, "bench-notes", "random"],
      ["empty cell on an unscored row", setCell(random, unscored, "reactivity", "")],
      ["text on an unscored row", setCell(random, unscored, "deg_Mg_50C", "abc")],
      [
        "unscored columns empty",
        withColumn(withColumn(random, "deg_pH10", constant(random, "")), "deg_50C", constant(random, "")),
      ],
      ["empty cell", setCell(random, 3, "reactivity", "")],
      ["infinite value", setCell(random, 4, "deg_Mg_pH10", "inf")],
      ["text value", setCell(random, 6, "deg_Mg_50C", "abc")],
      ["missing unscored column", dropColumn(random, "deg_50C")],
      extraColumn(random),
    ];
  },
};

export const VENTILATOR: Spec = {
  id: "ventilator-pressure-prediction",
  idColumn: "id",
  target: "pressure",
  unknownId: "987654",
  answers(rng) {
    const rows: string[][] = [];
    for (let b = 0; b < 5; b++) {
      const breath = String(rng.int(1, 125000));
      for (let t = 0; t < 80; t++) {
        rows.push([
          String(rows.length + 1),
          breath,
          "20",
          "50",
          num(round(t * 0.0334, 7)),
          num(round(rng.next() * 30, 6)),
          t < 30 ? "0" : "1",
          num(round(5 + rng.next() * 30, 7)),
        ]);
      }
    }
    return columnTable(["id", "breath_id", "R", "C", "time_step", "u_in", "u_out", "pressure"], rows);
  },
  random: (answers, rng) =>
    columnTable(
      ["id", "pressure"],
      answers.rows.map((r) => [r[0]!, num(round(Number(r[7]) + (rng.next() - 0.5) * 8, 4))]),
    ),
  perfect: (answers) => select(answers, ["id", "pressure"]),
  sample: (answers) => constantPredictions(answers, ["id", "pressure"], "0"),
  special(_answers, random) {
    return [
      ["empty cell on an expiratory row", setCell(random, 50, "pressure", "")],
      ["text on an expiratory row", setCell(random, 50, "pressure", "abc")],
      ["empty cell", setCell(random, 3, "pressure", "")],
      ["infinite value", setCell(random, 4, "pressure", "inf")],
      ["text value", setCell(random, 6, "pressure", "abc")],
      ["ids as floats", asFloats(random, "id")],
      extraColumn(random),
    ];
  },
};
