// The fast path of alignById for numeric ids that are all whole numbers (cdiscount's 706,990 product
// ids, TIMIT frame numbers, eeg_ids): instead of a Map of a million numbers, each side's ids are packed
// with their row number into one float64 key, id * 2^bits + row, and sorted natively; equal sorted ids
// on both sides then pair row for row. Rows that share an id stay in file order (the row is the low part
// of the key), which is how alignById pairs ids that the answers repeat. It answers only that case: on
// a missing, non-integer or out-of-range id, or when the two id multisets differ, it returns null and
// alignById takes its general path, which also builds the error message.

/** Keys `(id - min) * 2^bits + row`, exact in float64, or null when they would not be. */
function packedKeys(ids: Float64Array, min: number, bits: number): Float64Array | null {
  const scale = 2 ** bits;
  const keys = new Float64Array(ids.length);
  for (let r = 0; r < ids.length; r++) keys[r] = (ids[r]! - min) * scale + r;
  return keys;
}

function range(ids: Float64Array): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < ids.length; r++) {
    const v = ids[r]!;
    if (!Number.isInteger(v)) return null; // NaN, infinities, fractions: the general path decides
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * For each answers row, the submission row with the same id, when both columns hold whole numbers and
 * the id multisets are equal; null otherwise (including when the keys would not be exact).
 */
export function joinIntegerIds(answerIds: Float64Array, submissionIds: Float64Array): Int32Array | null {
  const n = answerIds.length;
  if (submissionIds.length !== n || n === 0) return null;
  const a = range(answerIds);
  const s = range(submissionIds);
  if (a === null || s === null || a.min !== s.min || a.max !== s.max) return null;
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  // Every key below 2^53 keeps id and row exact.
  if ((a.max - a.min + 1) * 2 ** bits > Number.MAX_SAFE_INTEGER) return null;
  const scale = 2 ** bits;
  const answerKeys = packedKeys(answerIds, a.min, bits)!.sort();
  const submissionKeys = packedKeys(submissionIds, a.min, bits)!.sort();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const ka = answerKeys[k]!;
    const ks = submissionKeys[k]!;
    const idA = Math.floor(ka / scale);
    if (idA !== Math.floor(ks / scale)) return null;
    out[ka - idA * scale] = ks - idA * scale;
  }
  return out;
}
