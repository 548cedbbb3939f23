// Parity with the reference for the 18 classification competitions (g3-classification.md): for each,
// seeded valid and invalid submissions graded by bench and by scripts/python/reference_classification.py
// (an independent Python re-implementation, run through reference_grade.py). Verdicts must agree and
// scores must be equal after numpy's 5-decimal rounding, except for the malformed files the reference
// grades anyway (policy 2), where bench must reject the file and its note must state the reference's
// number. Needs /usr/bin/python3 with pandas, numpy, scipy and scikit-learn: skipped with a warning
// without it, a failure when BENCH_REQUIRE_PYTHON=1.

import { G3_GRADERS } from "./families/classification.js";
import {
  CLASSIFICATION_FIXTURES,
  CLASSIFICATION_POLICY2,
  classificationSpecialCases,
} from "./testing/fixtures-classification.js";
import { fixtureParityJobs, type ParityCase, parityCases } from "./testing/parity-cases.js";
import { describeParity, type ParityRules, parityTests } from "./testing/parity-harness.js";

const COMPETITIONS = G3_GRADERS.map((g) => g.id);
const RULES: ParityRules = { nanIsScore: true };

describeParity<ParityCase>(
  {
    name: "classification parity test",
    title: "bench grades the 18 classification competitions as the reference does",
    tempPrefix: "bench-parity-g3-",
    jobs: (dir) =>
      COMPETITIONS.flatMap((competition, c) => {
        const f = CLASSIFICATION_FIXTURES.get(competition);
        if (f === undefined) throw new Error(`no fixture for ${competition}`);
        const grader = G3_GRADERS.find((g) => g.id === competition)!;
        const seed = 3000 + c;
        const policy2 = CLASSIFICATION_POLICY2[competition] ?? [];
        return fixtureParityJobs(dir, grader, f, seed, (table) =>
          [...parityCases(f, table, seed), ...classificationSpecialCases(f, table)].map(
            (pc): ParityCase => (policy2.includes(pc.label) ? { ...pc, expect: "bench-rejects" } : pc),
          ),
        );
      }),
  },
  (graded) => parityTests(COMPETITIONS, graded, RULES, { minCases: 20, least: { valid: 4, invalid: 5 } }),
);
