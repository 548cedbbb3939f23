// Benchmark cases for the 22 Lite competitions (shared/mlebench/lite-grading.md, section 5) and the three
// bundled demo ones: answers at the path each competition.yaml names (data.answers under
// <dataDir>/<id>/prepared/) and one plausible valid submission, at the upstream row count times `scale`
// (the demo ones: their bundled size). Values are shaped like the real ones (hex and DICOM ids, quoted
// comment texts as ids, one-hot class columns, the -1 rows of jigsaw, 540-pixel-wide denoising images,
// QUOTE_NONNUMERIC text-normalization answers) so that parsing, joins and metrics do their real work.
// Submissions are shuffled where the reference joins by id, in file order where it pairs by position
// (nomad2018). Files are written in ~1 MiB chunks. The largest: denoising (~5.35M pixels), the two
// text-normalization sets (~1M tokens each), tabular-dec-2021 (400k rows of 56 columns).
//
//   export const CASES = [{ id, rows, generate({ dataDir, random, scale }) }]
// generate() returns { submission: <absolute path> }.

import { preparedPath as prepared, submissionPath, writeLines } from "../case-files.mjs";

const rowsAt = (rows, scale) => Math.max(8, Math.round(rows * scale));

/** A random permutation of 0..n-1. */
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

/** A probability that leans towards the label: a decent model. */
const leaning = (random, label) => 1 / (1 + Math.exp(-(2 * label - 1 + random.normal(0, 1.3))));
/** A CSV cell, quoted when it needs to be. */
const cell = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
/** `k` probabilities summing to 1 (full precision, so that the sum check holds), leaning to `hot`. */
function distribution(random, k, hot) {
  const weights = Array.from({ length: k }, (_, c) => random.uniform() + (c === hot ? k * 0.3 : 0.05));
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  return p;
}

/**
 * A case whose answers are one id column plus others, and whose submission is `subHeader` rows made by
 * `predict`, shuffled unless `inOrder`. `ids(random, n)` gives the ids, `truth(random, i)` the answer row
 * state, `answersLine(id, t, i)` the answers line and `submissionLine(id, t, random)` the submission line.
 */
function idCase({
  id,
  rows,
  file,
  answersHeader,
  subHeader,
  ids,
  truth,
  answersLine,
  submissionLine,
  inOrder,
}) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const keys = ids(random, n);
      const truths = Array.from({ length: n }, (_, i) => truth(random, i));
      writeLines(prepared(dataDir, id, file), answersHeader, n, (i) => answersLine(keys[i], truths[i], i));
      const order = inOrder ? null : permutation(random, n);
      const submission = writeLines(submissionPath(dataDir, id), subHeader, n, (k) => {
        const i = order ? order[k] : k;
        return submissionLine(keys[i], truths[i], random);
      });
      return { submission };
    },
  };
}

/** Binary AUC competitions: one id, one 0/1 target with prevalence `p`; the submission a probability. */
function aucCase({ id, rows, file, idColumn, target, p, makeId }) {
  return idCase({
    id,
    rows,
    file,
    answersHeader: `${idColumn},${target}`,
    subHeader: `${idColumn},${target}`,
    ids: (random, n) => random.uniqueIds(n, makeId),
    // Both classes present at any scale (AUC is undefined with one).
    truth: (random, i) => (i < 2 ? 1 - i : random.bernoulli(p)),
    answersLine: (key, y) => `${cell(key)},${y}`,
    submissionLine: (key, y, random) => `${cell(key)},${leaning(random, y)}`,
  });
}

/** One-hot answers over `classes`; the submission a full-precision distribution per row. */
function oneHotCase({ id, rows, file, idColumn, classes, makeIds }) {
  const header = [idColumn, ...classes].map(cell).join(",");
  return idCase({
    id,
    rows,
    file,
    answersHeader: header,
    subHeader: header,
    ids: makeIds,
    truth: (random) => random.int(0, classes.length - 1),
    answersLine: (key, hot) => `${key},${classes.map((_, c) => (c === hot ? 1 : 0)).join(",")}`,
    submissionLine: (key, hot, random) => `${key},${distribution(random, classes.length, hot).join(",")}`,
  });
}

const sequentialIds = (from) => (_random, n) => Array.from({ length: n }, (_, i) => String(from + i));
const RANZCR = [
  "ETT - Abnormal",
  "ETT - Borderline",
  "ETT - Normal",
  "NGT - Abnormal",
  "NGT - Borderline",
  "NGT - Incompletely Imaged",
  "NGT - Normal",
  "CVC - Abnormal",
  "CVC - Borderline",
];
const JIGSAW = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"];
const TABULAR_DEC_FEATURES = [
  "Elevation",
  "Aspect",
  "Slope",
  "Horizontal_Distance_To_Hydrology",
  "Vertical_Distance_To_Hydrology",
  "Horizontal_Distance_To_Roadways",
  "Hillshade_9am",
  "Hillshade_Noon",
  "Hillshade_3pm",
  "Horizontal_Distance_To_Fire_Points",
  ...Array.from({ length: 4 }, (_, i) => `Wilderness_Area${i + 1}`),
  ...Array.from({ length: 40 }, (_, i) => `Soil_Type${i + 1}`),
];
const NOMAD_FEATURES = [
  "spacegroup",
  "number_of_total_atoms",
  "percent_atom_al",
  "percent_atom_ga",
  "percent_atom_in",
  "lattice_vector_1_ang",
  "lattice_vector_2_ang",
  "lattice_vector_3_ang",
  "lattice_angle_alpha_degree",
  "lattice_angle_beta_degree",
  "lattice_angle_gamma_degree",
];
const LATIN = ["one", "two", "three", "hundred", "the", "of", "and", "sil", "twenty", "first", "street"];
const CYRILLIC = ["один", "два", "три", "сто", "и", "в", "на", "sil", "двадцать", "первый", "улица"];
const base36 = (random, length) => Array.from({ length }, () => random.int(0, 35).toString(36)).join("");

/** Text normalization: QUOTE_NONNUMERIC answers '"<sentence>_<token>","<after>"'; ~95% exact predictions. */
function textNormalizationCase(id, rows, words) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const keys = [];
      for (let sentence = 0; keys.length < n; sentence++) {
        const tokens = random.int(3, 25);
        for (let t = 0; t < tokens && keys.length < n; t++) keys.push(`${sentence}_${t}`);
      }
      const after = Array.from({ length: n }, () => {
        const count = random.int(1, 3);
        return Array.from({ length: count }, () => words[random.int(0, words.length - 1)]).join(" ");
      });
      const quoted = (text) => `"${text.replace(/"/g, '""')}"`;
      writeLines(prepared(dataDir, id, "private/answers.csv"), '"id","after"', n, (i) =>
        [quoted(keys[i]), quoted(after[i])].join(","),
      );
      const order = permutation(random, n);
      const submission = writeLines(submissionPath(dataDir, id), "id,after", n, (k) => {
        const i = order[k];
        const text = random.uniform() < 0.95 ? after[i] : words[random.int(0, words.length - 1)];
        return `${keys[i]},${cell(text)}`;
      });
      return { submission };
    },
  };
}

/** denoising-dirty-documents: one row per pixel of 540-pixel-wide images 258 or 420 rows high. */
const denoising = {
  id: "denoising-dirty-documents",
  rows: 5_352_480,
  generate({ dataDir, random, scale }) {
    const n = rowsAt(this.rows, scale);
    // Pixel ids image by image (stems 1, 4, 7 ...), truncated at n pixels.
    const keys = [];
    for (let image = 0; keys.length < n; image++) {
      const height = image % 2 === 0 ? 258 : 420;
      for (let r = 1; r <= height && keys.length < n; r++) {
        for (let c = 1; c <= 540 && keys.length < n; c++) keys.push(`${1 + 3 * image}_${r}_${c}`);
      }
    }
    const truth = Float64Array.from({ length: n }, () =>
      random.uniform() < 0.85 ? 1 : random.int(0, 255) / 255,
    );
    writeLines(
      prepared(dataDir, this.id, "private/answers.csv"),
      "id,value",
      n,
      (i) => `${keys[i]},${truth[i]}`,
    );
    // A denoiser's output, in the sample submission's order (images, then rows, then columns).
    const submission = writeLines(submissionPath(dataDir, this.id), "id,value", n, (i) => {
      const v = Math.min(1, Math.max(0, truth[i] + random.normal(0, 0.08)));
      return `${keys[i]},${v.toFixed(6)}`;
    });
    return { submission };
  },
};

export const CASES = [
  aucCase({
    id: "aerial-cactus-identification",
    rows: 3325,
    file: "private/test.csv",
    idColumn: "id",
    target: "has_cactus",
    p: 0.75,
    makeId: (r) => `${r.hex(32)}.jpg`,
  }),
  idCase({
    id: "aptos2019-blindness-detection",
    rows: 367,
    file: "private/test.csv",
    answersHeader: "id_code,diagnosis",
    subHeader: "id_code,diagnosis",
    ids: (random, n) => random.uniqueIds(n, (r) => r.hex(12)),
    truth: (random) => random.int(0, 4),
    answersLine: (key, y) => `${key},${y}`,
    submissionLine: (key, y, random) => `${key},${Math.min(4, Math.max(0, y + random.int(-1, 1)))}`,
  }),
  denoising,
  idCase({
    id: "detecting-insults-in-social-commentary",
    rows: 2647,
    file: "private/test.csv",
    answersHeader: "Insult,Date,Comment,Usage",
    subHeader: "Insult,Date,Comment",
    // The comment text itself is the id, with its own double quotes and escape sequences.
    ids: (random, n) =>
      random.uniqueIds(n, (r) => `"you ${LATIN[r.int(0, LATIN.length - 1)]}\\xa0${r.hex(10)}, ok\\n"`),
    truth: (random) => ({
      y: random.bernoulli(0.26),
      date: random.uniform() < 0.2 ? "" : `2012060${random.int(1, 9)}1635${random.int(10, 59)}Z`,
    }),
    answersLine: (key, t) => `${t.y},${t.date},${cell(key)},PrivateTest`,
    submissionLine: (key, t, random) => `${leaning(random, t.y)},${t.date},${cell(key)}`,
  }),
  oneHotCase({
    id: "dog-breed-identification",
    rows: 1023,
    file: "private/test.csv",
    idColumn: "id",
    classes: Array.from({ length: 120 }, (_, i) => `breed_${String(i).padStart(3, "0")}`),
    makeIds: (random, n) => random.uniqueIds(n, (r) => r.hex(32)),
  }),
  idCase({
    id: "dogs-vs-cats-redux-kernels-edition",
    rows: 2500,
    file: "private/answers.csv",
    answersHeader: "id,label",
    subHeader: "id,label",
    ids: sequentialIds(1),
    truth: (random) => random.bernoulli(0.5),
    answersLine: (key, y) => `${key},${y}`,
    submissionLine: (key, y, random) => `${key},${leaning(random, y)}`,
  }),
  aucCase({
    id: "histopathologic-cancer-detection",
    rows: 45_561,
    file: "private/answers.csv",
    idColumn: "id",
    target: "label",
    p: 0.4,
    makeId: (r) => r.hex(40),
  }),
  idCase({
    id: "jigsaw-toxic-comment-classification-challenge",
    rows: 153_164,
    file: "private/test.csv",
    answersHeader: `id,${JIGSAW.join(",")}`,
    subHeader: `id,${JIGSAW.join(",")}`,
    ids: (random, n) => random.uniqueIds(n, (r) => r.hex(16)),
    // ~42% of the rows were scored; the others are -1 in all six columns.
    truth: (random, i) =>
      i < 2
        ? JIGSAW.map(() => 1 - i)
        : random.uniform() < 0.418
          ? JIGSAW.map((_, c) => random.bernoulli(c === 0 ? 0.1 : 0.03))
          : null,
    answersLine: (key, t) => `${key},${(t ?? JIGSAW.map(() => -1)).join(",")}`,
    submissionLine: (key, t, random) =>
      `${key},${JIGSAW.map((_, c) => leaning(random, t ? t[c] : 0)).join(",")}`,
  }),
  oneHotCase({
    id: "leaf-classification",
    rows: 99,
    file: "private/test.csv",
    idColumn: "id",
    classes: Array.from({ length: 99 }, (_, i) => `Species_${String(i).padStart(2, "0")}`),
    makeIds: (random, n) => random.uniqueIds(n, (r) => String(r.int(1, 1584))),
  }),
  {
    id: "mlsp-2013-birds",
    rows: 1216,
    generate({ dataDir, random, scale }) {
      const recordings = Math.max(1, Math.round((this.rows / 19) * scale));
      const keys = [];
      for (let rec = 1; rec <= recordings; rec++) for (let s = 0; s < 19; s++) keys.push(rec * 100 + s);
      const truth = keys.map((_, i) => (i < 2 ? 1 - i : random.bernoulli(0.08)));
      writeLines(
        prepared(dataDir, this.id, "private/answers.csv"),
        "Id,Probability",
        keys.length,
        (i) => `${keys[i]},${truth[i]}`,
      );
      const order = permutation(random, keys.length);
      const submission = writeLines(submissionPath(dataDir, this.id), "Id,Probability", keys.length, (k) => {
        const i = order[k];
        return `${keys[i]},${leaning(random, truth[i])}`;
      });
      return { submission };
    },
  },
  idCase({
    id: "new-york-city-taxi-fare-prediction",
    rows: 9914,
    file: "private/test.csv",
    answersHeader:
      "key,fare_amount,pickup_datetime,pickup_longitude,pickup_latitude,dropoff_longitude,dropoff_latitude,passenger_count",
    subHeader: "key,fare_amount",
    ids: (random, n) =>
      random.uniqueIds(
        n,
        (r) =>
          `20${r.int(10, 15)}-0${r.int(1, 9)}-${r.int(10, 28)} ${r.int(10, 23)}:${r.int(10, 59)}:00.000000${r.int(1, 99)}`,
      ),
    truth: (random) => Math.round((2.5 + Math.exp(random.normal(2.2, 0.6))) * 100) / 100,
    answersLine: (key, fare, i) =>
      `${key},${fare},${key.slice(0, 19)} UTC,-73.9${i % 97},40.7${i % 89},-73.9${i % 83},40.7${i % 79},${1 + (i % 5)}`,
    submissionLine: (key, fare, random) => `${key},${(fare * Math.exp(random.normal(0, 0.25))).toFixed(4)}`,
  }),
  idCase({
    id: "nomad2018-predict-transparent-conductors",
    rows: 240,
    file: "private/test.csv",
    answersHeader: `id,${NOMAD_FEATURES.join(",")},formation_energy_ev_natom,bandgap_energy_ev`,
    subHeader: "id,formation_energy_ev_natom,bandgap_energy_ev",
    ids: sequentialIds(1),
    truth: (random) => [random.between(0, 0.5), random.between(0.2, 5)],
    answersLine: (key, [f, b], i) =>
      `${key},${[12, 33, 167, 194, 206, 227][i % 6]},${NOMAD_FEATURES.slice(1)
        .map((_, c) => (10 + ((i * 7 + c * 13) % 80) / 3).toFixed(4))
        .join(",")},${f.toFixed(4)},${b.toFixed(4)}`,
    // The reference pairs rows by position: the submission keeps the test set's order.
    inOrder: true,
    submissionLine: (key, [f, b], random) =>
      `${key},${Math.max(0, f + random.normal(0, 0.03)).toFixed(5)},${Math.max(0, b + random.normal(0, 0.2)).toFixed(5)}`,
  }),
  oneHotCase({
    id: "plant-pathology-2020-fgvc7",
    rows: 183,
    file: "private/test.csv",
    idColumn: "image_id",
    classes: ["healthy", "multiple_diseases", "rust", "scab"],
    makeIds: (_random, n) => Array.from({ length: n }, (_, k) => `Test_${k}`),
  }),
  aucCase({
    id: "random-acts-of-pizza",
    rows: 1162,
    file: "private/test.csv",
    idColumn: "request_id",
    target: "requester_received_pizza",
    p: 0.25,
    makeId: (r) => `t3_${base36(r, r.int(5, 6))}`,
  }),
  idCase({
    id: "ranzcr-clip-catheter-line-classification",
    rows: 3009,
    file: "private/test.csv",
    answersHeader: `StudyInstanceUID,${RANZCR.join(",")},CVC - Normal,Swan Ganz Catheter Present,PatientID`,
    subHeader: `StudyInstanceUID,${RANZCR.join(",")}`,
    ids: (random, n) =>
      random.uniqueIds(n, (r) => `1.2.826.0.1.3680043.8.498.${r.int(1e9, 9e9)}${r.int(1e9, 9e9)}`),
    truth: (random, i) => [
      ...RANZCR.map((_, c) => (i < 2 ? 1 - i : random.bernoulli(c % 3 === 2 ? 0.5 : 0.1))),
      random.bernoulli(0.7),
      random.bernoulli(0.03),
    ],
    answersLine: (key, t) => `${key},${t.join(",")},${key.slice(-9)}`,
    submissionLine: (key, t, random) => `${key},${RANZCR.map((_, c) => leaning(random, t[c])).join(",")}`,
  }),
  aucCase({
    id: "siim-isic-melanoma-classification",
    rows: 4142,
    file: "private/test.csv",
    idColumn: "image_name",
    target: "target",
    p: 0.02,
    makeId: (r) => `ISIC_${String(r.int(0, 9_999_999)).padStart(7, "0")}`,
  }),
  oneHotCase({
    id: "spooky-author-identification",
    rows: 1958,
    file: "private/test.csv",
    idColumn: "id",
    classes: ["EAP", "HPL", "MWS"],
    makeIds: (random, n) => random.uniqueIds(n, (r) => `id${String(r.int(0, 99_999)).padStart(5, "0")}`),
  }),
  idCase({
    id: "tabular-playground-series-dec-2021",
    rows: 400_000,
    file: "private/test.csv",
    answersHeader: `Id,${TABULAR_DEC_FEATURES.join(",")},Cover_Type`,
    subHeader: "Id,Cover_Type",
    ids: sequentialIds(4_000_000),
    truth: (random) => random.choice([1, 2, 3, 4, 5, 6, 7], [37, 56, 5, 0.1, 0.1, 0.3, 1.5]),
    answersLine: (key, y, i) =>
      `${key},${2000 + (i % 1500)},${i % 360},${i % 60},${i % 900},${(i % 300) - 50},${i % 7000},${180 + (i % 75)},${200 + (i % 55)},${100 + (i % 150)},${i % 7000},${[0, 1, 2, 3].map((w) => (i % 4 === w ? 1 : 0)).join(",")},${Array.from({ length: 40 }, (_, s) => (i % 40 === s ? 1 : 0)).join(",")},${y}`,
    submissionLine: (key, y, random) => `${key},${random.uniform() < 0.9 ? y : random.int(1, 7)}`,
  }),
  idCase({
    id: "tabular-playground-series-may-2022",
    rows: 100_000,
    file: "private/test.csv",
    answersHeader: `id,${Array.from({ length: 31 }, (_, f) => `f_${String(f).padStart(2, "0")}`).join(",")},target`,
    subHeader: "id,target",
    ids: sequentialIds(800_000),
    truth: (random) => ({
      y: random.bernoulli(0.49),
      features: Array.from({ length: 31 }, (_, f) =>
        f === 27
          ? Array.from({ length: 10 }, () => String.fromCharCode(65 + random.int(0, 19))).join("")
          : f >= 7 && f <= 18
            ? String(random.int(0, 12))
            : random.normal(0, 1).toFixed(6),
      ),
    }),
    answersLine: (key, t) => `${key},${t.features.join(",")},${t.y}`,
    submissionLine: (key, t, random) => `${key},${leaning(random, t.y)}`,
  }),
  textNormalizationCase("text-normalization-challenge-english-language", 993_465, LATIN),
  textNormalizationCase("text-normalization-challenge-russian-language", 1_059_191, CYRILLIC),
  aucCase({
    id: "the-icml-2013-whale-challenge-right-whale-redux",
    // The clips of the last 2 of the 4 training days (30,000 clips in all): about half.
    rows: 15_000,
    file: "private/test.csv",
    idColumn: "clip",
    target: "probability",
    p: 0.1,
    makeId: (r) =>
      `2009033${r.int(0, 1)}_${String(r.int(0, 235959)).padStart(6, "0")}_${r.int(0, 86399)}s${r.int(0, 999)}ms_Test${r.int(0, 1e6)}.aif`,
  }),
  // The bundled demo competitions, at their bundled sizes.
  aucCase({
    id: "demo-binary-auc",
    rows: 1600,
    file: "private/answers.csv",
    idColumn: "customer_id",
    target: "churned",
    p: 0.3,
    makeId: (r) => `cust-${r.hex(8)}`,
  }),
  oneHotCase({
    id: "demo-multiclass-logloss",
    rows: 1500,
    file: "private/answers.csv",
    idColumn: "id",
    classes: ["cycling", "running", "sitting", "walking"],
    makeIds: (random, n) => random.uniqueIds(n, (r) => `w_${r.hex(10)}`),
  }),
  idCase({
    id: "demo-regression-rmse",
    rows: 1500,
    file: "private/answers.csv",
    answersHeader: "id,monthly_rent",
    subHeader: "id,monthly_rent",
    ids: sequentialIds(13_501),
    truth: (random) => Math.round(Math.exp(random.normal(7.2, 0.4))),
    answersLine: (key, y) => `${key},${y}`,
    submissionLine: (key, y, random) => `${key},${(y * Math.exp(random.normal(0, 0.2))).toFixed(2)}`,
  }),
];
