// File helpers for the classification benchmark cases: chunked CSV writing, data-dir paths, ids.

import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";

const CHUNK = 1 << 20;

/** Writes `count` lines made by `line(i)` after `header`, in ~1 MiB chunks. */
export function writeLines(file, header, count, line) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  try {
    let buffer = `${header}\n`;
    for (let i = 0; i < count; i++) {
      buffer += `${line(i)}\n`;
      if (buffer.length >= CHUNK) {
        writeSync(fd, buffer);
        buffer = "";
      }
    }
    if (buffer.length > 0) writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  return file;
}

export const rowsAt = (rows, scale) => Math.max(20, Math.round(rows * scale));
export const answersPath = (dataDir, id, rel) => path.join(dataDir, id, "prepared", rel);
export const submissionPath = (dataDir, id) => path.join(dataDir, id, "submission.csv");

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
