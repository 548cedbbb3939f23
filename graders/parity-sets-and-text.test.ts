// Parity with the reference for the sets-and-text family (shared/mlebench/full-grading/g2-sets-and-text.md):
// every competition's seeded answers and a few dozen submissions (graders/testing/sets-and-text-cases.ts),
// graded by bench and by scripts/python/reference_sets_and_text.py (an independent Python implementation
// written from the spec), in one Python process. Equal verdicts and equal scores after numpy's 5-decimal
// rounding, except for the malformed files the reference grades anyway (policy 2), where bench must reject
// the file and its reference note must state the reference's number.
// Needs /usr/bin/python3 with pandas, numpy and scikit-learn: skipped with a warning without it, or fails
// when BENCH_REQUIRE_PYTHON=1.

import { join } from "node:path";
import { expect, it } from "vitest";
import { G2_GRADERS } from "./families/sets-and-text.js";
import { gradeFamilyCase } from "./testing/grade-family-case.js";
import {
  describeParity,
  expectValidAndInvalid,
  logParity,
  ParityFolder,
  type ParityJob,
  type ParityRules,
  parityMismatches,
} from "./testing/parity-harness.js";
import { type FamilyCase, familyCompetitions } from "./testing/sets-and-text-cases.js";

const COMPETITIONS = familyCompetitions(2002);
const GRADERS = new Map(G2_GRADERS.map((g) => [g.id, g]));
// A NaN from this family's reference counts as an invalid verdict.
const RULES: ParityRules = { nanIsScore: false };

describeParity<FamilyCase>(
  {
    name: "sets-and-text parity test",
    title: "bench grades the sets-and-text family as the reference does",
    tempPrefix: "bench-parity-g2-",
    jobs: (dir) =>
      COMPETITIONS.flatMap((c): ParityJob<FamilyCase>[] => {
        const grader = GRADERS.get(c.id);
        if (grader === undefined) throw new Error(`no grader registered for ${c.id}`);
        const folder = new ParityFolder(join(dir, c.id), c.answers, c.answersName);
        return c.cases.map((fc, i) => ({
          competition: c.id,
          case: fc,
          ...folder.files(i, fc.csv),
          bench: gradeFamilyCase(grader, c.answersName, c.answers, fc.csv),
        }));
      }),
  },
  (graded) => {
    it("has a grader for every competition of the family", () => {
      expect(COMPETITIONS.map((c) => c.id).sort()).toEqual([...GRADERS.keys()].sort());
    });

    it.each(COMPETITIONS.map((c) => c.id))("%s", (competition) => {
      const cases = graded(competition);
      expect(cases.length).toBeGreaterThanOrEqual(10);
      const mismatches = parityMismatches(cases, RULES);
      logParity(competition, cases, RULES);
      expect(mismatches).toEqual([]);
      expectValidAndInvalid(cases, RULES, { valid: 3, invalid: 3 }, competition);
    });
  },
);
