// Parity with the reference for the regression-and-ranking family (g4): every competition's seeded answers
// and ~25 submissions per seed, graded by bench and by scripts/python/reference_regression_and_ranking.py (an
// independent Python re-implementation written from shared/mlebench/full-grading/g4-regression-and-ranking.md).
// Equal verdicts and equal scores after numpy's 5-decimal rounding (NaN and ±Infinity included), except
// for the malformed files the reference grades anyway (policy 2: bench rejects, its note states the
// reference's number) and stanford-covid-vaccine's reordered rows (bench aligns by id: its score is the
// same rows' score in the answers' order, and its note states the reference's number).
// Needs /usr/bin/python3 with pandas, numpy, scipy and scikit-learn: skipped with a warning without it,
// a failure when BENCH_REQUIRE_PYTHON=1.

import { join } from "node:path";
import { G4_GRADERS } from "./families/regression-and-ranking.js";
import { gradeCsv } from "./testing/fixtures.js";
import {
  describeParity,
  ParityFolder,
  type ParityJob,
  type ParityRules,
  parityTests,
} from "./testing/parity-harness.js";
import { type G4Case, regressionAndRankingCases } from "./testing/regression-and-ranking-cases.js";

const COMPETITIONS = G4_GRADERS.map((g) => g.id);
const RULES: ParityRules = {
  nanIsScore: true,
  infinityIsScore: true,
  policy2AcceptsNaN: true,
  policy2NamesReference: false,
};

describeParity<G4Case>(
  {
    name: "g4 parity test",
    title: "bench grades the regression-and-ranking competitions as the reference does",
    tempPrefix: "bench-parity-g4-",
    jobs: (dir) =>
      regressionAndRankingCases().flatMap((competition, k): ParityJob<G4Case>[] => {
        const grader = G4_GRADERS.find((g) => g.id === competition.id)!;
        const folder = new ParityFolder(join(dir, `${competition.id}-${k}`), competition.answers);
        return competition.cases.map((c, i) => ({
          competition: competition.id,
          case: c,
          label: `${c.label} (seed ${k})`,
          group: k,
          ...folder.files(i, c.csv, c.answers),
          bench: gradeCsv(grader, c.answers ?? competition.answers, c.csv),
        }));
      }),
  },
  (graded) => parityTests(COMPETITIONS, graded, RULES, { minCases: 30, least: { valid: 8, invalid: 10 } }),
);
