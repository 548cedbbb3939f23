// Python's float(text) for the cells the reference's graders parse token by token (prediction strings
// of detection competitions): surrounding Python whitespace is ignored, then an optional sign and either
// a decimal number (digits may be grouped with single '_', an exponent may follow) or 'nan', 'inf',
// 'infinity' in any case. Everything else ('', '1,5', '0x10', '1e') is an error, as in Python.
// Python's non-ASCII digits are not accepted here (no real submission writes them).

import { stripWhitespace } from "./python-split.js";

const DIGITS = "\\d(?:_?\\d)*";
const PYTHON_FLOAT = new RegExp(
  `^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`,
  "i",
);

/** The value Python's float() gives for `text`, or undefined where it raises ValueError. */
export function pythonFloat(text: string): number | undefined {
  const t = stripWhitespace(text);
  if (!PYTHON_FLOAT.test(t)) return undefined;
  const body = t.replace(/^[+-]/, "").toLowerCase();
  const negative = t.startsWith("-");
  if (body === "nan") return Number.NaN;
  if (body === "inf" || body === "infinity")
    return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(t.replaceAll("_", ""));
}
