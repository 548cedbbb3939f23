import { describe, expect, it } from "vitest";
import { wordSet, wordSetJaccard } from "./word-set-jaccard.js";

describe("word-set Jaccard", () => {
  it("compares lower-cased word sets", () => {
    expect(wordSetJaccard("Great day", "great DAY today")).toBeCloseTo(2 / 3, 15);
    expect(wordSetJaccard("a a b", "b")).toBe(0.5);
  });

  it("keeps punctuation inside words and splits on Python whitespace", () => {
    expect(wordSetJaccard("great!", "great")).toBe(0);
    expect(wordSetJaccard("नमस्ते\u00a0दुनिया", "नमस्ते दुनिया")).toBe(1);
    expect([...wordSet("a\ufeffb")]).toEqual(["a\ufeffb"]);
  });

  it("is undefined when neither text has a word", () => {
    expect(wordSetJaccard(" ", "")).toBeUndefined();
    expect(wordSetJaccard("", "x")).toBe(0);
  });
});
