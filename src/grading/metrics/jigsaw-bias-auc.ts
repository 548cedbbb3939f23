// The Jigsaw Unintended Bias metric as MLE-bench's grader computes it (jigsaw-unintended-bias-in-
// toxicity-classification): on BINARISED predictions and labels, a quarter each of the overall AUC and
// the power means (p = -5) of the subgroup, BPSN and BNSP AUCs over the identity subgroups.
//   subgroup AUC: rows in the subgroup;
//   BPSN (background positive, subgroup negative): non-toxic rows in the subgroup + toxic rows outside;
//   BNSP (background negative, subgroup positive): toxic rows in the subgroup + non-toxic rows outside.
// Each AUC is scikit-learn's roc_auc_score (rocAucBinary): a set with one class is an error, as in the
// reference. Power mean M = (mean AUC^-5)^(-1/5); an AUC of 0 makes M = 0 (numpy: 0^-5 = inf, no error).
// Inputs are 0/1 already: the grader thresholds at 0.5 (the competition itself ranks raw scores).

import { MetricInputError } from "./metric-input-error.js";
import { rocAucBinary } from "./roc-auc.js";

const POWER = -5;
const WEIGHT = 0.25;

export interface BiasAucDetail {
  readonly overall: number;
  readonly subgroup: readonly number[];
  readonly bpsn: readonly number[];
  readonly bnsp: readonly number[];
  readonly score: number;
}

function powerMean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v ** POWER;
  return (sum / values.length) ** (1 / POWER);
}

function aucOver(
  truth: Uint8Array,
  predicted: Uint8Array,
  keep: (row: number) => boolean,
  what: string,
): number {
  let n = 0;
  for (let r = 0; r < truth.length; r++) if (keep(r)) n++;
  const t = new Float64Array(n);
  const p = new Float64Array(n);
  for (let r = 0, i = 0; r < truth.length; r++) {
    if (!keep(r)) continue;
    t[i] = truth[r]!;
    p[i++] = predicted[r]!;
  }
  try {
    return rocAucBinary(t, p);
  } catch (error) {
    if (error instanceof MetricInputError) {
      throw new MetricInputError(`the ${what} AUC cannot be computed: ${error.message}`);
    }
    throw error;
  }
}

/**
 * `truth` and `predicted`: 0/1 per row; `identities[g]`: 0/1 per row for identity g (named in
 * `names`, for messages).
 */
export function jigsawBiasAuc(
  truth: Uint8Array,
  predicted: Uint8Array,
  identities: readonly Uint8Array[],
  names: readonly string[],
): BiasAucDetail {
  const overall = aucOver(truth, predicted, () => true, "overall");
  const subgroup: number[] = [];
  const bpsn: number[] = [];
  const bnsp: number[] = [];
  identities.forEach((g, i) => {
    const name = names[i] ?? `identity ${i}`;
    subgroup.push(aucOver(truth, predicted, (r) => g[r] === 1, `subgroup "${name}"`));
    bpsn.push(
      aucOver(
        truth,
        predicted,
        (r) => (truth[r] === 0 && g[r] === 1) || (truth[r] === 1 && g[r] === 0),
        `BPSN "${name}"`,
      ),
    );
    bnsp.push(
      aucOver(
        truth,
        predicted,
        (r) => (truth[r] === 1 && g[r] === 1) || (truth[r] === 0 && g[r] === 0),
        `BNSP "${name}"`,
      ),
    );
  });
  const score =
    WEIGHT * overall + WEIGHT * powerMean(subgroup) + WEIGHT * powerMean(bpsn) + WEIGHT * powerMean(bnsp);
  return { overall, subgroup, bpsn, bnsp, score };
}
