// Seeded answers and submissions for the regression-and-ranking family (g4): for each competition an
// answers table shaped as the reference's prepare step writes it (fewer rows), and a few dozen
// well-formed and malformed submissions. The parity test grades each with bench and with
// scripts/python/reference_regression_and_ranking.py; the per-grader tests reuse them.
// `expect`: "same" (equal verdicts and scores), "bench-rejects" (policy 2: the reference grades a
// malformed file, bench rejects it and its note states the reference's number), "bench-notes" (bench
// aligns by id where the reference pairs by position: bench's score is `twin`'s, the note states the
// reference's number).

import type { Spec, SpecialCase } from "./regression-and-ranking/spec.js";
import { AI4CODE, ESSAY, JIGSAW, NFL } from "./regression-and-ranking/specs-orders-and-labels.js";
import {
  CHAMPS,
  PETFINDER,
  STANFORD,
  VENTILATOR,
  VOLCANIC,
} from "./regression-and-ranking/specs-regression.js";
import { FREESOUND, GOOGLE_QUEST, US_PATENT } from "./regression-and-ranking/specs-scores.js";
import { Rng } from "./rng.js";
import { dropColumn, dropRow, duplicateRow, setCell, toCsv, withRows } from "./table.js";

export interface G4Case {
  readonly label: string;
  readonly csv: string;
  readonly expect: "same" | "bench-rejects" | "bench-notes";
  /** For "bench-notes": the label of the case (same rows, answers' order) whose reference score bench must give. */
  readonly twin?: string;
  /** Answers replacing the competition's default ones. */
  readonly answers?: string;
}

export interface G4Competition {
  readonly id: string;
  readonly answers: string;
  readonly cases: readonly G4Case[];
}

function casesOf(spec: Spec, seed: number): G4Competition {
  const rng = new Rng(seed);
  const answers = spec.answers(rng);
  const random = spec.random(answers, rng);
  const { idColumn: id, target } = spec;
  const list: SpecialCase[] = [
    ["sample submission", spec.sample(answers)],
    ["random", random],
    ["random 2", spec.random(answers, rng)],
    ["perfect", spec.perfect(answers)],
    ["shuffled", withRows(random, rng.shuffle(random.rows))],
    ["missing target column", dropColumn(random, target)],
    ["missing id column", dropColumn(random, id)],
    ["duplicated id", duplicateRow(random, 0, 1)],
    ["unknown id", setCell(random, 2, id, spec.unknownId)],
    ["header only", withRows(random, [])],
    ["dropped row", dropRow(random, 0)],
    ["empty file", ""],
    ...spec.special(answers, random, rng),
  ];
  return {
    id: spec.id,
    answers: toCsv(answers),
    cases: [
      ...list.map(([label, table, expect, twin]) => {
        const [e, t] = spec.overrides?.[label] ?? [expect, twin];
        const c: G4Case = {
          label,
          csv: typeof table === "string" ? table : toCsv(table),
          expect: e ?? "same",
        };
        return t === undefined ? c : { ...c, twin: t };
      }),
      ...(spec.extra?.(answers) ?? []),
    ],
  };
}

const SPECS: readonly Spec[] = [
  AI4CODE,
  CHAMPS,
  FREESOUND,
  GOOGLE_QUEST,
  JIGSAW,
  ESSAY,
  NFL,
  PETFINDER,
  VOLCANIC,
  STANFORD,
  US_PATENT,
  VENTILATOR,
];

/** Every competition's answers and cases, each from its own seed (1 answers set; `seeds` variants). */
export function regressionAndRankingCases(seeds: readonly number[] = [4000, 4100]): G4Competition[] {
  return SPECS.flatMap((spec, i) => seeds.map((seed) => casesOf(spec, seed + i)));
}

/** The answers of `id` for `seed`, and its cases. */
export function casesFor(id: string, seed = 4000): G4Competition {
  const spec = SPECS.find((s) => s.id === id);
  if (spec === undefined) throw new Error(`no g4 cases for ${id}`);
  return casesOf(spec, seed);
}
