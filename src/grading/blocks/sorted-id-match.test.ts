import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { matchSortedIds } from "./sorted-id-match.js";

const answers = parseCsv("id,y\nb,1\na,2\nc,3\n", "answers.csv");

describe("matchSortedIds", () => {
  it("pairs rows by id whatever the row order", () => {
    const sub = parseCsv("id,y\nc,0\nb,0\na,0\n", "submission.csv");
    expect(Array.from(matchSortedIds(sub, answers, "id"))).toEqual([1, 2, 0]);
  });

  it("rejects a different row count first (numpy cannot compare arrays of different lengths)", () => {
    expect(() => matchSortedIds(parseCsv("id,y\na,0\nb,0\n", "s.csv"), answers, "id")).toThrow(
      /2 data rows, expected 3/,
    );
  });

  it("rejects repeated, unknown and re-typed ids", () => {
    expect(() => matchSortedIds(parseCsv("id,y\na,0\na,0\nc,0\n", "s.csv"), answers, "id")).toThrow(
      /duplicated/,
    );
    expect(() => matchSortedIds(parseCsv("id,y\na,0\nb,0\nz,0\n", "s.csv"), answers, "id")).toThrow(
      /not in the test set/,
    );
    const numeric = parseCsv("id,y\n1,0\n2,0\n", "answers.csv");
    expect(() => matchSortedIds(parseCsv("id,y\n1,0\nx,0\n", "s.csv"), numeric, "id")).toThrow(/text/);
    expect(Array.from(matchSortedIds(parseCsv("id,y\n2.0,0\n1.0,0\n", "s.csv"), numeric, "id"))).toEqual([
      1, 0,
    ]);
  });
});
