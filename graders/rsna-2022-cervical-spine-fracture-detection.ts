// rsna-2022-cervical-spine-fracture-detection: weighted multi-label log loss over 8 targets per study
// (patient_overall, C1..C7), from a melted file with one row per (study, target): row_id is
// '<StudyInstanceUID>_<target>' (the UID has dots, never '_', so the split is at the FIRST '_').
// The reference's checks, in order: 'row_id' and 'fractured' present; every fractured a number in
// [0, 1] (NaN fails pandas' between(), text raises); the sorted row_ids equal the answers' (a different
// row count, a missing, unknown or duplicated row_id all fail; there is no separate length check).
// Score (src/grading/metrics/weighted-multilabel-log-loss.ts): per study, the weighted mean of the 8
// binary log losses with eps = 1e-15 (not machine epsilon) and weights 14/7 (patient_overall, y = 1/0)
// and 2/1 (C1..C7); then the plain mean over studies sorted by UID. Hard 0/1 predictions are allowed
// (a confident wrong label costs 34.54). Extra columns and row order do not matter.

import { alignById } from "../src/grading/align-by-id.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { compareCodePoints } from "../src/grading/metrics/classification-targets.js";
import { weightedMultilabelLogLoss } from "../src/grading/metrics/weighted-multilabel-log-loss.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireFinite,
  requireRange,
} from "../src/grading/submission-checks.js";

const ID = "row_id";
const TARGET = "fractured";
const LABELS = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"] as const;
const WEIGHTS = {
  positive: [14, 2, 2, 2, 2, 2, 2, 2],
  negative: [7, 1, 1, 1, 1, 1, 1, 1],
};

/** For each answers row: the study's position among the UID-sorted studies and the label's column. */
function studyLayout(answers: Frame): { cell: Int32Array; studies: number } {
  const ids = columnOf(answers, ID);
  if (ids.kind !== "object") {
    throw new InvalidSubmission(
      `${answers.source}: the answers' "${ID}" column is not text; check the answers file.`,
    );
  }
  const n = answers.rowCount;
  const studyOf = new Map<string, number>();
  const study = new Int32Array(n);
  const label = new Int32Array(n);
  ids.values.forEach((v, r) => {
    const text = typeof v === "string" ? v : "";
    const cut = text.indexOf("_");
    const j = cut < 0 ? -1 : LABELS.indexOf(text.slice(cut + 1) as (typeof LABELS)[number]);
    if (j < 0) {
      throw new InvalidSubmission(
        `${answers.source}: answers row ${r + 1} has row_id ${JSON.stringify(text)}, not '<StudyInstanceUID>_<${LABELS.join("|")}>'; check the answers file.`,
      );
    }
    const uid = text.slice(0, cut);
    let s = studyOf.get(uid);
    if (s === undefined) {
      s = studyOf.size;
      studyOf.set(uid, s);
    }
    study[r] = s;
    label[r] = j;
  });
  const sorted = [...studyOf.keys()].sort(compareCodePoints);
  const rank = new Int32Array(sorted.length);
  sorted.forEach((uid, position) => {
    rank[studyOf.get(uid)!] = position;
  });
  const cell = Int32Array.from(study, (s, r) => rank[s]! * LABELS.length + label[r]!);
  return { cell, studies: sorted.length };
}

export const grader: Grader = {
  id: "rsna-2022-cervical-spine-fracture-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [ID]);
    requireColumns(submission, [TARGET]);
    const values = numericValues(submission, TARGET);
    requireFinite(submission, TARGET, values);
    requireRange(submission, TARGET, values, 0, 1);
    const rowOf = alignById(answers, submission, ID);
    const { cell, studies } = studyLayout(answers);
    // pandas' pivot leaves a (study, label) pair absent from the answers as NaN: the loss is then NaN.
    const truth = new Float64Array(studies * LABELS.length).fill(Number.NaN);
    const predicted = new Float64Array(studies * LABELS.length).fill(Number.NaN);
    const labels = numericValues(answers, TARGET);
    for (let r = 0; r < answers.rowCount; r++) {
      truth[cell[r]!] = labels[r]!;
      predicted[cell[r]!] = values[rowOf[r]!]!;
    }
    const score = callMetric({ submission, answers, columns: [TARGET], idColumn: ID }, () =>
      weightedMultilabelLogLoss(truth, predicted, WEIGHTS),
    );
    return { score, notes: [] };
  },
};
