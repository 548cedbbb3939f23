// Fixtures for the classification family's probability-table competitions (lmsys-chatbot-arena,
// rsna-2022-cervical-spine-fracture-detection, hms-harmful-brain-activity-classification;
// shared/mlebench/full-grading/g3-classification.md), shaped as each prepare step writes its answers.

import { type Fixture, num } from "./fixture.js";
import type { Rng } from "./rng.js";
import { cells, select, setCell, withColumn } from "./table.js";

/** Three probabilities that sum to 1 in float64 (the third is 1 - a - b). */
function simplex3(rng: Rng): [number, number, number] {
  const a = rng.next() * 0.6;
  const b = rng.next() * (1 - a) * 0.9;
  return [a, b, 1 - a - b];
}

const LMSYS = ["winner_model_a", "winner_model_b", "winner_tie"];
const HMS = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"];
const RSNA = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];

/** Six probabilities from weights, divided by their sum. */
function simplex6(rng: Rng): string[] {
  const w = HMS.map(() => (rng.chance(0.3) ? 0 : rng.next()));
  w[rng.int(0, 5)]! += 0.1;
  const total = w.reduce((s, v) => s + v, 0);
  return w.map((v) => num(v / total));
}

export const CLASSIFICATION_PROBABILITY_FIXTURES: readonly Fixture[] = [
  {
    id: "lmsys-chatbot-arena",
    idColumn: "id",
    targets: LMSYS,
    kind: "probability",
    answersColumns: ["id", "model_a", "model_b", "prompt", "response_a", "response_b", ...LMSYS],
    answers(rng) {
      const n = 40;
      const ids = rng.distinct(n, () => String(rng.int(30192, 4294947231)));
      return {
        columns: ["id", "model_a", "model_b", "prompt", "response_a", "response_b", ...LMSYS],
        rows: ids.map((id) => {
          const winner = rng.int(0, 2);
          return [
            id,
            rng.pick(["gpt-4-1106-preview", "llama-2-70b-chat"]),
            rng.pick(["claude-2.1", "mixtral-8x7b-instruct-v0.1"]),
            '["Hi, \\"there\\"","and, more"]',
            '["Hello!\\nHow can I help?"]',
            '["Greetings, human"]',
            ...LMSYS.map((_, k) => (k === winner ? "1" : "0")),
          ];
        }),
      };
    },
    sample: (answers) => ({
      columns: ["id", ...LMSYS],
      rows: cells(answers, "id").map((id) => [id, ...LMSYS.map(() => "0.3333333333333333")]),
    }),
    perfect: (answers) => select(answers, ["id", ...LMSYS]),
    random: (answers, rng) => ({
      columns: ["id", ...LMSYS],
      rows: cells(answers, "id").map((id) => [id, ...simplex3(rng).map(num)]),
    }),
    variants: (answers, rng) => {
      const rows = cells(answers, "id").map((id) => [id, ...simplex3(rng).map(num)]);
      const table = { columns: ["id", ...LMSYS], rows };
      const nudged = (delta: number) => setCell(table, 0, "winner_tie", num(Number(rows[0]![3]) + delta));
      return [
        { label: "row sum 1 + 4e-7", table: nudged(4e-7) },
        { label: "row sum 1 + 6e-7", table: nudged(6e-7) },
        { label: "row sum 1 - 1e-5", table: nudged(-1e-5) },
        {
          label: "three decimals",
          table: { ...table, rows: rows.map((r) => [r[0]!, ...r.slice(1).map((v) => Number(v).toFixed(3))]) },
        },
        { label: "hard one-hot, wrong", table: { ...table, rows: rows.map((r) => [r[0]!, "0", "0", "1"]) } },
      ];
    },
  },
  {
    id: "rsna-2022-cervical-spine-fracture-detection",
    idColumn: "row_id",
    targets: ["fractured"],
    kind: "probability",
    answers(rng) {
      const studies = rng.distinct(8, () => `1.2.826.0.1.3680043.${rng.int(1, 32000)}`);
      const rows: string[][] = [];
      for (const target of RSNA) {
        for (const uid of studies) rows.push([uid, target, rng.chance(0.3) ? "1" : "0", `${uid}_${target}`]);
      }
      return { columns: ["StudyInstanceUID", "prediction_type", "fractured", "row_id"], rows };
    },
    sample: (answers) => ({
      columns: ["row_id", "fractured"],
      rows: cells(answers, "row_id").map((id) => [id, "0.5"]),
    }),
    perfect: (answers) => select(answers, ["row_id", "fractured"]),
    random: (answers, rng) => ({
      columns: ["row_id", "fractured"],
      rows: cells(answers, "row_id").map((id) => [id, num(rng.next())]),
    }),
    variants: (answers, rng) => {
      const base = select(answers, ["row_id", "fractured"]);
      return [
        {
          label: "hard 0/1",
          table: withColumn(
            base,
            "fractured",
            base.rows.map(() => (rng.chance(0.5) ? "1" : "0")),
          ),
        },
        {
          label: "unknown target name",
          table: withColumn(
            base,
            "row_id",
            cells(base, "row_id").map((v, r) => (r === 0 ? v.replace("patient_overall", "C8") : v)),
          ),
        },
        {
          label: "extremes",
          table: withColumn(
            base,
            "fractured",
            base.rows.map(() => rng.pick(["0", "1", "1e-20", "0.9999999999999999"])),
          ),
        },
      ];
    },
  },
  {
    id: "hms-harmful-brain-activity-classification",
    idColumn: "eeg_id",
    targets: HMS,
    kind: "probability",
    answers(rng) {
      // Repeated eeg_ids carry the same votes (the score is then the same whatever the pairing);
      // rows 0 and 1 hold ids that occur once.
      const groups = rng.distinct(16, () => String(rng.int(568657, 4294431242)));
      const rows: string[][] = [];
      groups.forEach((eeg, g) => {
        const votes = HMS.map(() => (rng.chance(0.5) ? "0" : String(rng.int(1, 9))));
        votes[g % 6] = String(rng.int(1, 12));
        const repeat = g < 2 ? 1 : rng.int(1, 3);
        for (let k = 0; k < repeat; k++) {
          rows.push([
            eeg,
            String(k),
            String(k * 2),
            String(rng.int(353733, 2147388374)),
            String(k),
            String(k * 2),
            String(rng.int(1, 4294958358)),
            String(rng.int(56, 65494)),
            "Other",
            ...votes,
          ]);
        }
      });
      return {
        columns: [
          "eeg_id",
          "eeg_sub_id",
          "eeg_label_offset_seconds",
          "spectrogram_id",
          "spectrogram_sub_id",
          "spectrogram_label_offset_seconds",
          "label_id",
          "patient_id",
          "expert_consensus",
          ...HMS,
        ],
        rows,
      };
    },
    sample: (answers) => ({
      columns: ["eeg_id", ...HMS],
      rows: cells(answers, "eeg_id").map((id) => [id, ...HMS.map(() => num(1 / 6))]),
    }),
    perfect: (answers) => ({
      columns: ["eeg_id", ...HMS],
      rows: answers.rows.map((row) => {
        const votes = row.slice(9).map(Number);
        const total = votes.reduce((s, v) => s + v, 0);
        return [row[0]!, ...votes.map((v) => num(v / total))];
      }),
    }),
    random: (answers, rng) => ({
      columns: ["eeg_id", ...HMS],
      rows: cells(answers, "eeg_id").map((id) => [id, ...simplex6(rng)]),
    }),
    variants: (answers, rng) => {
      const ids = cells(answers, "eeg_id");
      const base = { columns: ["eeg_id", ...HMS], rows: ids.map((id) => [id, ...simplex6(rng)]) };
      const oneHot = {
        columns: base.columns,
        rows: ids.map((id) => [id, ...HMS.map((_, k) => (k === 2 ? "1" : "0"))]),
      };
      return [
        { label: "one-hot", table: oneHot },
        {
          label: "extra zero column",
          table: withColumn(
            base,
            "spare",
            base.rows.map(() => "0"),
          ),
        },
        {
          label: "extra spectrogram_id",
          table: withColumn(
            base,
            "spectrogram_id",
            base.rows.map(() => "1"),
          ),
        },
        {
          label: "NaN cell, row still sums to 1",
          table: setCell(setCell(oneHot, 0, "lpd_vote", ""), 0, "seizure_vote", ""),
        },
        {
          label: "rows sum to 0.99999",
          table: { ...oneHot, rows: oneHot.rows.map((r) => [r[0]!, "0", "0", "0.99999", "0", "0", "0"]) },
        },
        {
          label: "rows sum to 0.999994",
          table: { ...oneHot, rows: oneHot.rows.map((r) => [r[0]!, "0", "0", "0.999994", "0", "0", "0"]) },
        },
        {
          label: "rows sum to 1.000004",
          table: { ...oneHot, rows: oneHot.rows.map((r) => [r[0]!, "0", "0", "1.000004", "0", "0", "0"]) },
        },
        {
          label: "True/False one-hot",
          table: {
            ...oneHot,
            rows: oneHot.rows.map((r) => [r[0]!, ...r.slice(1).map((v) => (v === "1" ? "True" : "False"))]),
          },
        },
      ];
    },
  },
];
