// The reference rounds a score to 5 decimals with numpy's rounding where grade() returns a numpy.float64,
// and with Python's where it returns a plain float (kuzushiji-recognition, tweet-sentiment-extraction).
// The two differ on scores on a 5th-decimal boundary, where a medal can flip: checked through the whole
// grading pipeline with the real tweet-sentiment-extraction grader.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GRADERS } from "../../graders/index.js";
import { grader as kuzushiji } from "../../graders/kuzushiji-recognition.js";
import { grader as tweet } from "../../graders/tweet-sentiment-extraction.js";
import { parseCsv } from "./csv/frame.js";
import type { CompetitionReport } from "./grade-report.js";
import { gradeSubmission } from "./grade-submission.js";
import type { Grader } from "./grader.js";
import type { MedalThresholds } from "./medals.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Bronze from 0.00013: a score of 0.000125 medals when rounded as Python does (0.00013), not as numpy
// does (0.00012).
const thresholds: MedalThresholds = {
  gold: 0.9,
  silver: 0.5,
  bronze: 0.00013,
  median: 0.0001,
  isLowerBetter: false,
  teams: 100,
};

function grade(grader: Grader, answersCsv: string, submissionCsv: string): CompetitionReport {
  const dir = mkdtempSync(join(tmpdir(), "bench-score-rounding-"));
  made.push(dir);
  const path = join(dir, "submission.csv");
  writeFileSync(path, submissionCsv);
  const answers = parseCsv(answersCsv, "answers.csv");
  return gradeSubmission({
    competitionId: grader.id,
    submissionPath: path,
    grader,
    answers: () => answers,
    thresholds,
    metricLowerIsBetter: false,
  });
}

describe("the score's rounding to 5 decimals", () => {
  it("is Python's for tweet-sentiment-extraction, whose reference returns a plain float", () => {
    // 64 rows: one prediction shares 1 word of its answer's 125 (Jaccard 1/125), the others none.
    // Mean 1/125/64 = 0.000125, a float just above the half: Python rounds it to 0.00013, numpy's
    // x * 1e5 lands on exactly 12.5 and rounds to even, 0.00012.
    const words = Array.from({ length: 125 }, (_, i) => `w${i}`).join(" ");
    const answers = ["textID,text,selected_text,sentiment"];
    const submission = ["textID,selected_text"];
    for (let row = 0; row < 64; row++) {
      answers.push(`t${row},x,${row === 0 ? words : "truth"},neutral`);
      submission.push(`t${row},${row === 0 ? "w0" : "guess"}`);
    }
    const report = grade(tweet, `${answers.join("\n")}\n`, `${submission.join("\n")}\n`);
    expect(report.valid_submission).toBe(true);
    expect(report.score).toBe(0.00013);
    expect(report.bronze_medal).toBe(true);
  });

  it("is numpy's for every other grader: the same score from a grader that says nothing", () => {
    const fixed: Grader = { id: "fixed", version: 1, grade: () => ({ score: 1 / 125 / 64, notes: [] }) };
    const report = grade(fixed, "id\n1\n", "id\n1\n");
    expect(report.score).toBe(0.00012);
    expect(report.any_medal).toBe(false);
    expect(grade({ ...fixed, scoreRounding: "python" }, "id\n1\n", "id\n1\n").score).toBe(0.00013);
  });

  it("is declared by the two graders whose reference returns a Python float, and by no other", () => {
    expect([tweet.scoreRounding, kuzushiji.scoreRounding]).toEqual(["python", "python"]);
    const python = [...GRADERS.values()].filter((grader) => grader.scoreRounding === "python");
    expect(python.map((grader) => grader.id).sort()).toEqual([
      "kuzushiji-recognition",
      "tweet-sentiment-extraction",
    ]);
  });
});
