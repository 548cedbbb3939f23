// Parity with the reference: every Lite competition's answers and ~25 submissions (seeded), graded by
// bench and by scripts/python/reference_grade.py (an independent Python re-implementation written from
// lite-grading.md). Asserts equal verdicts and equal scores after numpy's 5-decimal rounding, except for
// the malformed files the reference grades anyway (policy 2), where bench must reject the file and its
// reference note must state the reference's number.
// Needs /usr/bin/python3 with pandas, numpy, scipy and scikit-learn: without it the test is skipped with
// a warning, or fails when BENCH_REQUIRE_PYTHON=1.

import { GRADERS } from "./index.js";
import { FIXTURES } from "./testing/fixtures.js";
import { fixtureParityJobs, type ParityCase, parityCases } from "./testing/parity-cases.js";
import { describeParity, type ParityRules, parityTests } from "./testing/parity-harness.js";

const LITE = [...FIXTURES.keys()];
const RULES: ParityRules = { nanIsScore: true };

describeParity<ParityCase>(
  {
    name: "parity test",
    title: "bench grades the 22 Lite competitions as the reference does",
    tempPrefix: "bench-parity-",
    jobs: (dir) =>
      LITE.flatMap((competition, c) => {
        const f = FIXTURES.get(competition)!;
        const seed = 1000 + c;
        return fixtureParityJobs(dir, GRADERS.get(competition)!, f, seed, (table) =>
          parityCases(f, table, seed),
        );
      }),
  },
  (graded) =>
    parityTests(LITE, graded, RULES, {
      minCases: 15,
      least: { valid: 4, invalid: 5 },
      exercisesTitle: "exercises valid and invalid submissions, and every policy-2 rule, in each competition",
    }),
);
