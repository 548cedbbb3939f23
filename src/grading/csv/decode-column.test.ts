// Cells of ten million characters: typed as pandas types them, quickly, and without the "Maximum call
// stack size exceeded" that the old regular expressions threw on them.

import { describe, expect, it } from "vitest";
import type { Column } from "./column.js";
import { parseCsv } from "./frame.js";

const HUGE = 10_000_000;

function kindOf(csv: string): { column: Column; ms: number } {
  const started = performance.now();
  const column = parseCsv(csv, "huge.csv").column("x")!;
  // Reading the values forces the lazy decoding of a text column too.
  void Array.from(column.values as ArrayLike<unknown>);
  return { column, ms: performance.now() - started };
}

describe("decoding columns with ten-million-digit cells", () => {
  it("reads an integer too large for int64 and uint64 as text, as pandas does", () => {
    const digits = "9".repeat(HUGE);
    for (const csv of [`x\n${digits}\n`, `x\n1\n${digits}\n2\n`, `x\n1\n "${digits}"\n`]) {
      const { column, ms } = kindOf(csv);
      expect(column.kind).toBe("object");
      expect(ms).toBeLessThan(30_000);
    }
  });

  it("reads a huge decimal as a float, and an integer with ten million leading zeros as an int", () => {
    const decimal = kindOf(`x\n1.5\n0.${"3".repeat(HUGE)}\n`);
    expect(decimal.column.kind).toBe("float");
    expect(decimal.column.values[1]).toBeCloseTo(1 / 3, 12);
    const zeros = kindOf(`x\n${"0".repeat(HUGE)}5\n7\n`);
    expect(zeros.column.kind).toBe("int");
    expect(Array.from(zeros.column.values as ArrayLike<number>)).toEqual([5, 7]);
  });

  it("reads a cell padded with ten million spaces", () => {
    const { column } = kindOf(`x\n${" ".repeat(HUGE / 2)}12${" ".repeat(HUGE / 2)}\n3\n`);
    expect(column.kind).toBe("int");
    expect(Array.from(column.values as ArrayLike<number>)).toEqual([12, 3]);
  });
});
