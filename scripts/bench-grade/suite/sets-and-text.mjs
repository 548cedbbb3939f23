// Benchmark cases for the sets-and-text family (shared/mlebench/full-grading/g2-sets-and-text.md): for each
// competition, answers at the path its competition.yaml names and one plausible valid submission, at the
// upstream size times `scale`. Files are written in chunks (never one giant string). Values are shaped
// like the real ones (tag lists, hex ids, long sentences, InChI strings, article ids without leading zero)
// so that parsing, joins and metrics do the work they do on real data.
//
//   export const CASES = [{ id, rows, generate({ dataDir, random, scale }) }]
// generate() returns { submission: <absolute path> }.

import { preparedPath as answersPath, submissionPath, writeLines } from "../case-files.mjs";

const quote = (s) => `"${s.replaceAll('"', '""')}"`;
const rowsAt = (rows, scale) => Math.max(10, Math.round(rows * scale));

/** `count` distinct `hex(width)` strings (never all digits, so pandas keeps them as text). */
function hexIds(random, count, width, suffix = "") {
  return random.uniqueIds(count, (r) => {
    const h = r.hex(width);
    return `${/^\d+$/.test(h) ? `a${h.slice(1)}` : h}${suffix}`;
  });
}

function pickSome(random, items, lo, hi) {
  const n = random.int(lo, hi);
  const out = new Set();
  while (out.size < n) out.add(random.choice(items));
  return [...out];
}

const WORDS =
  "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their has been".split(
    " ",
  );

function sentence(random, lo, hi) {
  const n = random.int(lo, hi);
  const words = [];
  for (let i = 0; i < n; i++) words.push(random.choice(WORDS));
  return words;
}

// ---------------------------------------------------------------------------------------------------

function facebook() {
  const id = "facebook-recruiting-iii-keyword-extraction";
  const tags = Array.from(
    { length: 2000 },
    (_, i) => ["c#", "c++", ".net", "asp.net", "java", "python"][i] ?? `tag-${i}`,
  );
  return {
    id,
    rows: 603_420,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(603_420, scale);
      const ids = random.shuffled(Array.from({ length: n }, (_, i) => 1 + i * 10 + random.int(0, 9)));
      const truth = ids.map(() => pickSome(random, tags.slice(0, random.uniform() < 0.5 ? 50 : 2000), 1, 5));
      const body = (i) =>
        quote(
          `<p>I have a problem with "${truth[i][0]}", here is my code:</p>\n\n<pre><code>int x = ${i};\nreturn x, y;\n</code></pre>\n<p>${sentence(random, 20, 60).join(" ")}</p>`,
        );
      writeLines(answersPath(dataDir, id, "private/test.csv"), "Id,Title,Body,Tags", n, (i) =>
        [ids[i], quote(sentence(random, 4, 12).join(" ")), body(i), truth[i].join(" ")].join(","),
      );
      const submission = writeLines(submissionPath(dataDir, id), "Id,Tags", n, (i) =>
        [
          ids[i],
          random.uniform() < 0.5 ? truth[i].join(" ") : pickSome(random, tags.slice(0, 50), 1, 4).join(" "),
        ].join(","),
      );
      return { submission };
    },
  };
}

function intLabels(id, rows, categories, idColumn, target, uuid) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const ids = uuid
        ? hexIds(random, n, 8).map((h) => `${h}-23d2-11e8-a6a3-${random.hex(12)}`)
        : Array.from({ length: n }, (_, i) => String(i));
      const truth = ids.map(() => Math.min(categories - 1, Math.floor(random.uniform() ** 2 * categories)));
      writeLines(
        answersPath(dataDir, id, "private/answers.csv"),
        `${idColumn},${target}`,
        n,
        (i) => `${ids[i]},${truth[i]}`,
      );
      const order = random.shuffled(Array.from({ length: n }, (_, i) => i));
      const header = uuid ? `,${idColumn},${target}` : `${idColumn},${target}`;
      const submission = writeLines(submissionPath(dataDir, id), header, n, (k) => {
        const i = order[k];
        const label = random.uniform() < 0.4 ? truth[i] : random.int(0, categories - 1);
        return uuid ? `${k},${ids[i]},${label}` : `${ids[i]},${label}`;
      });
      return { submission };
    },
  };
}

function multilabel(id, rows, idOf, vocabulary, idColumn, target, file) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const ids = idOf(random, n);
      const truth = ids.map(() => pickSome(random, vocabulary, 1, 4).join(" "));
      writeLines(answersPath(dataDir, id, file), `${idColumn},${target}`, n, (i) => `${ids[i]},${truth[i]}`);
      const submission = writeLines(
        submissionPath(dataDir, id),
        `${idColumn},${target}`,
        n,
        (i) =>
          `${ids[i]},${random.uniform() < 0.5 ? truth[i] : pickSome(random, vocabulary, 1, 6).join(" ")}`,
      );
      return { submission };
    },
  };
}

function plantSeedlings() {
  const id = "plant-seedlings-classification";
  const species = [
    "Black-grass",
    "Charlock",
    "Cleavers",
    "Common Chickweed",
    "Common wheat",
    "Fat Hen",
    "Loose Silky-bent",
    "Maize",
    "Scentless Mayweed",
    "Shepherds Purse",
    "Small-flowered Cranesbill",
    "Sugar beet",
  ];
  return {
    id,
    rows: 665,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(665, scale);
      const ids = hexIds(random, n, 9, ".png");
      const truth = ids.map(() => random.choice(species));
      writeLines(
        answersPath(dataDir, id, "private/answers.csv"),
        "file,species",
        n,
        (i) => `${ids[i]},${truth[i]}`,
      );
      const submission = writeLines(
        submissionPath(dataDir, id),
        "file,species",
        n,
        (i) => `${ids[i]},${random.uniform() < 0.7 ? truth[i] : random.choice(species)}`,
      );
      return { submission };
    },
  };
}

function tf2qa() {
  const id = "tensorflow2-question-answering";
  return {
    id,
    rows: 30_737,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(30_737, scale);
      // About 56 kB of document text per record, as in Kaggle's simplified train file.
      const document = Array.from({ length: 9000 }, () => random.choice(WORDS)).join(" ");
      const ids = random.uniqueIds(n, (r) => String(r.int(1, 2 ** 52) * (r.uniform() < 0.5 ? -1 : 1) * 1024));
      const answers = ids.map((_, i) => {
        const start = random.int(0, 8000);
        const hasLong = random.uniform() < 0.5;
        const shorts =
          hasLong && random.uniform() < 0.6 ? [{ start_token: start + 3, end_token: start + 5 }] : [];
        return {
          long_answer: hasLong
            ? { start_token: start, end_token: start + random.int(20, 300), candidate_index: i % 50 }
            : { start_token: -1, end_token: -1, candidate_index: -1 },
          short_answers: shorts,
          yes_no_answer: hasLong && shorts.length === 0 && random.uniform() < 0.1 ? "YES" : "NONE",
          annotation_id: random.int(1, 2 ** 40),
        };
      });
      writeLines(answersPath(dataDir, id, "private/test.jsonl"), null, n, (i) =>
        JSON.stringify({
          document_text: document,
          long_answer_candidates: [{ start_token: 0, top_level: true, end_token: 100 }],
          question_text: sentence(random, 5, 12).join(" "),
          annotations: [answers[i]],
          document_url: `https://en.wikipedia.org//w/index.php?title=${i}`,
          example_id: ids[i],
        }),
      );
      const span = (s) => `${s.start_token}:${s.end_token}`;
      const submission = writeLines(
        submissionPath(dataDir, id),
        "example_id,PredictionString",
        2 * n,
        (k) => {
          const i = k >> 1;
          const a = answers[i];
          const guess = random.uniform() < 0.6;
          if (k % 2 === 0)
            return `${ids[i]}_long,${guess && a.long_answer.start_token >= 0 ? span(a.long_answer) : ""}`;
          return `${ids[i]}_short,${guess && a.short_answers.length > 0 ? span(a.short_answers[0]) : ""}`;
        },
      );
      return { submission };
    },
  };
}

function rsna() {
  const id = "rsna-breast-cancer-detection";
  return {
    id,
    rows: 2_382,
    generate({ dataDir, random, scale }) {
      const patients = random.uniqueIds(Math.ceil(rowsAt(2_382, scale) / 2), (r) => r.int(10_000, 65_535));
      const ids = patients.flatMap((p) => [`${p}_L`, `${p}_R`]);
      const truth = ids.map((_, i) => (i === 0 || random.uniform() < 0.021 ? 1 : 0));
      writeLines(
        answersPath(dataDir, id, "private/answers.csv"),
        "prediction_id,cancer",
        ids.length,
        (i) => `${ids[i]},${truth[i]}`,
      );
      const submission = writeLines(
        submissionPath(dataDir, id),
        "prediction_id,cancer",
        ids.length,
        (i) => `${ids[i]},${Math.min(1, truth[i] * 0.5 + random.uniform() * 0.3).toFixed(6)}`,
      );
      return { submission };
    },
  };
}

function hAndM() {
  const id = "h-and-m-personalized-fashion-recommendations";
  return {
    id,
    rows: 1_371_980,
    generate({ dataDir, random, scale }) {
      const customers = rowsAt(1_371_980, scale);
      const buyers = rowsAt(68_984, scale);
      const articles = random.uniqueIds(20_000, (r) => String(r.int(108_775_015, 959_461_001)));
      const ids = hexIds(random, customers, 64);
      const truth = new Map();
      for (const i of random.shuffled(Array.from({ length: customers }, (_, k) => k)).slice(0, buyers)) {
        const bought = [];
        for (let k = random.int(1, 8); k > 0; k--) bought.push(random.choice(articles.slice(0, 2000)));
        truth.set(i, bought);
      }
      const buyerRows = [...truth.keys()].sort((a, b) => a - b);
      writeLines(
        answersPath(dataDir, id, "private/answers.csv"),
        "customer_id,prediction",
        buyerRows.length,
        (k) => `${ids[buyerRows[k]]},${truth.get(buyerRows[k]).join(" ")}`,
      );
      const popular = articles.slice(0, 12).join(" ");
      const submission = writeLines(submissionPath(dataDir, id), "customer_id,prediction", customers, (i) => {
        const bought = truth.get(i);
        if (bought === undefined || random.uniform() < 0.5) return `${ids[i]},${popular}`;
        return `${ids[i]},${[...bought.slice(0, 4), ...articles.slice(0, 8)].join(" ")}`;
      });
      return { submission };
    },
  };
}

function mapAtFive(id, rows, answersFile, header, answerLine, labelsOf) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const labels = labelsOf(random);
      const ids = hexIds(random, n, 16, ".jpg");
      const truth = ids.map(() => random.choice(labels));
      writeLines(answersPath(dataDir, id, answersFile), header, n, (i) =>
        answerLine(random, ids[i], truth[i]),
      );
      const submission = writeLines(
        submissionPath(dataDir, id),
        header.startsWith("image") ? "image,hotel_id" : "Image,Id",
        n,
        (i) => {
          const list = pickSome(random, labels, 5, 5);
          if (random.uniform() < 0.5) list[random.int(0, 4)] = truth[i];
          return `${ids[i]},${list.join(" ")}`;
        },
      );
      return { submission };
    },
  };
}

function chaiiLike(id, rows, idWidth, header, line) {
  return {
    id,
    rows,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(rows, scale);
      const ids = hexIds(random, n, idWidth);
      const truth = ids.map(() => sentence(random, 1, 6).join(" "));
      writeLines(answersPath(dataDir, id, "private/test.csv"), header.answers, n, (i) =>
        line(random, ids[i], truth[i]),
      );
      const submission = writeLines(
        submissionPath(dataDir, id),
        header.submission,
        n,
        (i) => `${ids[i]},${quote(random.uniform() < 0.5 ? truth[i] : sentence(random, 1, 8).join(" "))}`,
      );
      return { submission };
    },
  };
}

function billionWord() {
  const id = "billion-word-imputation";
  const vocabulary = [
    ...WORDS,
    ",",
    ".",
    '"',
    "'s",
    "naïve",
    "café",
    "Zürich",
    "€",
    "million",
    "said",
    "year",
  ];
  return {
    id,
    rows: 303_010,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(303_010, scale);
      const sentences = Array.from({ length: n }, () => {
        const w = [];
        for (let k = random.int(3, 60); k > 0; k--) w.push(random.choice(vocabulary));
        return w;
      });
      writeLines(
        answersPath(dataDir, id, "private/test.csv"),
        '"id","sentence"',
        n,
        (i) => `${i},${quote(sentences[i].join(" "))}`,
      );
      const submission = writeLines(submissionPath(dataDir, id), '"id","sentence"', n, (i) => {
        const w = sentences[i];
        const k = random.int(1, w.length - 2);
        return `${i},${quote([...w.slice(0, k), ...w.slice(k + 1)].join(" "))}`;
      });
      return { submission };
    },
  };
}

function bms() {
  const id = "bms-molecular-translation";
  const inchi = (random) => {
    const c = random.int(5, 40);
    let layer = "";
    for (let k = random.int(8, 30); k > 0; k--)
      layer += `${random.int(1, c)}${random.choice(["-", "(", ")", ","])}`;
    return `InChI=1S/C${c}H${random.int(5, 60)}N${random.int(0, 5)}O${random.int(0, 6)}/c${layer}${random.int(1, c)}/h${random.int(1, c)}-${random.int(1, c)}H,${random.int(1, 9)}H2`;
  };
  return {
    id,
    rows: 484_837,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(484_837, scale);
      const ids = hexIds(random, n, 12);
      const truth = ids.map(() => inchi(random));
      writeLines(
        answersPath(dataDir, id, "private/test.csv"),
        "image_id,InChI",
        n,
        (i) => `${ids[i]},${quote(truth[i])}`,
      );
      const order = random.shuffled(Array.from({ length: n }, (_, i) => i));
      const submission = writeLines(submissionPath(dataDir, id), "image_id,InChI", n, (k) => {
        const i = order[k];
        const t = truth[i];
        const p =
          random.uniform() < 0.3
            ? t
            : random.uniform() < 0.5
              ? `${t.slice(0, t.length - 6)}${t.slice(-3)}`
              : inchi(random);
        return `${ids[i]},${quote(p)}`;
      });
      return { submission };
    },
  };
}

function gestures() {
  const id = "multi-modal-gesture-recognition";
  return {
    id,
    rows: 95,
    generate({ dataDir, random, scale }) {
      const n = rowsAt(95, scale);
      const truth = Array.from({ length: n }, () =>
        Array.from({ length: random.int(8, 12) }, () => random.int(1, 20)),
      );
      const idOf = (i) => String(300 + i).padStart(4, "0");
      writeLines(
        answersPath(dataDir, id, "private/test.csv"),
        "Id,Sequence",
        n,
        (i) => `${idOf(i)},${truth[i].join(" ")}`,
      );
      const submission = writeLines(
        submissionPath(dataDir, id),
        "Id,Sequence",
        n,
        (i) => `${idOf(i)},${truth[i].filter(() => random.uniform() < 0.8).join(" ")}`,
      );
      return { submission };
    },
  };
}

const TWEET_HEADER = { answers: "textID,text,selected_text,sentiment", submission: "textID,selected_text" };
const CHAII_HEADER = { answers: "id,PredictionString", submission: "id,PredictionString" };
const DISEASES = ["healthy", "scab", "frog_eye_leaf_spot", "rust", "complex", "powdery_mildew"];

export const CASES = [
  facebook(),
  intLabels("herbarium-2020-fgvc7", 206_149, 32_094, "Id", "Predicted", false),
  intLabels("herbarium-2021-fgvc8", 452_000, 64_500, "Id", "Predicted", false),
  intLabels("herbarium-2022-fgvc9", 167_954, 15_501, "Id", "Predicted", false),
  multilabel(
    "imet-2020-fgvc7",
    21_318,
    (random, n) => hexIds(random, n, 32),
    Array.from({ length: 3474 }, (_, i) => String(i)),
    "id",
    "attribute_ids",
    "private/answers.csv",
  ),
  intLabels("iwildcam-2019-fgvc6", 19_630, 23, "Id", "Category", true),
  multilabel(
    "plant-pathology-2021-fgvc8",
    3_727,
    (random, n) => hexIds(random, n, 16, ".jpg"),
    DISEASES,
    "image",
    "labels",
    "private/answers.csv",
  ),
  plantSeedlings(),
  tf2qa(),
  rsna(),
  hAndM(),
  mapAtFive(
    "hotel-id-2021-fgvc8",
    9_755,
    "private/test.csv",
    "image,chain,hotel_id,timestamp",
    (random, image, hotel) => `${image},${random.int(0, 88)},${hotel},2018-05-06 12:00:00`,
    (random) => random.uniqueIds(7_770, (r) => String(r.int(0, 99_999))),
  ),
  mapAtFive(
    "whale-categorization-playground",
    1_985,
    "private/test.csv",
    "Image,Id",
    (_random, image, whale) => `${image},${whale}`,
    (random) => ["new_whale", ...random.uniqueIds(1_000, (r) => `w_${r.hex(7)}`)],
  ),
  chaiiLike(
    "chaii-hindi-and-tamil-question-answering",
    112,
    9,
    CHAII_HEADER,
    (_random, id, answer) => `${id},${quote(answer)}`,
  ),
  chaiiLike(
    "tweet-sentiment-extraction",
    2_749,
    10,
    TWEET_HEADER,
    (random, id, answer) =>
      `${id},${quote(`${answer} ${sentence(random, 0, 10).join(" ")}`)},${quote(answer)},${random.choice(["neutral", "positive", "negative"])}`,
  ),
  billionWord(),
  bms(),
  gestures(),
];
