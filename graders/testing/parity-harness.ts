// The harness the parity tests share (graders/parity*.test.ts): skip with a warning when the Python
// reference cannot run here, or fail when BENCH_REQUIRE_PYTHON=1; write every competition's answers and
// submissions under a temp folder; grade them all in one run of scripts/python/reference_grade.py; compare
// bench's verdicts with the reference's and describe each mismatch. Each test keeps its own cases, rules
// and thresholds.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundHalfEven } from "../../src/grading/metrics/round-score.js";
import type { Verdict } from "./fixtures.js";
import { pythonUnavailableReason, type ReferenceResult, runReference } from "./python-reference.js";

/** What a case must show: the same verdict and score, a rejection (policy 2), or an id-aligned note. */
export interface ParityCaseLike {
  readonly label: string;
  readonly expect: "same" | "bench-rejects" | "bench-notes";
  /** For "bench-notes": the label of the case (same group) whose reference score bench must give. */
  readonly twin?: string;
}

/** One submission to grade by bench (already graded) and by the reference (files on disk). */
export interface ParityJob<C extends ParityCaseLike> {
  readonly competition: string;
  readonly case: C;
  readonly answers: string;
  readonly submission: string;
  readonly bench: Verdict;
  /** Shown in failure descriptions; the case's label when absent. */
  readonly label?: string;
  /** Cases of one group (one seed) are each other's twins. */
  readonly group?: number;
}

export interface Graded<C extends ParityCaseLike> {
  readonly case: C;
  readonly bench: Verdict;
  readonly reference: ReferenceResult;
  readonly label: string;
  readonly group?: number;
}

/** How a family reads the reference's answers. */
export interface ParityRules {
  /** A NaN from the reference is a valid NaN score (otherwise it counts as invalid). */
  readonly nanIsScore: boolean;
  /** ±Infinity from the reference is a valid infinite score. */
  readonly infinityIsScore?: boolean;
  /** Policy 2 also holds when the reference scored NaN (bench's note must then say NaN). */
  readonly policy2AcceptsNaN?: boolean;
  /** Policy 2: bench's note must name the reference (default true). */
  readonly policy2NamesReference?: boolean;
}

/** The folder of one competition: its answers file and, per case, a submission (and other answers). */
export class ParityFolder {
  readonly answers: string;

  constructor(
    private readonly folder: string,
    answersText: string,
    answersName = "answers.csv",
  ) {
    mkdirSync(folder);
    this.answers = join(folder, answersName);
    writeFileSync(this.answers, answersText);
  }

  /** Writes case i's submission, and its own answers when it has some; returns the two paths. */
  files(i: number, csv: string, answersText?: string): { answers: string; submission: string } {
    const submission = join(this.folder, `submission-${i}.csv`);
    writeFileSync(submission, csv);
    if (answersText === undefined) return { answers: this.answers, submission };
    const answers = join(this.folder, `answers-${i}.csv`);
    writeFileSync(answers, answersText);
    return { answers, submission };
  }
}

/** The reference's score: a number, NaN or ±Infinity as the rules allow, or null when invalid. */
export function referenceValue(r: ReferenceResult, rules: ParityRules): number | null {
  if (rules.nanIsScore && r.nan) return Number.NaN;
  if (rules.infinityIsScore && r.inf !== undefined) return r.inf * Number.POSITIVE_INFINITY;
  return r.score;
}

export const describeBench = (v: Verdict): string =>
  v.valid ? `valid, score ${v.outcome.score}` : `invalid: ${v.error.message}`;

export function describeReference(r: ReferenceResult, rules: ParityRules): string {
  const v = referenceValue(r, rules);
  return v === null ? `invalid: ${r.error}` : `valid, score ${v}`;
}

function sameScore(bench: number, reference: number): boolean {
  return Object.is(roundHalfEven(bench, 5), reference) || roundHalfEven(bench, 5) === reference;
}

/** Every case where bench and the reference disagree, described (empty when they all agree). */
export function parityMismatches<C extends ParityCaseLike>(
  cases: readonly Graded<C>[],
  rules: ParityRules,
): string[] {
  const mismatches: string[] = [];
  for (const { case: c, bench, reference, label, group } of cases) {
    const ref = referenceValue(reference, rules);
    const where = `${label}: bench ${describeBench(bench)} | reference ${describeReference(reference, rules)}`;
    if (c.expect === "bench-rejects") {
      const note = !bench.valid && "referenceNote" in bench.error ? bench.error.referenceNote : undefined;
      const scored = ref !== null && (rules.policy2AcceptsNaN === true || !Number.isNaN(ref));
      const ok =
        !bench.valid &&
        scored &&
        note !== undefined &&
        (rules.policy2NamesReference === false || /reference/i.test(note)) &&
        note.includes(Number.isNaN(ref) ? "NaN" : String(ref));
      if (!ok) mismatches.push(`[policy 2] ${where} | note: ${note}`);
    } else if (c.expect === "bench-notes") {
      const twin = cases.find((t) => t.group === group && t.case.label === c.twin);
      const twinScore = twin === undefined ? null : referenceValue(twin.reference, rules);
      const ok =
        bench.valid &&
        ref !== null &&
        twinScore !== null &&
        sameScore(bench.outcome.score, twinScore) &&
        bench.outcome.notes.some((n) => n.includes(String(ref)));
      if (!ok)
        mismatches.push(
          `[aligned by id] ${where} | twin ${twinScore} | notes: ${bench.valid ? bench.outcome.notes.join(" / ") : ""}`,
        );
    } else if (ref === null) {
      if (bench.valid) mismatches.push(where);
    } else if (!bench.valid || !sameScore(bench.outcome.score, ref)) {
      mismatches.push(where);
    }
  }
  return mismatches;
}

/** The cases the reference found valid, and those it found invalid, must each be numerous enough. */
export function expectValidAndInvalid<C extends ParityCaseLike>(
  cases: readonly Graded<C>[],
  rules: ParityRules,
  least: { readonly valid: number; readonly invalid: number },
  competition: string,
): void {
  const valid = cases.filter((c) => referenceValue(c.reference, rules) !== null).length;
  expect(valid, `${competition}: valid cases`).toBeGreaterThanOrEqual(least.valid);
  expect(cases.length - valid, `${competition}: invalid cases`).toBeGreaterThanOrEqual(least.invalid);
}

/** With BENCH_PARITY_VERBOSE=1, prints every case's two verdicts. */
export function logParity<C extends ParityCaseLike>(
  competition: string,
  cases: readonly Graded<C>[],
  rules: ParityRules,
): void {
  if (process.env.BENCH_PARITY_VERBOSE !== "1") return;
  for (const { bench, reference, label } of cases)
    console.log(
      `${competition} | ${label}: bench ${describeBench(bench)} | reference ${describeReference(reference, rules)}`,
    );
}

export interface ParityTestsOptions {
  /** The fewest cases a competition must have. */
  readonly minCases: number;
  /** The fewest cases the reference finds valid, and invalid, in each competition. */
  readonly least: { readonly valid: number; readonly invalid: number };
  /** The title of the test of those numbers. */
  readonly exercisesTitle?: string;
}

/**
 * The usual tests of a parity block: one per competition (enough cases, no mismatch; the verdicts
 * printed with BENCH_PARITY_VERBOSE=1), then one that each competition has enough valid and invalid cases.
 */
export function parityTests<C extends ParityCaseLike>(
  competitions: readonly string[],
  graded: (competition: string) => readonly Graded<C>[],
  rules: ParityRules,
  options: ParityTestsOptions,
): void {
  it.each(competitions)("%s", (competition) => {
    const cases = graded(competition);
    expect(cases.length).toBeGreaterThanOrEqual(options.minCases);
    const mismatches = parityMismatches(cases, rules);
    logParity(competition, cases, rules);
    expect(mismatches).toEqual([]);
  });

  it(options.exercisesTitle ?? "exercises valid and invalid submissions in each competition", () => {
    for (const competition of competitions)
      expectValidAndInvalid(graded(competition), rules, options.least, competition);
  });
}

export interface ParitySpec<C extends ParityCaseLike> {
  /** Names the test in the skip warning ("geometry parity test"). */
  readonly name: string;
  readonly title: string;
  /** The temp folder's prefix ("bench-parity-g3-"). */
  readonly tempPrefix: string;
  /** The jobs, their files written under `dir`. */
  readonly jobs: (dir: string) => ParityJob<C>[];
}

/**
 * A describe block that grades every job by the reference in one batch before its tests; `body` gets the
 * graded cases of a competition. Skipped with a warning when Python cannot run the reference, unless
 * BENCH_REQUIRE_PYTHON=1, where the block fails instead.
 */
export function describeParity<C extends ParityCaseLike>(
  spec: ParitySpec<C>,
  body: (graded: (competition: string) => readonly Graded<C>[]) => void,
): void {
  const unavailable = pythonUnavailableReason();
  const required = process.env.BENCH_REQUIRE_PYTHON === "1";
  if (unavailable !== undefined && !required) {
    console.warn(`${spec.name} skipped: ${unavailable}. Set BENCH_REQUIRE_PYTHON=1 to make this a failure.`);
  }
  describe.skipIf(unavailable !== undefined && !required)(spec.title, () => {
    let dir = "";
    const graded = new Map<string, Graded<C>[]>();

    beforeAll(() => {
      if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_PYTHON=1 but ${unavailable}`);
      dir = mkdtempSync(join(tmpdir(), spec.tempPrefix));
      const pending = spec.jobs(dir);
      const results = runReference(
        pending.map((p) => ({ competition: p.competition, answers: p.answers, submission: p.submission })),
      );
      pending.forEach((p, i) => {
        const list = graded.get(p.competition) ?? [];
        list.push({
          case: p.case,
          bench: p.bench,
          reference: results[i]!,
          label: p.label ?? p.case.label,
          ...(p.group === undefined ? {} : { group: p.group }),
        });
        graded.set(p.competition, list);
      });
    });

    afterAll(() => {
      if (dir !== "") rmSync(dir, { recursive: true, force: true });
    });

    body((competition) => graded.get(competition) ?? []);
  });
}
