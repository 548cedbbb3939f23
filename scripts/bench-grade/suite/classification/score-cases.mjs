// Classification benchmark cases scored on probabilities or scores (ROC AUC variants, log losses,
// KL divergence), with submissions that lean towards the truth.

import {
  answersPath,
  hexIds,
  increasingInts,
  permutation,
  rowsAt,
  submissionPath,
  writeLines,
} from "./files.mjs";

/** Binary-probability case: id + 0/1 answers; the submission's score leans towards the truth. */
function binaryCase({ id, rows, answers, idColumn, target, ids, rate }) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const idList = ids(random, n);
      const y = Uint8Array.from({ length: n }, (_, i) => (i < 2 ? 1 - i : random.bernoulli(rate)));
      writeLines(
        answersPath(dataDir, id, answers),
        `${idColumn},${target}`,
        n,
        (i) => `${idList[i]},${y[i]}`,
      );
      const order = permutation(random, n);
      const submission = writeLines(submissionPath(dataDir, id), `${idColumn},${target}`, n, (k) => {
        const i = order[k];
        return `${idList[i]},${Math.min(1, Math.max(0, 0.35 * y[i] + 0.65 * random.uniform()))}`;
      });
      return { submission };
    },
  };
}

const HMS = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"];
const RSNA = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];
const LMSYS = ["winner_model_a", "winner_model_b", "winner_tie"];

export const SCORE_CASES = [
  binaryCase({
    id: "alaska2-image-steganalysis",
    rows: 5000,
    answers: "private/test.csv",
    idColumn: "Id",
    target: "Label",
    ids: (_, n) => Array.from({ length: n }, (_, i) => `${String(i + 1).padStart(4, "0")}.jpg`),
    rate: 0.5,
  }),
  binaryCase({
    id: "invasive-species-monitoring",
    rows: 459,
    answers: "private/answers.csv",
    idColumn: "name",
    target: "invasive",
    ids: (random, n) => increasingInts(random, n, 0, 5),
    rate: 0.63,
  }),
  binaryCase({
    id: "rsna-miccai-brain-tumor-radiogenomic-classification",
    rows: 59,
    answers: "private/test.csv",
    idColumn: "BraTS21ID",
    target: "MGMT_value",
    ids: (random, n) => Array.from(increasingInts(random, n, 0, 17), (v) => String(v).padStart(5, "0")),
    rate: 0.5,
  }),
  binaryCase({
    id: "seti-breakthrough-listen",
    rows: 6000,
    answers: "private/test.csv",
    idColumn: "id",
    target: "target",
    ids: (random, n) => hexIds(random, n, 15),
    rate: 0.1,
  }),
  binaryCase({
    id: "statoil-iceberg-classifier-challenge",
    rows: 321,
    answers: "private/test.csv",
    idColumn: "id",
    target: "is_iceberg",
    ids: (random, n) => hexIds(random, n, 8),
    rate: 0.47,
  }),
  {
    id: "playground-series-s3e18",
    rows: 1484,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(1484, scale);
      const ids = increasingInts(random, n, 0, 10);
      const y = Array.from({ length: n }, (_, i) =>
        [0, 1, 2, 3, 4, 5].map((k) => (i < 2 ? (i + k) % 2 : random.bernoulli(0.2 + k / 10))),
      );
      const features = ["BertzCT", "Chi1", "Chi1n", "ExactMolWt", "fr_COO", "fr_COO2"];
      writeLines(
        answersPath(dataDir, "playground-series-s3e18", "private/test.csv"),
        ["id", ...features, "EC1", "EC2", "EC3", "EC4", "EC5", "EC6"].join(","),
        n,
        (i) => [ids[i], ...features.map(() => (random.uniform() * 1000).toFixed(3)), ...y[i]].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(
        submissionPath(dataDir, "playground-series-s3e18"),
        "id,EC1,EC2",
        n,
        (k) => {
          const i = order[k];
          return `${ids[i]},${0.3 * y[i][0] + 0.7 * random.uniform()},${0.3 * y[i][1] + 0.7 * random.uniform()}`;
        },
      );
      return { submission };
    },
  },
  {
    id: "lmsys-chatbot-arena",
    rows: 5748,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(5748, scale);
      const ids = increasingInts(random, n, 30000, 700000);
      const winner = Uint8Array.from({ length: n }, () => random.int(0, 2));
      writeLines(
        answersPath(dataDir, "lmsys-chatbot-arena", "private/answers.csv"),
        ["id", "model_a", "model_b", "prompt", "response_a", "response_b", ...LMSYS].join(","),
        n,
        (i) =>
          [
            ids[i],
            "gpt-4-1106-preview",
            "claude-2.1",
            '"[""Hi, \\""there\\"""",""and more""]"',
            '"[""Hello!\\nHow can I help?""]"',
            '"[""Greetings""]"',
            ...LMSYS.map((_, k) => (k === winner[i] ? 1 : 0)),
          ].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(
        submissionPath(dataDir, "lmsys-chatbot-arena"),
        ["id", ...LMSYS].join(","),
        n,
        (k) => {
          const i = order[k];
          const a = random.uniform() * 0.6;
          const b = random.uniform() * (1 - a) * 0.9;
          return `${ids[i]},${a},${b},${1 - a - b}`;
        },
      );
      return { submission };
    },
  },
  {
    id: "rsna-2022-cervical-spine-fracture-detection",
    rows: 14536,
    generate({ dataDir, random, scale }) {
      const studies = Math.max(3, Math.round(1817 * scale));
      const uids = Array.from(increasingInts(random, studies, 10000, 30), (v) => `1.2.826.0.1.3680043.${v}`);
      const n = studies * RSNA.length;
      const y = Uint8Array.from({ length: n }, () => random.bernoulli(0.15));
      const uidOf = (i) => uids[i % studies];
      const typeOf = (i) => RSNA[Math.floor(i / studies)];
      writeLines(
        answersPath(dataDir, "rsna-2022-cervical-spine-fracture-detection", "private/answers.csv"),
        "StudyInstanceUID,prediction_type,fractured,row_id",
        n,
        (i) => `${uidOf(i)},${typeOf(i)},${y[i]},${uidOf(i)}_${typeOf(i)}`,
      );
      const order = permutation(random, n);
      const submission = writeLines(
        submissionPath(dataDir, "rsna-2022-cervical-spine-fracture-detection"),
        "row_id,fractured",
        n,
        (k) => {
          const i = order[k];
          return `${uidOf(i)}_${typeOf(i)},${0.4 * y[i] + 0.6 * random.uniform()}`;
        },
      );
      return { submission };
    },
  },
  {
    id: "hms-harmful-brain-activity-classification",
    rows: 10680,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(10680, scale);
      // eeg_ids repeat (one row per labelled window); windows of one EEG carry the same votes here.
      const eeg = new Float64Array(n);
      const votes = [];
      let id = 568657;
      for (let i = 0; i < n; ) {
        id += random.int(1, 400000);
        const v = HMS.map(() => (random.uniform() < 0.6 ? 0 : random.int(1, 9)));
        v[random.int(0, 5)] += 1;
        for (let k = random.int(1, 6); k > 0 && i < n; k--, i++) {
          eeg[i] = id;
          votes[i] = v;
        }
      }
      const header = [
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
      ];
      writeLines(
        answersPath(dataDir, "hms-harmful-brain-activity-classification", "private/test.csv"),
        header.join(","),
        n,
        (i) =>
          [
            eeg[i],
            i % 7,
            (i % 7) * 2,
            353733 + i,
            i % 7,
            (i % 7) * 2,
            127492639 + i,
            20000 + (i % 1950),
            "Other",
            ...votes[i],
          ].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(
        submissionPath(dataDir, "hms-harmful-brain-activity-classification"),
        ["eeg_id", ...HMS].join(","),
        n,
        (k) => {
          const i = order[k];
          const w = votes[i].map((v) => v + random.uniform());
          const total = w.reduce((s, v) => s + v, 0);
          return [eeg[i], ...w.map((v) => v / total)].join(",");
        },
      );
      return { submission };
    },
  },
];
