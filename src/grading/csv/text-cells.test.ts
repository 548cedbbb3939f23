import { describe, expect, it } from "vitest";
import { parseCsv } from "./frame.js";
import { cellText, sameText, type TextCells, textCells } from "./text-cells.js";

function cells(csv: string, column = "x"): TextCells | null {
  const frame = parseCsv(Buffer.from(csv), "t.csv");
  return textCells(frame.rawCells(column), frame.rowCount);
}

const text = (c: TextCells, r: number) => cellText(c, r);

describe("textCells", () => {
  it("reads unquoted and plainly quoted cells as their text, and NA words and short rows as NA", () => {
    const c = cells('x,y\n"a, b",1\nплохо,2\nNA,3\n"",4\nnull,5\n"q"\n')!;
    expect(c).not.toBeNull();
    expect(Array.from({ length: c.rowCount }, (_, r) => text(c, r))).toEqual([
      "a, b",
      "плохо",
      null,
      null,
      null,
      "q",
    ]);
    const short = cells("y,x\n1,a\n2\n")!;
    expect(short.na[1]).toBe(1);
  });

  it("is null unless some cell proves the column is text", () => {
    expect(cells("x\n1\n2.5\nNA\n")).toBeNull(); // numbers: float
    expect(cells("x\nTrue\nfalse\n")).toBeNull(); // booleans
    expect(cells("x\nNA\n\n")).toBeNull(); // nothing but NA
    expect(cells("x\n1\nabc\n")).not.toBeNull();
  });

  it("leaves a doubled quote, text after a closing quote and invalid UTF-8 to the decoder", () => {
    expect(cells('x\nabc\n"say ""hi"""\n')).toBeNull();
    expect(cells('x\nabc\n"ab"cd\n')).toBeNull();
    const frame = parseCsv(Buffer.concat([Buffer.from("x\nabc\n"), Buffer.from([0xff, 0x0a])]), "t.csv");
    expect(textCells(frame.rawCells("x"), frame.rowCount)).toBeNull();
  });

  it("compares cells as pandas' astype(str) does: same text, or both NA", () => {
    const a = cells('x\n"дом"\nab\nNA\n"x"\n')!;
    const b = cells("x\nдом\nab \nnull\nx\n")!;
    expect([0, 1, 2, 3].map((r) => sameText(a, r, b, r))).toEqual([true, false, true, true]);
    expect(sameText(a, 0, b, 3)).toBe(false);
  });
});
