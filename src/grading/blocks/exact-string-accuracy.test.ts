// The byte path of the exact-string accuracy (both 'after' columns plain text) gives the same score
// and notes as decoding both columns through pandas' astype(str) and accuracy_score.

import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { textCells } from "../csv/text-cells.js";
import { accuracy } from "../metrics/accuracy.js";
import { columnOf } from "../submission-checks.js";
import { alignForAccuracy } from "./accuracy-helper.js";
import { exactStringAccuracyGrader } from "./exact-string-accuracy.js";
import { pandasAstypeStr } from "./pandas-str.js";

const grader = exactStringAccuracyGrader({ id: "t" });
const WORDS = ["дом", "a", "b c", "NA", "", "null", "1", "x,y", "True", "ünï", "nan", "0.5"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cell = (text: string, quote: boolean) => (quote || text.includes(",") ? `"${text}"` : text);

describe("exact-string accuracy on the files' bytes", () => {
  it("scores 200 random files as the decoded columns do", () => {
    let bytePath = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = rng(seed);
      const n = 1 + Math.floor(random() * 30);
      const ids = Array.from({ length: n }, (_, i) => `${i}_${Math.floor(random() * 3)}`);
      const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
      const truth = ids.map(() => pick());
      const answers = `"id","after"\n${ids.map((id, i) => `"${id}",${cell(truth[i]!, true)}`).join("\n")}\n`;
      const order = ids.map((_, i) => i).sort(() => random() - 0.5);
      const submission = `id,after\n${order
        .map((i) => `${ids[i]},${cell(random() < 0.6 ? truth[i]! : pick(), random() < 0.3)}`)
        .join("\n")}\n`;
      const a = parseCsv(Buffer.from(answers), "answers.csv");
      const s = parseCsv(Buffer.from(submission), "submission.csv");
      const outcome = grader.grade(s, a);
      if (textCells(a.rawCells("after"), a.rowCount) && textCells(s.rawCells("after"), s.rowCount))
        bytePath++;
      // The decoded way, on fresh frames.
      const a2 = parseCsv(Buffer.from(answers), "answers.csv");
      const s2 = parseCsv(Buffer.from(submission), "submission.csv");
      const rowOf = alignForAccuracy(s2, a2, { idColumn: "id", targetColumn: "after" });
      const rendered = pandasAstypeStr(columnOf(s2, "after"));
      const expected = accuracy(
        pandasAstypeStr(columnOf(a2, "after")),
        Array.from(rowOf, (row) => rendered[row]!),
      );
      expect(outcome.score, `seed ${seed}`).toBe(expected);
      const missing = /^(\d+) cell\(s\)/.exec(outcome.notes.join(" "))?.[1];
      const na = columnOf(s2, "after");
      const expectedMissing = na.kind === "object" ? na.values.filter((v) => v === null).length : undefined;
      if (na.kind === "object") expect(Number(missing ?? 0), `seed ${seed}`).toBe(expectedMissing);
    }
    // Most files take the byte path; the others (a column of numbers or booleans) the decoded one.
    expect(bytePath).toBeGreaterThan(150);
  });
});
