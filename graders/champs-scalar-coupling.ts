// champs-scalar-coupling: mean over coupling types of ln(MAE of the type), lower is better. The type of
// each row comes from the ANSWERS (a 'type' column in the submission is ignored).
// The reference: 'scalar_coupling_constant' then 'id' present; set of submission ids == set of answers
// ids (4658147 equals 4658147.0); NO row-count check, then an inner merge on id, so a repeated id is
// accepted and scored once per copy: bench rejects repeated ids (policy 2) and states the reference's
// number. NaN, ±inf or text predictions are invalid in both. NO floor on the MAE (the competition text
// floors it at 1e-9): a type predicted exactly gives ln 0 = -Infinity, a valid score of -Infinity in the
// reference, reported the same way by bench; tiny errors give values below -20.72.

import { permute } from "../src/grading/align-by-id.js";
import {
  alignBySetThenMerge,
  type MergedPairs,
  repeatedIdsNote,
} from "../src/grading/blocks/id-set-merge.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { groupedLogMae } from "../src/grading/metrics/grouped-log-mae.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, numericValues } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "scalar_coupling_constant";
const TYPE = "type";

function typesOf(answers: Frame): readonly string[] {
  const column = columnOf(answers, TYPE);
  if (column.kind !== "object") return Array.from(column.values as ArrayLike<number>, String);
  return column.values.map((v) => String(v));
}

function referenceNote(submission: Frame, answers: Frame, pairs: MergedPairs): string {
  return repeatedIdsNote(() => {
    const predicted = numericValues(submission, TARGET);
    const truth = numericValues(answers, TARGET);
    const types = typesOf(answers);
    const { score } = groupedLogMae(
      Float64Array.from(pairs.answerRows, (r) => truth[r]!),
      Float64Array.from(pairs.submissionRows, (s) => predicted[s]!),
      Array.from(pairs.answerRows, (r) => types[r]!),
    );
    return roundHalfEven(score, 5);
  });
}

export const grader: Grader = {
  id: "champs-scalar-coupling",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignBySetThenMerge(submission, answers, { idColumn: ID, targetColumn: TARGET }, (pairs) =>
      referenceNote(submission, answers, pairs),
    );
    const predicted = permute(numericValues(submission, TARGET), rowOf);
    const truth = numericValues(answers, TARGET);
    const { score, groups } = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => groupedLogMae(truth, predicted, typesOf(answers)),
    );
    const exact = groups.filter((g) => g.mae === 0).map((g) => g.group);
    const notes =
      exact.length > 0
        ? [
            `Type(s) ${exact.join(", ")} are predicted exactly (MAE 0): ln 0 = -Infinity. The competition floors each MAE at 1e-9 (-20.7233); the reference does not, and reports -Infinity; bench does the same.`,
          ]
        : [];
    return { score, notes };
  },
};
