// osic-pulmonary-fibrosis-progression: modified Laplace log-likelihood (higher is better) of the FVC
// predictions on the graded rows: per patient, the 3 latest weeks that have a measured FVC. Reference
// rules kept, in its order: Patient_Week, FVC and Confidence are required; every submission
// Patient_Week must be one of the answers'; FVC and Confidence must be numeric columns; a blank
// Confidence counts as 0 (so 70 after clipping); a blank FVC on a graded row gives a NaN score.
// Ungraded rows are never scored: missing or repeated ones change nothing. Where the reference scores a
// malformed file anyway, bench rejects it and gives the reference's number: a graded row missing (the
// reference averages over the graded rows present) or a graded row repeated when it is the only graded
// row present (numpy broadcasting). A graded row repeated otherwise fails in both.

import { numericColumn } from "../src/grading/blocks/numeric-column.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { meanLaplaceLogLikelihood } from "../src/grading/metrics/laplace-log-likelihood.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const KEY = "Patient_Week";
const GRADED_WEEKS = 3;

/** Answers rows the reference grades: per patient, the 3 latest weeks with a measured FVC. */
function gradedRows(answers: Frame): number[] {
  const keys = columnOf(answers, KEY).values as readonly (string | null)[];
  const patients = columnOf(answers, "Patient").values as readonly (string | null)[];
  const fvc = numericValues(answers, "FVC");
  const byPatient = new Map<string | null, { row: number; week: number }[]>();
  for (let r = 0; r < answers.rowCount; r++) {
    if (Number.isNaN(fvc[r]!)) continue;
    const key = keys[r]!;
    const week = Number.parseInt(key.slice(key.lastIndexOf("_") + 1), 10);
    const list = byPatient.get(patients[r]!) ?? [];
    list.push({ row: r, week });
    byPatient.set(patients[r]!, list);
  }
  const graded: number[] = [];
  for (const list of byPatient.values()) {
    list.sort((a, b) => a.week - b.week);
    for (const { row } of list.slice(-GRADED_WEEKS)) graded.push(row);
  }
  return graded.sort((a, b) => a - b);
}

export const grader: Grader = {
  id: "osic-pulmonary-fibrosis-progression",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [KEY]);
    requireColumns(submission, ["FVC"]);
    requireColumns(submission, ["Confidence"]);
    const answerKeys = columnOf(answers, KEY).values as readonly (string | null)[];
    const answerRow = new Map<string, number>();
    answerKeys.forEach((k, r) => {
      if (k !== null) answerRow.set(k, r);
    });
    const keys = columnOf(submission, KEY);
    const rowOfSubmission = new Int32Array(submission.rowCount);
    for (let s = 0; s < submission.rowCount; s++) {
      const key = keys.kind === "object" ? keys.values[s] : null;
      const r = typeof key === "string" ? answerRow.get(key) : undefined;
      if (r === undefined) {
        throw new InvalidSubmission(
          `${submission.source}: column "${KEY}", ${rowLabel(submission, s)}: ${cellDisplay(keys, s)} is not a Patient_Week of the test set; use the sample submission's Patient_Week values ("<Patient>_<week>").`,
        );
      }
      rowOfSubmission[s] = r;
    }
    const fvcPred = numericColumn(submission, "FVC", "numbers (ml)", true);
    const confidence = numericColumn(submission, "Confidence", "numbers", true).map((c) =>
      Number.isNaN(c) ? 0 : c,
    );

    const graded = gradedRows(answers);
    const truthAll = numericValues(answers, "FVC");
    const submitted = new Map<number, number[]>(); // graded answers row -> submission rows
    for (const r of graded) submitted.set(r, []);
    rowOfSubmission.forEach((r, s) => {
      submitted.get(r)?.push(s);
    });

    const present = graded.filter((r) => submitted.get(r)!.length > 0);
    const keptRows = present.flatMap((r) => submitted.get(r)!);
    const repeated = present.find((r) => submitted.get(r)!.length > 1);
    const missing = graded.filter((r) => submitted.get(r)!.length === 0);
    // Each kept submission row against its own answer (what the reference does when it can pair them).
    const referenceScore = () =>
      meanLaplaceLogLikelihood(
        keptRows.map((s) => truthAll[rowOfSubmission[s]!]!),
        keptRows.map((s) => fvcPred[s]!),
        keptRows.map((s) => confidence[s]!),
      );
    if (repeated !== undefined) {
      const rows = submitted.get(repeated)!;
      const message = `${submission.source}: Patient_Week ${cellDisplay(keys, rows[0]!)} is graded and appears ${rows.length} times (${rows.map((s) => rowLabel(submission, s)).join(", ")}); give one prediction per Patient_Week.`;
      if (present.length !== 1) throw new InvalidSubmission(message);
      throw new InvalidSubmission(message, {
        referenceNote: `The reference broadcasts a single graded row against its repeats and would report ${roundHalfEven(referenceScore(), 5)}.`,
      });
    }
    if (missing.length > 0) {
      const examples = missing.slice(0, 3).map((r) => JSON.stringify(answerKeys[r]));
      throw new InvalidSubmission(
        `${submission.source}: ${missing.length} graded Patient_Week value(s) have no row: ${examples.join(", ")}${missing.length > 3 ? ", ..." : ""}; give a prediction for every Patient_Week of the sample submission.`,
        {
          referenceNote: `The reference averages over the graded rows present and would report ${roundHalfEven(referenceScore(), 5)}.`,
        },
      );
    }
    const notes: string[] = [];
    const unscoredMissing = answers.rowCount - new Set(rowOfSubmission).size;
    if (unscoredMissing > 0)
      notes.push(
        `${unscoredMissing} Patient_Week value(s) of the test set have no row; none of them is graded, so the score is unaffected.`,
      );
    return { score: referenceScore(), notes };
  },
};
