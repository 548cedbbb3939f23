// A small seeded pseudo-random generator for the statistics in `bench report`.
//
// Bootstrap intervals and Monte Carlo p-values must be reproducible: the same data and seed give the same
// interval on every machine, so a report can be regenerated and diffed. Math.random() cannot be seeded, so
// this module implements mulberry32 (a 32-bit state generator by Tommy Ettinger), which is more than good
// enough for resampling indices: its period is 2^32 and it passes the usual statistical batteries for
// streams far longer than the ~10^6 draws a report makes.

export interface Random {
  /** A uniform float in [0, 1), with 32 bits of randomness. */
  next(): number;
  /** 32 uniform random bits, as an unsigned integer (one draw of the generator, like `next`). */
  nextUint32(): number;
  /** A uniform integer in [0, maxExclusive). maxExclusive must be a positive integer below 2^32. */
  nextInt(maxExclusive: number): number;
}

const TWO_POW_32 = 4_294_967_296;

/**
 * Creates a generator from an integer seed. Seeds are reduced to 32 bits (`seed >>> 0`), so 0 and 2^32
 * give the same stream.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new TypeError(`Expected \`seed\` to be an integer, got ${String(seed)}`);
  }
  let state = Number(BigInt.asUintN(32, BigInt(seed)));

  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };

  return {
    next: () => nextUint32() / TWO_POW_32,
    nextUint32,
    nextInt: (maxExclusive: number) => {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
        throw new RangeError(
          `Expected \`maxExclusive\` to be an integer in [1, 2^32], got ${String(maxExclusive)}`,
        );
      }
      // Multiply-shift rather than modulo: the bias is below 2^-32 · maxExclusive, invisible at the
      // sizes a report resamples (at most a few thousand runs per task).
      return Math.floor((nextUint32() / TWO_POW_32) * maxExclusive);
    },
  };
}
