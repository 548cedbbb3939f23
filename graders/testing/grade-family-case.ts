// Grades one submission text against answers text the way the pipeline does: the answers read by
// file extension (CSV, or JSON Lines keeping the grader's answersFields), the submission as CSV.
// gradeCsv (fixtures.ts) is this with a CSV answers file.

import { BenchError } from "../../src/errors.js";
import { type Frame, parseCsv } from "../../src/grading/csv/frame.js";
import type { Grader } from "../../src/grading/grader.js";
import { InvalidSubmission } from "../../src/grading/invalid-submission.js";
import { parseJsonl } from "../../src/grading/jsonl-frame.js";
import type { Verdict } from "./fixtures.js";

/** Grades as the pipeline does: answers by extension (CSV or JSON Lines), the submission as CSV. */
export function gradeFamilyCase(grader: Grader, answersName: string, answers: string, csv: string): Verdict {
  const answersFrame: Frame = answersName.endsWith(".jsonl")
    ? parseJsonl(answers, answersName, grader.answersFields)
    : parseCsv(answers, answersName);
  let submission: Frame;
  try {
    submission = parseCsv(csv, "submission.csv");
  } catch (error) {
    if (error instanceof BenchError && error.code === "CSV_MALFORMED") return { valid: false, error };
    throw error;
  }
  try {
    return { valid: true, outcome: grader.grade(submission, answersFrame) };
  } catch (error) {
    if (error instanceof InvalidSubmission) return { valid: false, error };
    throw error;
  }
}
