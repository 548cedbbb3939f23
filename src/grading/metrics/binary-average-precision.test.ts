import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PYTHON, pythonUnavailableReason } from "../../../graders/testing/python-reference.js";
import { Rng } from "../../../graders/testing/rng.js";
import { binaryAveragePrecision } from "./binary-average-precision.js";

describe("binaryAveragePrecision (scikit-learn average_precision_score)", () => {
  it("is the step-wise sum over distinct thresholds", () => {
    // scores 0.9(1) 0.8(0) 0.7(1) 0.1(0): steps at recall 1/2 (P=1) and 1 (P=2/3)
    expect(binaryAveragePrecision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 15);
    // the classic sklearn example: 0.8333...
    expect(binaryAveragePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 15);
  });

  it("groups tied scores into one step", () => {
    expect(binaryAveragePrecision([1, 0, 1, 1], [0.5, 0.5, 0.5, 0])).toBeCloseTo(
      (2 / 3) * (2 / 3) + (1 / 3) * 0.75,
      15,
    );
  });
});

const unavailable = pythonUnavailableReason();
if (unavailable !== undefined && process.env.BENCH_REQUIRE_PYTHON !== "1") {
  console.warn(
    `average precision parity skipped: ${unavailable}. Set BENCH_REQUIRE_PYTHON=1 to make this a failure.`,
  );
}

describe.skipIf(unavailable !== undefined && process.env.BENCH_REQUIRE_PYTHON !== "1")(
  "binaryAveragePrecision against scikit-learn",
  () => {
    it("agrees to 1e-12 on random labels with many tied scores", () => {
      const rng = new Rng(11);
      const cases = Array.from({ length: 30 }, () => {
        const n = rng.int(2, 60);
        const y = Array.from({ length: n }, () => (rng.chance(0.4) ? 1 : 0));
        y[0] = 1;
        const s = Array.from({ length: n }, () => rng.int(0, 9) / (rng.chance(0.5) ? 10 : 3));
        return { y, s };
      });
      const script =
        "import json,sys\nfrom sklearn.metrics import average_precision_score as ap\n" +
        "print(json.dumps([ap(c['y'], c['s']) for c in json.load(sys.stdin)]))";
      const expected = JSON.parse(
        execFileSync(PYTHON, ["-c", script], { input: JSON.stringify(cases) }).toString(),
      ) as number[];
      cases.forEach((c, i) => {
        expect(binaryAveragePrecision(c.y, c.s)).toBeCloseTo(expected[i]!, 12);
      });
    });
  },
);
