import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { alignAfterCountAndColumns } from "./count-then-id-align.js";

const answers = parseCsv("id,y\na,1\nb,2\nc,3\n", "answers.csv");
const align = (text: string) =>
  alignAfterCountAndColumns(parseCsv(text, "submission.csv"), answers, "id", "y");

describe("alignAfterCountAndColumns", () => {
  it("pairs each answers row with the submission row of its id", () => {
    expect(Array.from(align("y,id\n3,c\n1,a\n2,b\n"))).toEqual([1, 2, 0]);
  });

  it("reports the first failing check: row count, then id column, then target column, then ids", () => {
    expect(() => align("p,q\n1,2\n")).toThrow(/has 1 data rows, expected 3/);
    expect(() => align("p,q\n1,2\n3,4\n5,6\n")).toThrow(/missing column "id"/);
    expect(() => align("id,q\na,2\nb,4\nc,6\n")).toThrow(/missing column "y"/);
    expect(() => align("id,y\na,2\na,4\nc,6\n")).toThrow(/duplicated id/);
  });
});
