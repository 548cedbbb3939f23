// Benchmark cases for the regression-and-ranking family (shared/mlebench/full-grading/g4-regression-and-
// ranking.md): for each of the 12 competitions, answers at the path its competition.yaml names and one
// plausible valid submission, at the upstream size times `scale`. Files are written in ~1 MiB chunks.
// Values are shaped like the real ones (hex ids, cell orders of 1-1000 cells, 8 coupling types, 80-class
// many-hot rows, 45-column comments with quoted text, breaths of 80 time steps, 107 positions per RNA
// sequence). The largest are ventilator (~604k rows) and champs (~466k rows) and nfl (~470k rows).
//
//   export const CASES = [{ id, rows, generate({ dataDir, random, scale }) }]
// generate() returns { submission: <absolute path> }.

import { preparedPath, submissionPath, writeLines } from "../case-files.mjs";

const answersPath = (dataDir, id, file) => preparedPath(dataDir, id, `private/${file}`);
const rowsAt = (rows, scale) => Math.max(2, Math.round(rows * scale));

/** A random permutation of 0..n-1 as an Int32Array. */
function permutation(random, n) {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

function distinctHex(random, n, digits) {
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    const h = random.hex(digits);
    if (!seen.has(h)) {
      seen.add(h);
      out.push(h);
    }
  }
  return out;
}

const fmt = (x, digits = 6) => String(Number(x.toFixed(digits)));

/** A simple id + target case: answers(i) gives the answers line, predict(i) the prediction cell. */
function simpleCase({
  id,
  rows,
  file,
  answersHeader,
  subHeader,
  setup,
  answersLine,
  submissionLine,
  shuffle = true,
}) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const state = setup(random, n);
      writeLines(answersPath(dataDir, id, file), answersHeader, n, (i) => answersLine(state, i, random));
      const order = shuffle ? permutation(random, n) : null;
      const submission = writeLines(submissionPath(dataDir, id), subHeader, n, (k) =>
        submissionLine(state, order ? order[k] : k, random),
      );
      return { submission };
    },
  };
}

const COUPLING_TYPES = ["1JHC", "1JHN", "2JHC", "2JHH", "2JHN", "3JHC", "3JHH", "3JHN"];
const COUPLING_MEAN = [95, 48, -0.3, -11, 3.1, 3.7, 4.8, 0.99];
const QUEST = Array.from({ length: 30 }, (_, i) => (i < 21 ? `question_target_${i}` : `answer_target_${i}`));
const JIGSAW_IDENTITIES = [
  "male",
  "female",
  "transgender",
  "other_gender",
  "heterosexual",
  "homosexual_gay_or_lesbian",
  "bisexual",
  "other_sexual_orientation",
  "christian",
  "jewish",
  "muslim",
  "hindu",
  "buddhist",
  "atheist",
  "other_religion",
  "black",
  "white",
  "asian",
  "latino",
  "other_race_or_ethnicity",
  "physical_disability",
  "intellectual_or_learning_disability",
  "psychiatric_or_mental_illness",
  "other_disability",
];
const JIGSAW_HEADER = [
  "id",
  "comment_text",
  "created_date",
  "publication_id",
  "parent_id",
  "article_id",
  "rating",
  "funny",
  "wow",
  "sad",
  "likes",
  "disagree",
  "toxicity",
  "severe_toxicity",
  "obscene",
  "sexual_explicit",
  "identity_attack",
  "insult",
  "threat",
  ...JIGSAW_IDENTITIES,
  "identity_annotator_count",
  "toxicity_annotator_count",
];
const FREESOUND_CLASSES = Array.from({ length: 80 }, (_, i) => `Sound_class_${String(i).padStart(2, "0")}`);
const COVID = ["reactivity", "deg_Mg_pH10", "deg_pH10", "deg_Mg_50C", "deg_50C"];
const WORDS = ["the", "car", "students", "should", "because", "phones", "people", "school", "think", "venus"];

export const CASES = [
  simpleCase({
    id: "AI4Code",
    rows: 20000,
    file: "test_orders.csv",
    answersHeader: "id,cell_order",
    subHeader: "id,cell_order",
    setup(random, n) {
      return { ids: distinctHex(random, n, 14), orders: new Array(n) };
    },
    answersLine(state, i, random) {
      const cells = Math.min(1000, 1 + Math.floor(-Math.log(1 - random.uniform()) * 45));
      const order = Array.from({ length: cells }, () => random.hex(8));
      state.orders[i] = order;
      return `${state.ids[i]},${order.join(" ")}`;
    },
    submissionLine(state, i, random) {
      // A model that gets the code cells' order right and places the rest roughly: a partial shuffle.
      const order = [...state.orders[i]];
      for (let k = 0; k < order.length / 3; k++) {
        const a = Math.floor(random.uniform() * order.length);
        const b = Math.min(order.length - 1, a + Math.floor(random.uniform() * 4));
        [order[a], order[b]] = [order[b], order[a]];
      }
      return `${state.ids[i]},${order.join(" ")}`;
    },
  }),
  simpleCase({
    id: "champs-scalar-coupling",
    rows: 466000,
    file: "answers.csv",
    answersHeader: "id,molecule_name,atom_index_0,atom_index_1,type,scalar_coupling_constant",
    subHeader: "id,scalar_coupling_constant",
    setup(random, n) {
      // Original train row ids, grouped by molecule: increasing runs with gaps, not sorted overall.
      const ids = new Float64Array(n);
      let next = 0;
      for (let i = 0; i < n; i++) {
        if (i % 25 === 0) next = random.int(0, 4_600_000);
        ids[i] = next++;
      }
      const unique = new Set();
      for (let i = 0; i < n; i++) {
        while (unique.has(ids[i])) ids[i] += 4_700_000;
        unique.add(ids[i]);
      }
      return { ids, truth: new Float64Array(n), type: new Uint8Array(n) };
    },
    answersLine(state, i, random) {
      const t = random.int(0, 7);
      state.type[i] = t;
      state.truth[i] = COUPLING_MEAN[t] + random.normal(0, 3);
      return `${state.ids[i]},dsgdb9nsd_${String(Math.floor(i / 25)).padStart(6, "0")},${random.int(0, 28)},${random.int(0, 28)},${COUPLING_TYPES[t]},${fmt(state.truth[i], 5)}`;
    },
    submissionLine: (state, i, random) => `${state.ids[i]},${fmt(state.truth[i] + random.normal(0, 1), 6)}`,
  }),
  {
    id: "freesound-audio-tagging-2019",
    rows: 3361,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(3361, scale);
      const names = distinctHex(random, n, 8).map((h) => `${h}.wav`);
      const truth = names.map(() => {
        const set = new Set([random.int(0, 79)]);
        while (random.uniform() < 0.2) set.add(random.int(0, 79));
        return set;
      });
      const header = ["fname", ...FREESOUND_CLASSES].join(",");
      writeLines(answersPath(dataDir, this.id, "test.csv"), header, n, (i) =>
        [names[i], ...FREESOUND_CLASSES.map((_, j) => (truth[i].has(j) ? 1 : 0))].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(submissionPath(dataDir, this.id), header, n, (k) => {
        const i = order[k];
        return [
          names[i],
          ...FREESOUND_CLASSES.map((_, j) => fmt(random.uniform() * (truth[i].has(j) ? 3 : 1), 5)),
        ].join(",");
      });
      return { submission };
    },
  },
  simpleCase({
    id: "google-quest-challenge",
    rows: 608,
    file: "test.csv",
    answersHeader: ["qa_id", ...QUEST].join(","),
    subHeader: ["qa_id", ...QUEST].join(","),
    setup: (random, n) => ({
      ids: Array.from({ length: n }, (_, i) => 39 + i * 10 + random.int(0, 9)),
      truth: [],
    }),
    answersLine(state, i, random) {
      state.truth[i] = QUEST.map(() => [0, 0.333333333333333, 0.5, 0.666666666666667, 1][random.int(0, 4)]);
      return [state.ids[i], ...state.truth[i]].join(",");
    },
    submissionLine: (state, i, random) =>
      [state.ids[i], ...state.truth[i].map((t) => fmt(t * 0.6 + random.uniform() * 0.4, 6))].join(","),
  }),
  simpleCase({
    id: "jigsaw-unintended-bias-in-toxicity-classification",
    rows: 97320,
    file: "test.csv",
    answersHeader: JIGSAW_HEADER.join(","),
    subHeader: "id,prediction",
    setup: (random, n) => ({
      ids: Array.from({ length: n }, (_, i) => 7000000 + i * 3 + random.int(0, 2)),
      toxic: new Uint8Array(n),
    }),
    answersLine(state, i, random) {
      const toxicity = random.uniform() < 0.08 ? 0.5 + random.uniform() / 2 : random.uniform() * 0.49;
      state.toxic[i] = toxicity >= 0.5 ? 1 : 0;
      const annotated = random.uniform() < 0.3;
      const words = Array.from({ length: random.int(5, 60) }, () => WORDS[random.int(0, WORDS.length - 1)]);
      const text = `"${words.join(" ")}, ""quoted""\n${words.slice(0, 3).join(" ")}"`;
      const identities = JIGSAW_IDENTITIES.map(() =>
        annotated ? fmt(random.uniform() < 0.2 ? 0.5 + random.uniform() / 2 : 0, 6) : "",
      );
      const scores = Array.from({ length: 6 }, () => fmt(random.uniform() * toxicity, 6));
      return [
        state.ids[i],
        text,
        "2017-05-01 00:00:00.000000+00",
        21,
        "",
        random.int(300000, 400000),
        "approved",
        0,
        0,
        0,
        random.int(0, 5),
        0,
        fmt(toxicity, 6),
        ...scores,
        ...identities,
        annotated ? 4 : 0,
        10,
      ].join(",");
    },
    submissionLine: (state, i, random) =>
      `${state.ids[i]},${fmt(state.toxic[i] ? random.uniform() * 0.8 + 0.2 : random.uniform() * 0.6, 6)}`,
  }),
  simpleCase({
    id: "learning-agency-lab-automated-essay-scoring-2",
    rows: 1731,
    file: "answers.csv",
    answersHeader: "essay_id,full_text,score",
    subHeader: "essay_id,score",
    setup: (random, n) => ({ ids: distinctHex(random, n, 7), truth: new Uint8Array(n) }),
    answersLine(state, i, random) {
      state.truth[i] = random.int(1, 6);
      const words = Array.from(
        { length: random.int(150, 700) },
        () => WORDS[random.int(0, WORDS.length - 1)],
      );
      return `${state.ids[i]},"${words.join(" ")}, ""cars""\n\n${words.slice(0, 20).join(" ")}",${state.truth[i]}`;
    },
    submissionLine: (state, i, random) =>
      `${state.ids[i]},${Math.min(6, Math.max(1, state.truth[i] + random.int(-1, 1)))}`,
  }),
  simpleCase({
    id: "nfl-player-contact-detection",
    rows: 470000,
    file: "test.csv",
    answersHeader: "contact_id,game_play,datetime,step,nfl_player_id_1,nfl_player_id_2,contact",
    subHeader: "contact_id,contact",
    setup: (_random, n) => ({
      ids: new Array(n),
      truth: new Uint8Array(n),
      play: "58168_003392",
      step: 0,
      k: 0,
    }),
    answersLine(state, i, random) {
      if (state.k++ % 250 === 0) state.play = `${random.int(57500, 58600)}_00${random.int(1000, 4999)}`;
      const step = Math.floor(state.k / 10) % 120;
      const p1 = 30000 + (state.k % 10) * 977;
      const p2 = random.uniform() < 0.1 ? "G" : String(40000 + i);
      state.ids[i] = `${state.play}_${step}_${p1}_${p2}`;
      state.truth[i] = random.uniform() < 0.13 ? 1 : 0;
      return `${state.ids[i]},${state.play},2021-09-12T02:42:14.100Z,${step},${p1},${p2},${state.truth[i]}`;
    },
    submissionLine: (state, i, random) =>
      `${state.ids[i]},${random.uniform() < 0.85 ? state.truth[i] : 1 - state.truth[i]}`,
  }),
  simpleCase({
    id: "petfinder-pawpularity-score",
    rows: 992,
    file: "test.csv",
    answersHeader:
      "Id,Subject Focus,Eyes,Face,Near,Action,Accessory,Group,Collage,Human,Occlusion,Info,Blur,Pawpularity",
    subHeader: "Id,Pawpularity",
    setup: (random, n) => ({ ids: distinctHex(random, n, 32), truth: new Uint8Array(n) }),
    answersLine(state, i, random) {
      state.truth[i] = random.int(1, 100);
      return [state.ids[i], ...Array.from({ length: 12 }, () => random.int(0, 1)), state.truth[i]].join(",");
    },
    submissionLine: (state, i, random) =>
      `${state.ids[i]},${fmt(Math.min(100, Math.max(1, state.truth[i] * 0.5 + 19 + random.normal(0, 10))), 2)}`,
  }),
  simpleCase({
    id: "predict-volcanic-eruptions-ingv-oe",
    rows: 444,
    file: "test.csv",
    answersHeader: "segment_id,time_to_eruption",
    subHeader: "segment_id,time_to_eruption",
    setup: (random, n) => ({
      ids: [...new Set(Array.from({ length: n * 2 }, () => random.int(500000, 2147000000)))].slice(0, n),
      truth: new Float64Array(n),
    }),
    answersLine(state, i, random) {
      state.truth[i] = random.int(6000, 49000000);
      return `${state.ids[i]},${state.truth[i]}`;
    },
    submissionLine: (state, i, random) => `${state.ids[i]},${fmt(state.truth[i] + random.normal(0, 5e6), 2)}`,
  }),
  {
    id: "stanford-covid-vaccine",
    rows: 25680,
    generate({ dataDir, random, scale }) {
      const sequences = Math.max(1, Math.round(240 * scale));
      const n = sequences * 107;
      const seqs = distinctHex(random, sequences, 9).map((h) => `id_${h}`);
      const truth = new Float64Array(n * 5);
      writeLines(
        answersPath(dataDir, this.id, "test.csv"),
        ["id_seqpos", ...COVID, "keep"].join(","),
        n,
        (i) => {
          const kept = i % 107 < 68;
          const cells = COVID.map((_, c) => {
            truth[i * 5 + c] = kept ? Math.abs(random.normal(0.4, 0.5)) : 0;
            return truth[i * 5 + c].toFixed(10);
          });
          return [`${seqs[Math.floor(i / 107)]}_${i % 107}`, ...cells, kept ? "True" : "False"].join(",");
        },
      );
      // The sample's order (the answers' order), as every working submission keeps it.
      const submission = writeLines(
        submissionPath(dataDir, this.id),
        ["id_seqpos", ...COVID].join(","),
        n,
        (i) =>
          [
            `${seqs[Math.floor(i / 107)]}_${i % 107}`,
            ...COVID.map((_, c) => fmt(truth[i * 5 + c] * 0.7 + random.uniform() * 0.2, 6)),
          ].join(","),
      );
      return { submission };
    },
  },
  simpleCase({
    id: "us-patent-phrase-to-phrase-matching",
    rows: 3648,
    file: "test.csv",
    answersHeader: "id,anchor,target,context,score",
    subHeader: "id,score",
    setup: (random, n) => ({ ids: distinctHex(random, n, 16), truth: new Float64Array(n) }),
    answersLine(state, i, random) {
      state.truth[i] = [0, 0.25, 0.5, 0.75, 1][random.int(0, 4)];
      return `${state.ids[i]},${WORDS[random.int(0, 9)]} ${WORDS[random.int(0, 9)]},${WORDS[random.int(0, 9)]},G0${random.int(1, 9)},${state.truth[i]}`;
    },
    submissionLine: (state, i, random) =>
      `${state.ids[i]},${fmt(state.truth[i] * 0.7 + random.uniform() * 0.3, 5)}`,
  }),
  simpleCase({
    id: "ventilator-pressure-prediction",
    rows: 603600,
    file: "test.csv",
    answersHeader: "id,breath_id,R,C,time_step,u_in,u_out,pressure",
    subHeader: "id,pressure",
    setup: (_random, n) => ({ truth: new Float64Array(n), breath: 0 }),
    answersLine(state, i, random) {
      const t = i % 80;
      if (t === 0) state.breath = random.int(1, 125749);
      state.truth[i] = 5 + random.uniform() * 30;
      return `${i + 1},${state.breath},20,50,${(t * 0.0334).toPrecision(10)},${(random.uniform() * 30).toPrecision(10)},${t < 30 ? 0 : 1},${state.truth[i].toPrecision(10)}`;
    },
    submissionLine: (state, i, random) => `${i + 1},${fmt(state.truth[i] + random.normal(0, 1), 6)}`,
  }),
];
