import { describe, expect, it } from "vitest";
import { Rng } from "../../../graders/testing/rng.js";
import { codePoints, levenshtein, levenshteinSimple, levenshteinSymbols } from "./levenshtein.js";

describe("levenshtein", () => {
  it("matches hand-computed distances", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("abc", "")).toBe(3);
    expect(levenshtein("flaw", "lawn")).toBe(2);
    expect(levenshtein("same", "same")).toBe(0);
    expect(levenshtein("InChI=1S/H2O/h1H2", "1S/H2O/h1H2")).toBe(6);
  });

  it("counts a character outside the BMP as one element, and never normalises", () => {
    expect(levenshtein("a\u{1d11e}b", "ab")).toBe(1);
    expect(levenshtein("\u{1d11e}", "\u{1d11f}")).toBe(1);
    expect(levenshtein("\u00e9", "e\u0301")).toBe(2); // NFC vs NFD
    expect(levenshtein("A", "a")).toBe(1);
    expect(Array.from(codePoints("x\u{1f600}y"))).toEqual([0x78, 0x1f600, 0x79]);
  });

  it("treats list items as symbols", () => {
    expect(levenshteinSymbols([12], [1, 2])).toBe(2);
    expect(levenshteinSymbols([1, 2, 3], [1, 3])).toBe(1);
  });

  it("equals the textbook dynamic programme on random inputs of every block count", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 400; trial++) {
      const alphabet = 1 + rng.int(0, 6 - 1);
      const la = rng.int(0, trial < 300 ? 39 : 149);
      const lb = rng.int(0, trial < 300 ? 39 : 149);
      const a = Array.from({ length: la }, () => rng.int(0, alphabet - 1));
      const b = Array.from({ length: lb }, () => rng.int(0, alphabet - 1));
      expect(levenshteinSymbols(a, b), `${a} | ${b}`).toBe(levenshteinSimple(a, b));
    }
  });

  it("handles pattern lengths on the 32-bit block boundaries", () => {
    const rng = new Rng(11);
    for (const m of [31, 32, 33, 63, 64, 65, 96]) {
      for (let trial = 0; trial < 20; trial++) {
        const a = Array.from({ length: m }, () => rng.int(0, 3 - 1));
        const b = Array.from({ length: m + rng.int(0, 40 - 1) }, () => rng.int(0, 3 - 1));
        expect(levenshteinSymbols(a, b)).toBe(levenshteinSimple(a, b));
        expect(levenshteinSymbols(b, a)).toBe(levenshteinSimple(a, b));
      }
    }
  });

  it("grades long unrelated strings in linear memory and quickly", () => {
    const rng = new Rng(3);
    const letters = "abcdefghij";
    const a = Array.from({ length: 3000 }, () => letters[rng.int(0, 10 - 1)]).join("");
    const b = Array.from({ length: 3000 }, () => letters[rng.int(0, 10 - 1)]).join("");
    const started = Date.now();
    const d = levenshtein(a, b);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(d).toBe(levenshteinSimple(codePoints(a), codePoints(b)));
  });
});
