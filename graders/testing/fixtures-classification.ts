// The classification family's test fixtures by competition id, the malformed files the reference grades
// anyway (policy 2: bench rejects them and states the reference's score), and the cases only one
// competition needs.

import type { Fixture } from "./fixture.js";
import { CLASSIFICATION_LABEL_FIXTURES } from "./fixtures-classification-labels.js";
import { CLASSIFICATION_PROBABILITY_FIXTURES } from "./fixtures-classification-probabilities.js";
import { CLASSIFICATION_SCORE_FIXTURES } from "./fixtures-classification-scores.js";
import type { ParityCase } from "./parity-cases.js";
import { cells, type Table, toCsv, withRows } from "./table.js";

export const CLASSIFICATION_FIXTURES: ReadonlyMap<string, Fixture> = new Map(
  [
    ...CLASSIFICATION_LABEL_FIXTURES,
    ...CLASSIFICATION_SCORE_FIXTURES,
    ...CLASSIFICATION_PROBABILITY_FIXTURES,
  ].map((f) => [f.id, f]),
);

/** Generic parity cases (graders/testing/parity-cases.ts labels) that the reference grades anyway. */
export const CLASSIFICATION_POLICY2: Readonly<Record<string, readonly string[]>> = {
  // One text label makes the column text: the reference compares text with numbers and reports 0.0.
  "cassava-leaf-disease-classification": ["text value"],
  "cdiscount-image-classification-challenge": ["text value"],
  "iwildcam-2020-fgvc7": ["text value"],
  "ml2021spring-hw2": ["text value"],
  "movie-review-sentiment-analysis-kernels-only": ["text value"],
};

/** Cases only one competition needs. */
export function classificationSpecialCases(fixture: Fixture, answers: Table): ParityCase[] {
  if (fixture.id !== "hms-harmful-brain-activity-classification") return [];
  // Same id set and row count, but one repeated id written once and a single id twice.
  const perfect = fixture.perfect(answers);
  const ids = cells(answers, "eeg_id");
  const repeated = ids.findIndex((id, r) => r > 0 && ids[r - 1] === id);
  const rows = perfect.rows.map((row, r) => (r === repeated ? [...perfect.rows[0]!] : row));
  return [
    {
      label: "eeg_id counts differ, same set",
      csv: toCsv(withRows(perfect, rows)),
      expect: "bench-rejects",
    },
  ];
}
