// Parity cases for the word-Jaccard and Levenshtein competitions of the sets-and-text family.

import type { Rng } from "../rng.js";
import {
  type Cell,
  closingCases,
  csvOf,
  type FamilyCompetition,
  hex,
  idTable,
  sample,
  setTarget,
  type Table,
  toCsv,
  valid,
} from "./table.js";

const HINDI = ["भारत", "की", "राजधानी", "नई", "दिल्ली", "है", "1947", "गांधी", "सन्"];
const TAMIL = ["தமிழ்", "நாடு", "சென்னை", "ஆண்டு", "மொழி", "Chennai"];

export function chaii(rng: Rng): FamilyCompetition {
  const n = 30;
  const ids = Array.from({ length: n }, () => hex(rng, 9));
  const words = [...HINDI, ...TAMIL];
  const truth = ids.map(() => sample(rng, words, rng.int(1, 3)).join(" "));
  const header = ["id", "PredictionString"] as const;
  const answers = csvOf(idTable(header, ids, (i) => truth[i]!));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const noisy = base((i) => (rng.chance(0.4) ? truth[i]! : sample(rng, words, rng.int(1, 3)).join(" ")));
  return {
    id: "chaii-hindi-and-tamil-question-answering",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "dummy text",
        base(() => "dummy text"),
      ),
      valid(
        "case, NBSP and repeats",
        base((i) => `${truth[i]!.toUpperCase().replaceAll(" ", "\u00a0")} ${truth[i]}`),
      ),
      valid(
        "punctuation kept",
        base((i) => `${truth[i]}!`),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 3 === 0 ? null : c)),
      ),
      valid(
        "all empty",
        setTarget(noisy, 1, () => null),
      ),
      valid(
        "all numbers (invalid)",
        base((i) => String(1900 + i)),
      ),
      ...closingCases(rng, noisy, "zzzzzzzzz"),
    ],
  };
}

const TWEET_WORDS = [
  "I",
  "love",
  "this!",
  "so",
  "sad",
  "today",
  "great",
  "day",
  "not",
  "happy",
  ":)",
  "`quote`",
];

export function tweet(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => hex(rng, 10));
  const texts = ids.map(() => sample(rng, TWEET_WORDS, rng.int(3, 7)));
  const truth = texts.map((t) => t.slice(0, rng.int(1, t.length)).join(" "));
  const answers = toCsv(
    ["textID", "text", "selected_text", "sentiment"],
    ids.map((x, i) => [x, texts[i]!.join(" "), truth[i]!, rng.pick(["neutral", "positive", "negative"])]),
  );
  const base = (pick: (i: number) => Cell) => idTable(["textID", "selected_text"], ids, pick);
  const noisy = base((i) => (rng.chance(0.5) ? texts[i]!.join(" ") : sample(rng, texts[i]!, 2).join(" ")));
  return {
    id: "tweet-sentiment-extraction",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid(
        "whole text",
        base((i) => texts[i]!.join(" ")),
      ),
      valid("noisy", noisy),
      valid(
        "upper case",
        base((i) => truth[i]!.toUpperCase()),
      ),
      valid(
        "some empty",
        setTarget(noisy, 1, (i, c) => (i % 3 === 0 ? null : c)),
      ),
      valid(
        "whitespace only",
        setTarget(noisy, 1, (i, c) => (i === 2 ? "  " : c)),
      ),
      valid(
        "numbers stringified",
        base((i) => String(i)),
      ),
      ...closingCases(rng, noisy, "zzzzzzzzzz"),
    ],
  };
}

const SENTENCE_WORDS = ["The", "cat", "sat", "on", "the", "mat", ",", '"', "naïve", "café", "𝄞", "."];

export function billionWord(rng: Rng): FamilyCompetition {
  const n = 40;
  const sentences = Array.from({ length: n }, () =>
    Array.from({ length: rng.int(4, 14) }, () => rng.pick(SENTENCE_WORDS)),
  );
  const answers = `"id","sentence"\n${sentences.map((s, i) => `${i},"${s.join(" ").replaceAll('"', '""')}"`).join("\n")}\n`;
  const base = (pick: (i: number) => Cell): Table => ({
    header: ["id", "sentence"],
    rows: sentences.map((_, i) => [String(i), pick(i)]),
  });
  const removeOne = (s: string[]) => {
    const k = rng.int(1, s.length - 2);
    return [...s.slice(0, k), ...s.slice(k + 1)].join(" ");
  };
  const noisy = base((i) => removeOne(sentences[i]!));
  return {
    id: "billion-word-imputation",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => sentences[i]!.join(" ")),
      ),
      valid("one word removed", noisy),
      valid(
        "wrong guesses",
        base((i) => `${sentences[i]!.join(" ")} extra`),
      ),
      valid(
        "upper case",
        base((i) => sentences[i]!.join(" ").toUpperCase()),
      ),
      valid(
        "astral characters",
        base((i) => sentences[i]!.join(" ").replaceAll("𝄞", "𝄟")),
      ),
      valid(
        "empty cell (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 3 ? null : c)),
      ),
      valid(
        "NA word (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 3 ? "NA" : c)),
      ),
      valid(
        "numbers only (invalid)",
        base((i) => String(i)),
      ),
      ...closingCases(rng, noisy, "100000"),
    ],
  };
}

export function bms(rng: Rng): FamilyCompetition {
  const n = 40;
  const ids = Array.from({ length: n }, () => hex(rng, 12));
  const inchi = () =>
    `InChI=1S/C${rng.int(5, 30)}H${rng.int(5, 40)}N${rng.int(1, 4)}O${rng.int(1, 5)}/c1-${rng.int(2, 9)}-${rng.int(10, 30)}(${rng.int(1, 5)},${rng.int(6, 9)})/h${rng.int(1, 9)}H`;
  const truth = ids.map(inchi);
  const header = ["image_id", "InChI"] as const;
  const answers = csvOf(idTable(header, ids, (i) => truth[i]!));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const noisy = base((i) => (rng.chance(0.4) ? truth[i]! : inchi()));
  return {
    id: "bms-molecular-translation",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!),
      ),
      valid("noisy", noisy),
      valid(
        "sample defaults",
        base(() => "InChI=1S/H2O/h1H2"),
      ),
      valid(
        "prefix omitted",
        base((i) => truth[i]!.slice(6)),
      ),
      valid(
        "some empty (text nan)",
        setTarget(noisy, 1, (i, c) => (i % 4 === 0 ? null : c)),
      ),
      valid(
        "numbers",
        base((i) => String(i)),
      ),
      ...closingCases(rng, noisy, "zzzzzzzzzzzz"),
    ],
  };
}

export function gestures(rng: Rng): FamilyCompetition {
  const n = 25;
  const ids = Array.from({ length: n }, (_, i) => String(300 + i).padStart(4, "0"));
  const truth = ids.map(() => Array.from({ length: rng.int(8, 12) }, () => rng.int(1, 20)));
  const header = ["Id", "Sequence"] as const;
  const answers = csvOf(idTable(header, ids, (i) => truth[i]!.join(" ")));
  const base = (pick: (i: number) => Cell) => idTable(header, ids, pick);
  const perm = () =>
    sample(
      rng,
      Array.from({ length: 20 }, (_, k) => k + 1),
      20,
    ).join(" ");
  const noisy = base((i) => truth[i]!.filter(() => rng.chance(0.8)).join(" "));
  return {
    id: "multi-modal-gesture-recognition",
    answersName: "test.csv",
    answers,
    cases: [
      valid(
        "perfect",
        base((i) => truth[i]!.join(" ")),
      ),
      valid("noisy", noisy),
      valid(
        "random permutations",
        base(() => perm()),
      ),
      valid(
        "ids without padding",
        setTarget(noisy, 0, (_, c) => String(Number(c))),
      ),
      valid(
        "int() syntax: +7, 07, 1_0",
        base(
          (i) =>
            `${truth[i]!.map((g, k) => (k === 0 ? `+${g}` : k === 1 ? `0${g}` : String(g))).join(" ")} 1_0`,
        ),
      ),
      valid(
        "spaces only is empty",
        setTarget(noisy, 1, (i, c) => (i === 2 ? "  " : c)),
      ),
      valid(
        "out of range numbers",
        base(() => "99 0 -3"),
      ),
      valid(
        "empty cell (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 2 ? null : c)),
      ),
      valid(
        "3.0 (invalid)",
        setTarget(noisy, 1, (i, c) => (i === 2 ? "3.0 4" : c)),
      ),
      valid(
        "single gestures with a gap (invalid)",
        base((i) => (i === 0 ? null : String(truth[i]![0]))),
      ),
      valid(
        "single gestures as integers",
        base((i) => String(truth[i]![0])),
      ),
      ...closingCases(rng, noisy, "9999"),
    ],
  };
}
