// Parity cases for tensorflow2-question-answering (answers in JSON Lines).

import type { Rng } from "../rng.js";
import {
  type Cell,
  type FamilyCompetition,
  genericCases,
  setTarget,
  type Table,
  valid,
  withColumn,
} from "./table.js";

export function tf2qa(rng: Rng): FamilyCompetition {
  const n = 25;
  const records = Array.from({ length: n }, (_, i) => {
    const hasLong = i % 4 !== 0;
    const start = rng.int(0, 500);
    const long = hasLong
      ? { start_token: start, end_token: start + rng.int(5, 80), candidate_index: 1 }
      : { start_token: -1, end_token: -1, candidate_index: -1 };
    const shorts =
      hasLong && i % 3 === 0
        ? [
            { start_token: start + 1, end_token: start + 3 },
            { start_token: start + 7, end_token: start + 9 },
          ]
        : hasLong && i % 3 === 1
          ? [{ start_token: start + 2, end_token: start + 4 }]
          : [];
    const yesNo = i % 5 === 2 ? "YES" : i % 5 === 3 ? "NO" : "NONE";
    return {
      example_id: String(-(10n ** 18n) + BigInt(rng.int(0, 1e9)) * 997n),
      document_text: "Some <P> document text , with tokens",
      question_text: "who what",
      annotations: [{ long_answer: long, short_answers: shorts, yes_no_answer: yesNo, annotation_id: 1 }],
      long_answer_candidates: [],
    };
  });
  // Kaggle's file writes example_id as a JSON number (19 digits, beyond a double's precision): odd records do too.
  const answers = `${records
    .map((r, i) => {
      const line = JSON.stringify(r);
      return i % 2 === 1
        ? line.replace(`"example_id":"${r.example_id}"`, `"example_id":${r.example_id}`)
        : line;
    })
    .join("\n")}\n`;
  type Pick = (r: (typeof records)[number], kind: "long" | "short", i: number) => Cell;
  const base = (pick: Pick): Table => ({
    header: ["example_id", "PredictionString"],
    rows: records.flatMap((r, i) => [
      [`${r.example_id}_long`, pick(r, "long", i)],
      [`${r.example_id}_short`, pick(r, "short", i)],
    ]),
  });
  const span = (s: { start_token: number; end_token: number }) => `${s.start_token}:${s.end_token}`;
  const a = (r: (typeof records)[number]) => r.annotations[0]!;
  const perfect: Pick = (r, kind) => {
    if (kind === "long") return a(r).long_answer.start_token === -1 ? null : span(a(r).long_answer);
    if (a(r).short_answers.length > 0) return span(a(r).short_answers[a(r).short_answers.length - 1]!);
    return a(r).yes_no_answer === "NONE" ? null : a(r).yes_no_answer;
  };
  const noisy: Pick = (r, kind, i) =>
    rng.chance(0.6) ? perfect(r, kind, i) : rng.pick([null, "1:2", "YES", "NO"]);
  const t = base(noisy);
  return {
    id: "tensorflow2-question-answering",
    answersName: "test.jsonl",
    answers,
    cases: [
      valid("perfect", base(perfect)),
      valid("noisy", t),
      valid(
        "all empty",
        base(() => null),
      ),
      valid(
        "spaces around numbers",
        base((r, kind, i) => {
          const p = perfect(r, kind, i);
          return p?.includes(":") ? ` ${p.replace(":", " : ")} ` : p;
        }),
      ),
      valid(
        "YES on long rows",
        base((r, kind, i) => (kind === "long" ? "YES" : perfect(r, kind, i))),
      ),
      valid(
        "12-15 (invalid)",
        setTarget(t, 1, (i, c) => (i === 3 ? "12-15" : c)),
      ),
      valid(
        "lower-case yes (invalid)",
        setTarget(t, 1, (i, c) => (i === 3 ? "yes" : c)),
      ),
      valid(
        "12.0:15 (invalid)",
        setTarget(t, 1, (i, c) => (i === 3 ? "12.0:15" : c)),
      ),
      valid(
        "1:2:3 (invalid)",
        setTarget(t, 1, (i, c) => (i === 3 ? "1:2:3" : c)),
      ),
      valid(
        "int() syntax 1_0:+20",
        setTarget(t, 1, (i, c) => (i === 3 ? "1_0:+20" : c)),
      ),
      valid(
        "extra column",
        withColumn(t, "x", () => "1"),
      ),
      valid(
        "bad suffix (invalid)",
        setTarget(t, 0, (i, c) => (i === 0 ? `${c}x` : c)),
      ),
      ...genericCases(rng, t, 0, 1, "123_long"),
    ],
  };
}
