// Parity with the reference for the geometry family (g1-geometry.md): for every registered competition,
// seeded answers and a few dozen submissions (graders/testing/geometry-cases.ts), graded by bench and by
// scripts/python/reference_geometry.py (an independent Python implementation written from the spec).
// Asserts equal verdicts and equal scores after numpy's 5-decimal rounding; for the malformed files the
// reference grades anyway (policy 2), bench must reject and its note must give the reference's number.
// Needs /usr/bin/python3 with pandas and numpy: skipped with a warning without it, or fails when
// BENCH_REQUIRE_PYTHON=1.

import { join } from "node:path";
import { G1_GRADERS } from "./families/geometry.js";
import { gradeCsv } from "./testing/fixtures.js";
import { type GeometryCase, geometryCompetition } from "./testing/geometry-cases.js";
import {
  describeParity,
  ParityFolder,
  type ParityJob,
  type ParityRules,
  parityTests,
} from "./testing/parity-harness.js";

const COMPETITIONS = G1_GRADERS.map((g) => g.id);
const RULES: ParityRules = { nanIsScore: true, policy2AcceptsNaN: true };

describeParity<GeometryCase>(
  {
    name: "geometry parity test",
    title: "bench grades the geometry family as the reference does",
    tempPrefix: "bench-parity-geometry-",
    jobs: (dir) =>
      G1_GRADERS.flatMap((grader, c) =>
        // Two seeds per competition: different answers and noise, the same malformations.
        [7000 + c, 7100 + c].flatMap((seed): ParityJob<GeometryCase>[] => {
          const { answers, cases } = geometryCompetition(grader.id, seed);
          const folder = new ParityFolder(join(dir, `${grader.id}-${seed}`), answers);
          return cases.map((gc, i) => ({
            competition: grader.id,
            case: { ...gc, label: `seed ${seed}, ${gc.label}` },
            ...folder.files(i, gc.csv, gc.answers),
            bench: gradeCsv(grader, gc.answers ?? answers, gc.csv),
          }));
        }),
      ),
  },
  (graded) => parityTests(COMPETITIONS, graded, RULES, { minCases: 15, least: { valid: 4, invalid: 5 } }),
);
