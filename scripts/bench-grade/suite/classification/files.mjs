// File helpers for the classification benchmark cases: chunked CSV writing, data-dir paths, ids.

export { writeLines } from "../../case-files.mjs";

import { preparedPath } from "../../case-files.mjs";

export const rowsAt = (rows, scale) => Math.max(20, Math.round(rows * scale));
export const answersPath = preparedPath;
export { submissionPath } from "../../case-files.mjs";

/** Distinct increasing integers with random gaps (no Set needed at 700k rows). */
export function increasingInts(random, count, start, maxGap) {
  const out = new Float64Array(count);
  let v = start;
  for (let i = 0; i < count; i++) {
    v += random.int(1, maxGap);
    out[i] = v;
  }
  return out;
}

/** A permutation of 0..n-1 (the submission's row order differs from the answers'). */
export function permutation(random, n) {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

export const hexIds = (random, n, width) =>
  random.uniqueIds(n, (r) => {
    const h = r.hex(width);
    return /^\d+$/.test(h) ? `a${h.slice(1)}` : h;
  });
