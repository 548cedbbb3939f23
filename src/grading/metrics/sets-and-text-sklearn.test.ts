// Cross-checks the multi-label micro F1 and word-set Jaccard blocks against scikit-learn (through
// scripts/python/metric_parity_sets_and_text.py) on seeded random cases. Skipped with a printed reason
// without /usr/bin/python3 + scikit-learn, unless BENCH_REQUIRE_PYTHON=1, in which case it fails.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pythonUnavailableReason } from "../../../graders/testing/python-reference.js";
import { Rng } from "../../../graders/testing/rng.js";
import { microF1, multilabelCounts } from "./multilabel-micro-f1.js";
import { pairwiseMean } from "./summation.js";
import { wordSetJaccard } from "./word-set-jaccard.js";

const SCRIPT = fileURLToPath(
  new URL("../../../scripts/python/metric_parity_sets_and_text.py", import.meta.url),
);
const unavailable = pythonUnavailableReason();
const required = process.env.BENCH_REQUIRE_PYTHON === "1";
if (unavailable !== undefined && !required)
  console.warn(`sets-and-text sklearn parity skipped: ${unavailable}`);

const rng = new Rng(42);
const TOKENS = ["a", "b", "c#", "C#", "d", "e.f", "é", "x"];
const randomRow = () => Array.from({ length: rng.int(0, 4) }, () => rng.pick(TOKENS));
const WORDS = ["Good", "good", "day!", "day", "नई", "दिल्ली", "\u00a0", " ", "\t"];
const randomText = () =>
  Array.from({ length: rng.int(0, 5) }, () => rng.pick(WORDS)).join(rng.pick([" ", "  ", "\t"]));

interface Case {
  kind: "multilabel_micro_f1" | "samples_jaccard";
  actual: unknown[];
  predicted: unknown[];
  bench: number;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < 40; i++) {
    const rows = rng.int(1, 12);
    const actual = Array.from({ length: rows }, () => {
      const r = randomRow();
      return r.length === 0 ? ["a"] : r;
    });
    const predicted = Array.from({ length: rows }, randomRow);
    const bench = microF1(
      multilabelCounts(
        rows,
        (r) => actual[r]!,
        (r) => predicted[r]!,
      ),
    );
    out.push({ kind: "multilabel_micro_f1", actual, predicted, bench });
  }
  for (let i = 0; i < 40; i++) {
    const rows = rng.int(1, 10);
    const actual = Array.from({ length: rows }, randomText);
    const predicted = Array.from({ length: rows }, randomText);
    const bench = pairwiseMean(Float64Array.from(actual, (a, r) => wordSetJaccard(predicted[r]!, a) ?? 0));
    out.push({ kind: "samples_jaccard", actual, predicted, bench });
  }
  return out;
}

describe.skipIf(unavailable !== undefined && !required)(
  "sets-and-text metric blocks equal scikit-learn",
  () => {
    it("multi-label micro F1 and samples-averaged word Jaccard", () => {
      if (unavailable !== undefined) throw new Error(`BENCH_REQUIRE_PYTHON=1 but ${unavailable}`);
      const all = cases();
      const theirs = JSON.parse(
        execFileSync("/usr/bin/python3", [SCRIPT], {
          input: JSON.stringify(all.map(({ bench: _, ...c }) => c)),
        }).toString(),
      ) as number[];
      const mismatches = all.flatMap((c, i) =>
        Math.abs(c.bench - theirs[i]!) <= 1e-12
          ? []
          : [`${c.kind} ${JSON.stringify(c)}: sklearn ${theirs[i]}`],
      );
      expect(mismatches).toEqual([]);
    });
  },
);
