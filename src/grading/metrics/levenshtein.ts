// Levenshtein distance (insertions, deletions and substitutions, each costing 1) as the reference's
// `Levenshtein.distance` (levenshtein 0.25.1, a wrapper over rapidfuzz) computes it: on Python strings
// the elements are Unicode code points (a character outside the BMP is ONE element, not two UTF-16
// units), on lists they are the items. No normalisation, case-sensitive.
//
// Speed: the common prefix and suffix are removed first (a near-correct prediction costs almost
// nothing), then Myers' bit-parallel algorithm in Hyyrö's multi-block form runs in O(ceil(m/32) * n)
// word operations and O(alphabet * m / 32) memory, so a 300k-row file of long sentences grades in a
// second or two.

/** A sequence of symbols: code points of a string, or list items mapped to numbers. */
export type Symbols = ArrayLike<number>;

/** The code points of `s` (surrogate pairs joined), written into `out` when it is large enough. */
export function codePoints(s: string, out?: Int32Array): Int32Array {
  const target = out !== undefined && out.length >= s.length ? out : new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        target[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    target[n++] = c;
  }
  return target.subarray(0, n);
}

/** Textbook dynamic programme, two rows; the reference for tests and tiny inputs. */
export function levenshteinSimple(a: Symbols, b: Symbols): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Levenshtein distance between two symbol sequences. */
export function levenshteinSymbols(a: Symbols, b: Symbols): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a[start] === b[start]) start++;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let m = endA - start;
  let n = endB - start;
  if (m === 0) return n;
  if (n === 0) return m;
  // The pattern (bit vectors) is the shorter side: fewer blocks per column.
  let p = a;
  let pStart = start;
  let t = b;
  let tStart = start;
  if (m > n) {
    [p, t] = [b, a];
    [m, n] = [n, m];
    [pStart, tStart] = [tStart, pStart];
  }
  return myers(p, pStart, m, t, tStart, n);
}

/** Levenshtein distance between two strings, element = code point (Python semantics). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  return levenshteinSymbols(codePoints(a), codePoints(b));
}

// Scratch space reused across calls (grading calls this once per row): ASCII symbols are looked up in
// a 128-entry table, others in a Map; peq holds `blocks` masks per distinct pattern symbol.
const asciiIndex = new Int32Array(128).fill(-1);
const otherIndex = new Map<number, number>();
let peq = new Int32Array(1024);
let pvs = new Int32Array(64);
let mvs = new Int32Array(64);

function indexOf(symbol: number): number {
  if (symbol >= 0 && symbol < 128) return asciiIndex[symbol]!;
  return otherIndex.get(symbol) ?? -1;
}

/** Builds the pattern's masks; returns the number of distinct symbols. */
function buildPeq(p: Symbols, pStart: number, m: number, blocks: number): number {
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    const s = p[pStart + i]!;
    let index = indexOf(s);
    if (index < 0) {
      index = distinct++;
      if (s >= 0 && s < 128) asciiIndex[s] = index;
      else otherIndex.set(s, index);
      if (peq.length < distinct * blocks) {
        const grown = new Int32Array(Math.max(peq.length * 2, distinct * blocks));
        grown.set(peq);
        peq = grown;
      }
      peq.fill(0, index * blocks, (index + 1) * blocks);
    }
    const slot = index * blocks + (i >>> 5);
    peq[slot] = peq[slot]! | (1 << (i & 31));
  }
  return distinct;
}

function clearPeq(p: Symbols, pStart: number, m: number): void {
  for (let i = 0; i < m; i++) {
    const s = p[pStart + i]!;
    if (s >= 0 && s < 128) asciiIndex[s] = -1;
  }
  otherIndex.clear();
}

/**
 * Myers/Hyyrö bit-parallel edit distance of pattern p[pStart, pStart+m) against text t[tStart,
 * tStart+n): the score is tracked at the last pattern row while the text is scanned column by column.
 */
function myers(p: Symbols, pStart: number, m: number, t: Symbols, tStart: number, n: number): number {
  const blocks = (m + 31) >>> 5;
  buildPeq(p, pStart, m, blocks);
  try {
    return blocks === 1 ? singleBlock(m, t, tStart, n) : multiBlock(m, blocks, t, tStart, n);
  } finally {
    clearPeq(p, pStart, m);
  }
}

function singleBlock(m: number, t: Symbols, tStart: number, n: number): number {
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  let pv = -1;
  let mv = 0;
  for (let j = 0; j < n; j++) {
    const index = indexOf(t[tStart + j]!);
    const eq = index < 0 ? 0 : peq[index]!;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & lastBit) score++;
    else if (mh & lastBit) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

function multiBlock(m: number, blocks: number, t: Symbols, tStart: number, n: number): number {
  if (pvs.length < blocks) {
    pvs = new Int32Array(blocks * 2);
    mvs = new Int32Array(blocks * 2);
  }
  const pvBlocks = pvs;
  const mvBlocks = mvs;
  const masks = peq;
  const ascii = asciiIndex;
  pvBlocks.fill(-1, 0, blocks);
  mvBlocks.fill(0, 0, blocks);
  const lastBit = 1 << ((m - 1) & 31);
  const high = 1 << 31;
  let score = m;
  for (let j = 0; j < n; j++) {
    const symbol = t[tStart + j]!;
    const index = symbol >= 0 && symbol < 128 ? ascii[symbol]! : (otherIndex.get(symbol) ?? -1);
    const base = index < 0 ? -1 : index * blocks;
    let hin = 1; // row 0 of the matrix increases by one per column (D[0][j] = j)
    for (let k = 0; k < blocks; k++) {
      let eq = base < 0 ? 0 : masks[base + k]!;
      const pv = pvBlocks[k]!;
      const mv = mvBlocks[k]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const bit = k === blocks - 1 ? lastBit : high;
      const hout = ph & bit ? 1 : mh & bit ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pvBlocks[k] = mh | ~(xv | ph);
      mvBlocks[k] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}
