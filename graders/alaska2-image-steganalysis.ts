// alaska2-image-steganalysis: the competition's band-weighted ROC AUC (TPR band [0, 0.4] weighs 2,
// [0.4, 1] weighs 1; src/grading/metrics/weighted-band-auc.ts) of the stego score in "Label", paired by
// Id ('0001.jpg'). The reference's checks: same row count; 'Id' and 'Label' present; sorted Ids equal
// to the answers' (unknown, duplicated, or written without '.jpg' fail); Label converted to float
// (text fails; True/False are 1/0); NaN or +-inf fail roc_curve. There is NO range check: any real
// scores (logits) work, the metric is rank-based; hard 0/1 labels are allowed (ties give diagonal ROC
// segments). Extra columns and row order do not matter.

import { permute } from "../src/grading/align-by-id.js";
import { alignAfterCountAndColumns } from "../src/grading/blocks/count-then-id-align.js";
import { callMetric } from "../src/grading/blocks/metric-call.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import type { GradeOutcome } from "../src/grading/invalid-submission.js";
import { weightedBandAuc } from "../src/grading/metrics/weighted-band-auc.js";
import { numericValues, requireFinite } from "../src/grading/submission-checks.js";

const ID = "Id";
const TARGET = "Label";

export const grader: Grader = {
  id: "alaska2-image-steganalysis",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignAfterCountAndColumns(submission, answers, ID, TARGET);
    const scores = permute(numericValues(submission, TARGET), rowOf);
    requireFinite(submission, TARGET, scores, (p) => rowOf[p]!);
    const truth = numericValues(answers, TARGET);
    const score = callMetric(
      { submission, answers, columns: [TARGET], submissionRowOf: (p) => rowOf[p]!, idColumn: ID },
      () => weightedBandAuc(truth, scores),
    );
    return { score, notes: [] };
  },
};
