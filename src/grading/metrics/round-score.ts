// Rounds a score the way MLE-bench reports it. The reference returns `round(score, 5)` where score is a
// numpy.float64, so Python dispatches to numpy's rounding: multiply by 10**decimals, round half to even
// (C rint under the default rounding mode), divide back. That differs from Math.round (half up) and from
// Python's own float.__round__ (exact decimal) on values that sit on a 5th-decimal boundary, which is
// where a medal threshold comparison can flip.

/**
 * numpy's power_of_ten(): exact table up to 1e8, then repeated multiplication by 10. Past 1e22 the
 * product is no longer exact, and reproducing the same loop keeps us bit-identical there too.
 */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n; // 1e0..1e8 are exact in float64, whichever way they are computed
  let ret = 1e9;
  for (let k = n; k > 9; k--) ret *= 10;
  return ret;
}

/** C rint() in round-to-nearest-even mode, keeping the sign of zero (rint(-0.4) is -0). */
export function rint(y: number): number {
  // Beyond 2^52 every float64 is an integer; NaN and ±Infinity pass through unchanged.
  if (!(Math.abs(y) < 4503599627370496)) return y;
  const floor = Math.floor(y);
  const diff = y - floor; // exact for |y| < 2^52
  let r: number;
  if (diff < 0.5) r = floor;
  else if (diff > 0.5) r = floor + 1;
  else r = floor % 2 === 0 ? floor : floor + 1;
  // rint keeps the sign: a negative input that rounds to zero gives -0.
  return r === 0 && (y < 0 || Object.is(y, -0)) ? -0 : r;
}

/**
 * numpy.round(numpy.float64(x), decimals): y = x * 10**d; r = rint(y); r / 10**d. For negative
 * `decimals` numpy divides first and multiplies back, as here. NaN and ±Infinity pass through.
 */
export function roundHalfEven(x: number, decimals = 5): number {
  if (!Number.isInteger(decimals)) {
    throw new TypeError(`roundHalfEven: decimals must be an integer, got ${decimals}`);
  }
  if (decimals >= 0) {
    const f = powerOfTen(decimals);
    return rint(x * f) / f;
  }
  const f = powerOfTen(-decimals);
  return rint(x / f) * f;
}

/**
 * Python's round(x, ndigits) for a plain float (float.__round__): the exact binary value of x rounded
 * to `ndigits` decimals, half to even, then read back as the nearest float. Two reference graders
 * (kuzushiji-recognition, tweet-sentiment-extraction) return a Python float, so their final
 * round(score, 5) is this, not numpy's: 0.123455 (just below the half in binary) is 0.12345 here and
 * 0.12346 in numpy, whose x * 1e5 lands exactly on 12345.5.
 */
export function pythonRound(x: number, ndigits = 5): number {
  if (!Number.isInteger(ndigits) || ndigits < 0 || ndigits > 20) {
    throw new TypeError(`pythonRound: ndigits must be an integer from 0 to 20, got ${ndigits}`);
  }
  // NaN, ±Infinity and ±0 come back as they are; past 2^52 every float is an integer already.
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 2 ** 52) return x;
  const magnitude = Math.abs(x);
  // toFixed rounds the exact value, ties to the larger; only an exact tie needs to go to even. A tie
  // at `ndigits` decimals is a dyadic number with at most ndigits + 1 decimals, so 100 digits show it
  // whole (and any |x| with more than 100 fraction digits is far below half a unit of the 20th decimal).
  let text = magnitude.toFixed(ndigits);
  const exact = magnitude.toFixed(100);
  const point = exact.indexOf(".");
  const rest = exact.slice(point + 1 + ndigits);
  if (rest.startsWith("5") && /^50*$/.test(rest)) {
    const kept = exact.slice(0, point + 1 + ndigits).replace(/\.$/, "");
    const last = kept.charCodeAt(kept.length - 1) - 48;
    // Ties to even: keep the truncated digits when the last is even, else the rounded-up text stands.
    if (last % 2 === 0) text = kept;
  }
  const rounded = Number(text);
  return x < 0 ? -rounded : rounded;
}
