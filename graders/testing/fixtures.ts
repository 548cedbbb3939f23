// All 22 Lite fixtures by competition id, and the glue to turn tables into parsed frames and grade them
// the way the pipeline does (a file that cannot be parsed as a table is invalid before any grader runs).

import type { BenchError } from "../../src/errors.js";
import type { Grader } from "../../src/grading/grader.js";
import type { GradeOutcome, InvalidSubmission } from "../../src/grading/invalid-submission.js";
import type { Fixture } from "./fixture.js";
import { AUROC_FIXTURES } from "./fixtures-auroc.js";
import { OTHER_FIXTURES } from "./fixtures-other.js";
import { PROBABILITY_FIXTURES } from "./fixtures-probability.js";
import { gradeFamilyCase } from "./grade-family-case.js";
import { Rng } from "./rng.js";
import { select, type Table, toCsv } from "./table.js";

export const FIXTURES: ReadonlyMap<string, Fixture> = new Map(
  [...AUROC_FIXTURES, ...PROBABILITY_FIXTURES, ...OTHER_FIXTURES].map((f) => [f.id, f]),
);

export function fixture(id: string): Fixture {
  const f = FIXTURES.get(id);
  if (f === undefined) throw new Error(`no test fixture for ${id}`);
  return f;
}

/** The answers file's text for `answers`, as the reference's prepare step writes it. */
export function answersCsv(f: Fixture, answers: Table): string {
  const table = f.answersColumns ? select(answers, f.answersColumns) : answers;
  return toCsv(table, { quoteAll: f.quoteAnswers ?? false });
}

/** The answers table and file text for a seed. */
export function makeAnswers(f: Fixture, seed = 1): { table: Table; csv: string } {
  const table = f.answers(new Rng(seed));
  return { table, csv: answersCsv(f, table) };
}

export type Verdict =
  | { readonly valid: true; readonly outcome: GradeOutcome }
  | { readonly valid: false; readonly error: InvalidSubmission | BenchError };

/** Grades CSV texts as the pipeline would: unparsable -> invalid, InvalidSubmission -> invalid. */
export function gradeCsv(grader: Grader, answersText: string, submissionText: string): Verdict {
  return gradeFamilyCase(grader, "answers.csv", answersText, submissionText);
}

/** The outcome of a grade that must be valid (a readable failure otherwise). */
export function expectValid(verdict: Verdict): GradeOutcome {
  if (!verdict.valid) throw new Error(`expected a valid submission, got: ${verdict.error.message}`);
  return verdict.outcome;
}

/** The error of a grade that must be invalid. */
export function expectInvalid(verdict: Verdict): InvalidSubmission | BenchError {
  if (verdict.valid) throw new Error(`expected an invalid submission, got score ${verdict.outcome.score}`);
  return verdict.error;
}
