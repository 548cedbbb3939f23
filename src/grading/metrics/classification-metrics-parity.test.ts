// The classification family's new metrics (weighted band AUC, KL divergence, weighted multi-label log
// loss) against the competitions' own metric code run with the reference's libraries
// (scripts/python/metric_parity_classification.py: scikit-learn's roc_curve/auc, pandas, numpy) on
// seeded random cases. Skipped without /usr/bin/python3 + scikit-learn, a failure when
// BENCH_REQUIRE_PYTHON=1.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PYTHON, pythonUnavailableReason } from "../../../graders/testing/python-reference.js";
import { Rng } from "../../../graders/testing/rng.js";
import { klDivergence } from "./kl-divergence.js";
import { weightedBandAuc } from "./weighted-band-auc.js";
import { weightedMultilabelLogLoss } from "./weighted-multilabel-log-loss.js";

const SCRIPT = fileURLToPath(
  new URL("../../../scripts/python/metric_parity_classification.py", import.meta.url),
);
const unavailable = pythonUnavailableReason();
const required = process.env.BENCH_REQUIRE_PYTHON === "1";
if (unavailable !== undefined && !required) {
  console.warn(
    `classification metric parity skipped: ${unavailable} (set BENCH_REQUIRE_PYTHON=1 to make this fail)`,
  );
}

interface Case {
  readonly label: string;
  readonly metric: string;
  readonly args: unknown[];
  readonly ours: () => number;
}

const encode = (values: ArrayLike<number>): (number | string)[] =>
  Array.from(values, (v) => (Number.isNaN(v) ? "NaN" : v));

function cases(): Case[] {
  const rng = new Rng(77);
  const out: Case[] = [];
  for (let k = 0; k < 40; k++) {
    const n = rng.int(5, 400);
    const y = Array.from({ length: n }, () => (rng.chance(0.5) ? 1 : 0));
    y[0] = 1;
    y[1] = 0;
    const levels = rng.pick([2, 5, 50, 1e9]);
    const s = y.map((t) => Math.floor((rng.next() + t * rng.next() * 0.5) * levels) / levels);
    out.push({
      label: `band AUC #${k} (n=${n}, ${levels} levels)`,
      metric: "weighted_band_auc",
      args: [y, s],
      ours: () => weightedBandAuc(y, s),
    });
  }
  for (let k = 0; k < 20; k++) {
    const n = rng.int(1, 60);
    const solution = Array.from({ length: 6 }, () => new Float64Array(n));
    const submission = Array.from({ length: 6 }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const votes = solution.map(() => (rng.chance(0.5) ? 0 : rng.int(1, 9)));
      votes[rng.int(0, 5)]! += 1;
      const total = votes.reduce((a, b) => a + b, 0);
      const raw = submission.map(() => (rng.chance(0.2) ? 0 : rng.next()));
      raw[0]! += 1e-3;
      const rawTotal = raw.reduce((a, b) => a + b, 0);
      for (let c = 0; c < 6; c++) {
        solution[c]![i] = votes[c]! / total;
        submission[c]![i] = rng.chance(0.03) ? Number.NaN : raw[c]! / rawTotal;
      }
    }
    out.push({
      label: `KL #${k} (n=${n})`,
      metric: "kl_divergence",
      args: [solution.map(encode), submission.map(encode)],
      ours: () => klDivergence(solution, submission),
    });
  }
  const positive = [14, 2, 2, 2, 2, 2, 2, 2];
  const negative = [7, 1, 1, 1, 1, 1, 1, 1];
  for (let k = 0; k < 20; k++) {
    const n = rng.int(1, 50) * 8;
    const y = Array.from({ length: n }, () => (rng.chance(0.3) ? 1 : 0));
    const p = y.map(() => rng.pick([0, 1, rng.next(), rng.next(), 1e-20]));
    out.push({
      label: `weighted multi-label log loss #${k} (${n / 8} studies)`,
      metric: "weighted_multilabel_log_loss",
      args: [y, p, positive, negative],
      ours: () => weightedMultilabelLogLoss(y, p, { positive, negative }),
    });
  }
  return out;
}

describe.skipIf(unavailable !== undefined && !required)(
  "classification metrics match the reference code",
  () => {
    it("agrees on every seeded case to 1e-12 relative", () => {
      if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_PYTHON=1 but ${unavailable}`);
      const all = cases();
      const output = execFileSync(PYTHON, [SCRIPT], {
        input: JSON.stringify(all.map((c) => ({ metric: c.metric, args: c.args }))),
        maxBuffer: 64 * 1024 * 1024,
      });
      const results = JSON.parse(output.toString()) as ({ value: number | "NaN" } | { error: string })[];
      const mismatches: string[] = [];
      all.forEach((c, i) => {
        const r = results[i]!;
        if ("error" in r) {
          mismatches.push(`${c.label}: reference raised ${r.error}`);
          return;
        }
        const ours = c.ours();
        const theirs = r.value === "NaN" ? Number.NaN : r.value;
        const ok =
          (Number.isNaN(ours) && Number.isNaN(theirs)) ||
          Math.abs(ours - theirs) <= 1e-12 * Math.max(Math.abs(theirs), 1e-300);
        if (!ok) mismatches.push(`${c.label}: bench ${ours} vs reference ${theirs}`);
      });
      expect(mismatches).toEqual([]);
    });
  },
);
