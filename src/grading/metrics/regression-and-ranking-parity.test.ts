// Cross-checks the regression-and-ranking metrics against the libraries the reference calls (scikit-learn's
// matthews_corrcoef and label_ranking_average_precision_score, through
// scripts/python/metric_parity_regression_and_ranking.py) on seeded random cases; inversion counts against
// the pairwise definition. Skipped with a printed reason without /usr/bin/python3 + scikit-learn, a
// failure when BENCH_REQUIRE_PYTHON=1.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PYTHON, pythonUnavailableReason } from "../../../graders/testing/python-reference.js";
import { Rng } from "../../../graders/testing/rng.js";
import { countInversions } from "./kendall-tau-orders.js";
import { labelWeightedLrap } from "./label-ranking-average-precision.js";
import { matthewsCorrcoef } from "./matthews-corrcoef.js";

const SCRIPT = fileURLToPath(
  new URL("../../../scripts/python/metric_parity_regression_and_ranking.py", import.meta.url),
);
const unavailable = pythonUnavailableReason();
const required = process.env.BENCH_REQUIRE_PYTHON === "1";
if (unavailable !== undefined && !required) {
  console.warn(
    `regression-and-ranking metric parity skipped: ${unavailable} (BENCH_REQUIRE_PYTHON=1 makes this fail)`,
  );
}

interface Case {
  readonly metric: string;
  readonly args: unknown[];
  readonly ours: () => number;
}

function cases(): Case[] {
  const rng = new Rng(99);
  const list: Case[] = [];
  for (let i = 0; i < 40; i++) {
    const n = rng.int(2, 60);
    const labels = i % 4 === 0 ? 3 : 2;
    const truth = Array.from({ length: n }, () => rng.int(0, labels - 1));
    const pred =
      i % 10 === 0 ? truth.map(() => 0) : truth.map((t) => (rng.chance(0.7) ? t : rng.int(0, labels - 1)));
    list.push({ metric: "mcc", args: [truth, pred], ours: () => matthewsCorrcoef(truth, pred) });
  }
  for (let i = 0; i < 30; i++) {
    const rows = rng.int(1, 12);
    const k = rng.int(2, 10);
    const truth = Array.from({ length: rows * k }, () => (rng.chance(0.3) ? 1 : 0));
    for (let r = 0; r < rows; r++) truth[r * k + rng.int(0, k - 1)] = 1;
    if (i % 5 === 0) for (let j = 0; j < k; j++) truth[j] = 1; // a row with every label true
    const scores = Array.from({ length: rows * k }, () => (i % 3 === 0 ? rng.int(0, 3) : rng.next()));
    const matrix = (v: number[]) => Array.from({ length: rows }, (_, r) => v.slice(r * k, r * k + k));
    list.push({
      metric: "lwlrap",
      args: [matrix(truth), matrix(scores)],
      ours: () => labelWeightedLrap(truth, scores, k),
    });
  }
  for (let i = 0; i < 20; i++) {
    const values = Array.from({ length: rng.int(0, 40) }, () => rng.int(0, 15));
    list.push({ metric: "inversions", args: [values], ours: () => countInversions(values) });
  }
  return list;
}

describe.skipIf(unavailable !== undefined && !required)(
  "regression-and-ranking metrics agree with scikit-learn",
  () => {
    it("matches on every seeded case to 1e-12", () => {
      if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_PYTHON=1 but ${unavailable}`);
      const list = cases();
      const output = execFileSync(PYTHON, [SCRIPT], {
        input: JSON.stringify(list.map(({ metric, args }) => ({ metric, args }))),
      });
      const results = JSON.parse(output.toString()) as ({ value: number } | { error: string })[];
      const mismatches = list.flatMap((c, i) => {
        const r = results[i]!;
        if ("error" in r) return [`${c.metric} #${i}: reference raised ${r.error}`];
        const ours = c.ours();
        return Math.abs(ours - r.value) <= 1e-12 * Math.max(1, Math.abs(r.value))
          ? []
          : [`${c.metric} #${i}: ${ours} vs ${r.value}`];
      });
      expect(mismatches).toEqual([]);
    });
  },
);
