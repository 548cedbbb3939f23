// Intersection over union of axis-aligned boxes given by their corners (xmin, ymin, xmax, ymax), as the
// SIIM-COVID19 grader computes it: overlaps clipped at 0, union = the two areas minus the overlap, and
// 0 when the union is not positive. An inverted box has a negative area and is scored as written.
// The grader uses Python's builtin max()/min(), which keep their FIRST argument when a comparison with
// NaN is false (max(0, nan) is 0, max(nan, 0) is nan); reproduced here for NaN coordinates.

import { pyMax, pyMin } from "./first-argument-min-max.js";

export function cornerBoxIou(
  ax0: number,
  ay0: number,
  ax1: number,
  ay1: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): number {
  const w = pyMax(0, pyMin(ax1, bx1) - pyMax(ax0, bx0));
  const h = pyMax(0, pyMin(ay1, by1) - pyMax(ay0, by0));
  const inter = w * h;
  const union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter;
  return union > 0 ? inter / union : 0;
}
