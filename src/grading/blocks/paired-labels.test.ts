import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/frame.js";
import { pairedLabels } from "./paired-labels.js";

const answers = parseCsv("id,c\na,1\nb,0\nc,1\n", "answers.csv");
const paired = (text: string, rowOf: number[]) =>
  pairedLabels(parseCsv(text, "submission.csv"), answers, "c", Int32Array.from(rowOf), "which is not 0/1.");

describe("pairedLabels", () => {
  it("gives the submission's labels in the answers' order beside the answers' labels", () => {
    const { predicted, truth } = paired("id,c\nc,0\na,1\nb,1\n", [1, 2, 0]);
    expect(Array.from(predicted as ArrayLike<number>)).toEqual([1, 1, 0]);
    expect(Array.from(truth as ArrayLike<number>)).toEqual([1, 0, 1]);
  });

  it("keeps booleans and leaves NaN for the metric to reject", () => {
    expect(paired("id,c\na,True\nb,False\nc,True\n", [0, 1, 2]).predicted).toEqual([true, false, true]);
    expect(Number.isNaN((paired("id,c\na,1\nb,\nc,1\n", [0, 1, 2]).predicted as ArrayLike<number>)[1])).toBe(
      true,
    );
  });

  it("rejects a text label, naming its row and value, with the caller's advice", () => {
    expect(() => paired("id,c\na,1\nb,yes\nc,0\n", [0, 1, 2])).toThrow(
      /column "c", row 2 .*holds "yes", which is not 0\/1\./,
    );
  });
});
