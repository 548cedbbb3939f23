// Recognises the number spellings pandas reads in a cell's text: integers, decimals with an optional
// exponent, infinities, each with surrounding whitespace. These are hand-written scanners, one pass
// over the text and no allocation, because a cell can hold ten million digits: the regular
// expressions they replace ran out of backtracking stack on such a cell ("Maximum call stack size
// exceeded") and took bench down. Whitespace is what JavaScript's \s and Number() skip, as before.

/** True for a character that JavaScript's `\s`, `trim()` and `Number()` treat as whitespace. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// The text's bounds without surrounding whitespace, left in these two variables rather than in a
// returned array: the scanners below run once per cell.
let first = 0;
let last = 0;

function trimBounds(text: string): void {
  first = 0;
  last = text.length;
  while (first < last && isSpaceCode(text.charCodeAt(first))) first++;
  while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
}

/** Past an optional sign at `i`. */
function skipSign(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code === 0x2b || code === 0x2d ? i + 1 : i;
}

/**
 * For an integer cell (whitespace, an optional sign, one or more ASCII digits, whitespace): how many
 * digits it has once leading zeros are dropped ("007" has 1, "0" has 0). -1 for any other text.
 */
export function integerSignificantDigits(text: string): number {
  trimBounds(text);
  let i = skipSign(text, first);
  if (i >= last) return -1;
  while (i < last && text.charCodeAt(i) === 0x30) i++;
  const significantFrom = i;
  while (i < last && isDigitCode(text.charCodeAt(i))) i++;
  if (i !== last) return -1;
  // Only zeros (at least one, since i advanced past the sign) is the integer 0.
  return last - significantFrom;
}

/**
 * True for a decimal number as pandas spells it: an optional sign, then digits with an optional
 * point and more digits ("1", "1.", "1.5") or a point and digits (".5"), then an optional exponent
 * ("e-4", "E+10"), with surrounding whitespace.
 */
export function isDecimalText(text: string): boolean {
  trimBounds(text);
  let i = skipSign(text, first);
  const intFrom = i;
  while (i < last && isDigitCode(text.charCodeAt(i))) i++;
  let digits = i - intFrom;
  if (i < last && text.charCodeAt(i) === 0x2e) {
    i++;
    const fracFrom = i;
    while (i < last && isDigitCode(text.charCodeAt(i))) i++;
    digits += i - fracFrom;
  }
  if (digits === 0) return false;
  if (i < last && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
    i = skipSign(text, i + 1);
    const expFrom = i;
    while (i < last && isDigitCode(text.charCodeAt(i))) i++;
    if (i === expFrom) return false;
  }
  return i === last;
}

/** 1 for "inf"/"infinity" (any case, optional "+"), -1 for the same with "-", 0 for other text. */
export function infinitySign(text: string): number {
  trimBounds(text);
  const i = skipSign(text, first);
  const word = last - i;
  if (word !== 3 && word !== 8) return 0;
  const lower = text.slice(i, last).toLowerCase();
  if (lower !== "inf" && lower !== "infinity") return 0;
  return text.charCodeAt(first) === 0x2d ? -1 : 1;
}
