import { describe, expect, it } from "vitest";
import { Rng } from "../../../graders/testing/rng.js";
import type { RunMask } from "../blocks/rle-decode.js";
import { hausdorffDistance, type VoxelVolume } from "./hausdorff.js";

/** A volume from voxel lists per slice, as (row, column) pairs; pixels are column-major. */
function volume(
  depth: number,
  height: number,
  width: number,
  voxels: [number, number, number][],
): VoxelVolume {
  const slices: RunMask[] = Array.from({ length: depth }, (_, s) => {
    const pixels = voxels
      .filter((v) => v[0] === s)
      .map(([, r, c]) => c * height + r)
      .sort((a, b) => a - b);
    const runs: number[] = [];
    for (const p of [...new Set(pixels)]) {
      if (runs.length > 0 && runs[runs.length - 1] === p) runs[runs.length - 1] = p + 1;
      else runs.push(p, p + 1);
    }
    return { runs: Float64Array.from(runs), area: new Set(pixels).size };
  });
  return { depth, height, width, slices };
}

/** scipy's directed_hausdorff both ways, by brute force, on coordinates divided by the true shape. */
function bruteForce(
  pred: [number, number, number][],
  truth: [number, number, number][],
  shape: number[],
): number {
  const norm = (v: number[]) => v.map((x, i) => x / shape[i]!);
  const directed = (a: number[][], b: number[][]) =>
    Math.max(
      ...a.map((p) => Math.min(...b.map((q) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)))),
    );
  const p = pred.map(norm);
  const t = truth.map(norm);
  return Math.max(directed(t, p), directed(p, t)) / Math.sqrt(3);
}

describe("hausdorffDistance (uw-madison)", () => {
  it("applies the reference's shortcuts", () => {
    const empty = volume(2, 4, 5, []);
    const one = volume(2, 4, 5, [[0, 1, 1]]);
    expect(hausdorffDistance(empty, empty)).toBeNaN();
    expect(hausdorffDistance(one, one)).toBe(0);
    expect(hausdorffDistance(empty, one)).toBe(1);
    expect(hausdorffDistance(one, empty)).toBe(1);
    const many = volume(
      2,
      4,
      5,
      Array.from({ length: 11 }, (_, i) => [i % 2, i % 4, i % 5] as [number, number, number]),
    );
    expect(hausdorffDistance(many, one)).toBe(1); // more than 10x the true voxels
  });

  it("equals the brute-force distance on random volumes, even where the shapes differ", () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 40; trial++) {
      const [d, h, w] = [rng.int(1, 5), rng.int(2, 9), rng.int(2, 9)];
      const [pd, ph, pw] = trial % 4 === 0 ? [d + 1, h, w] : [d, h, w];
      const pick = (dd: number, hh: number, ww: number, n: number) =>
        Array.from(
          { length: n },
          () => [rng.int(0, dd - 1), rng.int(0, hh - 1), rng.int(0, ww - 1)] as [number, number, number],
        );
      const truth = pick(d, h, w, rng.int(1, 12));
      const pred = pick(pd, ph, pw, rng.int(1, 10));
      const got = hausdorffDistance(volume(pd, ph, pw, pred), volume(d, h, w, truth));
      const p = new Set(pred.map(String)).size;
      const t = new Set(truth.map(String)).size;
      const expected = p > 10 * t ? 1 : bruteForce(pred, truth, [d, h, w]);
      expect(got).toBeCloseTo(expected, 12);
    }
  });
});
