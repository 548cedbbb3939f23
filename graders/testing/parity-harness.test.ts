// The parity tests' comparison rules, on hand-made verdicts (no Python needed).

import { describe, expect, it } from "vitest";
import { InvalidSubmission } from "../../src/grading/invalid-submission.js";
import type { Verdict } from "./fixtures.js";
import {
  expectValidAndInvalid,
  type Graded,
  type ParityCaseLike,
  parityMismatches,
} from "./parity-harness.js";
import type { ReferenceResult } from "./python-reference.js";

const valid = (score: number, notes: string[] = []): Verdict => ({ valid: true, outcome: { score, notes } });
const invalid = (referenceNote?: string): Verdict => ({
  valid: false,
  error: new InvalidSubmission("bad file", referenceNote === undefined ? {} : { referenceNote }),
});
const scored = (score: number): ReferenceResult => ({ score, error: null });
const nan: ReferenceResult = { score: null, error: null, nan: true };
const rejected: ReferenceResult = { score: null, error: "ValueError" };

function graded(
  expect: ParityCaseLike["expect"],
  bench: Verdict,
  reference: ReferenceResult,
  more: { label?: string; twin?: string; group?: number } = {},
): Graded<ParityCaseLike> {
  const label = more.label ?? "case";
  return {
    case: { label, expect, ...(more.twin === undefined ? {} : { twin: more.twin }) },
    bench,
    reference,
    label,
    ...(more.group === undefined ? {} : { group: more.group }),
  };
}

describe("parityMismatches", () => {
  const rules = { nanIsScore: true };

  it("accepts equal verdicts and scores equal after numpy's 5-decimal rounding", () => {
    expect(
      parityMismatches(
        [
          graded("same", valid(0.123454), scored(0.12345)),
          graded("same", invalid(), rejected),
          graded("same", valid(Number.NaN), nan),
        ],
        rules,
      ),
    ).toEqual([]);
  });

  it("describes a different score, a different verdict, and a NaN that is not NaN", () => {
    const found = parityMismatches(
      [
        graded("same", valid(0.1235), scored(0.1234), { label: "off" }),
        graded("same", valid(1), rejected, { label: "accepted" }),
        graded("same", invalid(), scored(1), { label: "rejected" }),
        graded("same", valid(0), nan, { label: "not NaN" }),
      ],
      rules,
    );
    expect(found).toEqual([
      "off: bench valid, score 0.1235 | reference valid, score 0.1234",
      "accepted: bench valid, score 1 | reference invalid: ValueError",
      "rejected: bench invalid: bad file | reference valid, score 1",
      "not NaN: bench valid, score 0 | reference valid, score NaN",
    ]);
  });

  it("policy 2: bench must reject with a note that names the reference and states its number", () => {
    expect(
      parityMismatches(
        [graded("bench-rejects", invalid("the reference would report 0.5"), scored(0.5))],
        rules,
      ),
    ).toEqual([]);
    for (const bench of [
      valid(0.5),
      invalid(),
      invalid("it would report 0.5"),
      invalid("the reference would report 0.4"),
    ])
      expect(parityMismatches([graded("bench-rejects", bench, scored(0.5))], rules)).toHaveLength(1);
    // Without policy2NamesReference the word is not needed; a NaN counts only with policy2AcceptsNaN.
    expect(
      parityMismatches([graded("bench-rejects", invalid("gives 0.5"), scored(0.5))], {
        ...rules,
        policy2NamesReference: false,
      }),
    ).toEqual([]);
    expect(
      parityMismatches([graded("bench-rejects", invalid("the reference: NaN"), nan)], rules),
    ).toHaveLength(1);
    expect(
      parityMismatches([graded("bench-rejects", invalid("the reference: NaN"), nan)], {
        ...rules,
        policy2AcceptsNaN: true,
      }),
    ).toEqual([]);
  });

  it("reads NaN and ±Infinity as scores only where the rules say so", () => {
    const inf: ReferenceResult = { score: null, error: null, inf: -1 };
    expect(
      parityMismatches([graded("same", valid(Number.NEGATIVE_INFINITY), inf)], {
        ...rules,
        infinityIsScore: true,
      }),
    ).toEqual([]);
    expect(parityMismatches([graded("same", valid(Number.NEGATIVE_INFINITY), inf)], rules)).toHaveLength(1);
    expect(parityMismatches([graded("same", invalid(), nan)], { nanIsScore: false })).toEqual([]);
  });

  it("bench-notes: bench's score is its twin's reference score, and a note states the case's own", () => {
    const cases = [
      graded("same", valid(0.7), scored(0.7), { label: "perfect", group: 1 }),
      graded("same", valid(0.2), scored(0.2), { label: "perfect", group: 2 }),
      graded("bench-notes", valid(0.7, ["the reference would report 0.3"]), scored(0.3), {
        twin: "perfect",
        group: 1,
      }),
    ];
    expect(parityMismatches(cases, rules)).toEqual([]);
    const wrongGroup = [cases[0]!, cases[1]!, { ...cases[2]!, group: 2 }];
    expect(parityMismatches(wrongGroup, rules)).toHaveLength(1);
    const noNote = [cases[0]!, graded("bench-notes", valid(0.7), scored(0.3), { twin: "perfect", group: 1 })];
    expect(parityMismatches(noNote, rules)[0]).toMatch(/^\[aligned by id\]/);
  });
});

describe("expectValidAndInvalid", () => {
  it("counts the reference's valid and invalid verdicts against the least numbers", () => {
    const cases = [
      graded("same", valid(1), scored(1)),
      graded("same", valid(0), nan),
      graded("same", invalid(), rejected),
    ];
    expect(() =>
      expectValidAndInvalid(cases, { nanIsScore: true }, { valid: 2, invalid: 1 }, "c"),
    ).not.toThrow();
    expect(() => expectValidAndInvalid(cases, { nanIsScore: false }, { valid: 2, invalid: 1 }, "c")).toThrow(
      /c: valid cases/,
    );
    expect(() => expectValidAndInvalid(cases, { nanIsScore: true }, { valid: 1, invalid: 2 }, "c")).toThrow(
      /c: invalid cases/,
    );
  });
});
