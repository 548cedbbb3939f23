// The fast path of alignById for text ids: joins the two id columns on their bytes in the files (as
// csv/text-cells.ts reads them: unquoted, or quoted without a quote inside), with an open-addressing
// hash table of row numbers, instead of a Map of a million strings. It answers only the common case,
// where no id is missing and the two id sets match exactly; on anything else it returns null and
// alignById takes its general path, which also builds the error message.

import { sameText, type TextCells } from "./csv/text-cells.js";

function hashCell(cells: TextCells, row: number): number {
  const { bytes } = cells;
  let h = 0x811c9dc5; // FNV-1a
  for (let i = cells.starts[row]!, end = cells.ends[row]!; i < end; i++)
    h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function hasNa(cells: TextCells): boolean {
  return cells.na.indexOf(1) !== -1;
}

function inSameOrder(answers: TextCells, submission: TextCells, n: number): boolean {
  for (let r = 0; r < n; r++) if (!sameText(answers, r, submission, r)) return false;
  return true;
}

/**
 * For each answers row, the submission row with the same id; null when the fast path does not apply
 * or the id multisets differ. Answers that repeat an id pair with the submission's repeats in order.
 */
export function joinIdsOnBytes(answers: TextCells, submission: TextCells): Int32Array | null {
  const n = answers.rowCount;
  const m = submission.rowCount;
  if (n !== m || hasNa(answers) || hasNa(submission)) return null;
  // The common case: the submission kept the sample submission's (the answers') order.
  if (inSameOrder(answers, submission, n)) return Int32Array.from({ length: n }, (_, i) => i);
  let capacity = 1;
  while (capacity < n * 2) capacity <<= 1;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const hashes = new Uint32Array(n);
  const next = new Int32Array(n).fill(-1);
  // Back to front, so each chain of a repeated id lists its rows in file order.
  for (let r = n - 1; r >= 0; r--) {
    const h = hashCell(answers, r);
    hashes[r] = h;
    let slot = h & mask;
    for (;;) {
      const q = table[slot]!;
      if (q === -1) {
        table[slot] = r;
        break;
      }
      if (hashes[q] === h && sameText(answers, q, answers, r)) {
        next[r] = q;
        table[slot] = r;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const paired = new Int32Array(n).fill(-1);
  for (let s = 0; s < m; s++) {
    const h = hashCell(submission, s);
    let slot = h & mask;
    let r = -1;
    for (;;) {
      const q = table[slot]!;
      if (q === -1) return null; // an id the answers do not have
      if (hashes[q] === h && sameText(answers, q, submission, s)) {
        r = q;
        break;
      }
      slot = (slot + 1) & mask;
    }
    while (r !== -1 && paired[r] !== -1) r = next[r]!;
    if (r === -1) return null; // a duplicated id
    paired[r] = s;
  }
  // n === m and every submission row found its own answers row: every answers row is paired.
  return paired;
}
