import { describe, expect, it } from "vitest";
import { excerpt, excerptJoined, excerptList, limitMessage } from "./input-excerpt.js";

describe("excerpt", () => {
  it("quotes short text exactly as JSON does", () => {
    for (const text of ["b", "img_1.jpg", 'say "hi"', "a\\b", "tab\there", "привет", "😀 ok"]) {
      expect(excerpt(text)).toBe(JSON.stringify(text));
    }
  });

  it("cuts a 5 MB id to a short excerpt that says how long it was", () => {
    const id = "x".repeat(5_000_000);
    const quoted = excerpt(id);
    expect(quoted).toBe(`"${"x".repeat(60)}…" (5000000 characters)`);
  });

  it("escapes control characters, DEL, C1 and bidirectional overrides", () => {
    expect(excerpt("a\u0000b\u001b[31mc\u007f\u0085\u202e\u2028")).toBe(
      '"a\\u0000b\\u001b[31mc\\u007f\\u0085\\u202e\\u2028"',
    );
  });

  it("counts escapes against the limit and never splits a surrogate pair", () => {
    expect(excerpt("\u0000".repeat(100)).length).toBeLessThan(100);
    const cut = excerpt(`${"a".repeat(59)}😀😀`);
    expect(cut).toBe(`"${"a".repeat(59)}…" (63 characters)`);
    expect(excerpt("\ud800x")).toBe('"\\ud800x"');
  });
});

describe("excerptJoined and excerptList", () => {
  it("excerpts a join of parts without making the whole string", () => {
    const parts = Array.from({ length: 1000 }, () => "y".repeat(1_000_000));
    expect(excerptJoined(parts, ",")).toBe(`"${"y".repeat(60)}…" (1000000999 characters)`);
    expect(excerptJoined(["id", "x"], ",")).toBe('"id,x"');
  });

  it("lists at most eight names, each an excerpt", () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    expect(excerptList(names)).toBe('"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", and 99992 more');
    expect(excerptList(["id"])).toBe('"id"');
  });
});

describe("limitMessage", () => {
  it("keeps short messages and cuts long ones, saying so", () => {
    expect(limitMessage("fine")).toBe("fine");
    const cut = limitMessage("m".repeat(10_000), 100);
    expect(cut).toBe(`${"m".repeat(100)}… (message cut: 10000 characters in all)`);
  });
});
