import { describe, expect, it } from "vitest";
import { infinitySign, integerSignificantDigits, isDecimalText } from "./number-text.js";

// The regular expressions these scanners replace, kept here as the specification they must match on
// ordinary cells. (They ran out of stack on ten-million-character cells, hence the scanners.)
const INT_PATTERN = /^\s*[+-]?\d+\s*$/;
const FLOAT_PATTERN = /^\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)\s*$/;
const INF_PATTERN = /^\s*([+-]?)inf(?:inity)?\s*$/i;

const CELLS = [
  "0",
  "7",
  "-7",
  "+7",
  "007",
  " 42 ",
  "\t42\n",
  "\u00a042\ufeff",
  "- 4",
  "4 2",
  "+",
  "-",
  "",
  " ",
  "1.",
  ".5",
  ".",
  "1.5",
  "-1.5e3",
  "1e",
  "1e+",
  "e5",
  "1E-05",
  "1.5.5",
  "0x10",
  "1_000",
  "１２",
  "inf",
  "-inf",
  "+Infinity",
  "INF",
  " infinity ",
  "infinit",
  "nan",
  "-+1",
  "1e5.5",
  "٣",
  "1,5",
];

describe("number scanners agree with the pandas spellings they replace", () => {
  it.each(CELLS)("%j", (cell) => {
    expect(integerSignificantDigits(cell) >= 0).toBe(INT_PATTERN.test(cell));
    expect(isDecimalText(cell)).toBe(FLOAT_PATTERN.test(cell));
    const inf = INF_PATTERN.exec(cell);
    expect(infinitySign(cell)).toBe(inf === null ? 0 : inf[1] === "-" ? -1 : 1);
  });

  it("counts significant digits, without leading zeros or the sign", () => {
    expect(integerSignificantDigits("-000123")).toBe(3);
    expect(integerSignificantDigits("0000")).toBe(0);
    expect(integerSignificantDigits(" 18446744073709551615 ")).toBe(20);
  });

  it("reads ten-million-character cells in linear time, without throwing", () => {
    const digits = "9".repeat(10_000_000);
    const started = performance.now();
    expect(integerSignificantDigits(digits)).toBe(10_000_000);
    expect(integerSignificantDigits(`${" ".repeat(10_000_000)}x`)).toBe(-1);
    expect(isDecimalText(`0.${digits}`)).toBe(true);
    expect(isDecimalText(`${digits}e${digits}`)).toBe(true);
    expect(infinitySign(`${" ".repeat(10_000_000)}inf`)).toBe(1);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
