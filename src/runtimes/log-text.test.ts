import { describe, expect, it } from "vitest";
import { capLine, cleanLogLine, LogLineSplitter, MAX_PENDING_CHARS } from "./log-text.js";

describe("cleanLogLine", () => {
  it("removes colours, cursor moves, window titles, hyperlinks and other escape sequences whole", () => {
    expect(cleanLogLine("\x1b[1;31mred\x1b[0m \x1b[2K\x1b[10;20Hmoved")).toBe("red moved");
    expect(cleanLogLine("a\x1b]0;pwned\x07b\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\c")).toBe("ablinkc");
    expect(cleanLogLine("x\x1bPq#0;2;0;0;0\x1b\\y \x9b31mz")).toBe("xy z");
  });

  it("removes bells, backspaces, C1 controls and bidi overrides, keeping tabs and text", () => {
    expect(cleanLogLine("a\x07b\x08c\x85d\u202eevil\u202c\u2066e\u2069\tf")).toBe("abcdevile\tf");
  });

  it("shows a line rewritten with carriage returns as its last version", () => {
    expect(cleanLogLine("10%\r50%\r100%")).toBe("100%");
    expect(cleanLogLine("done\r")).toBe("done");
  });

  it("removes an escape sequence cut off at the end of the line", () => {
    expect(cleanLogLine("tail \x1b[38;5")).toBe("tail ");
    expect(cleanLogLine("tail \x1b]0;title without end")).toBe("tail ");
  });
});

describe("capLine", () => {
  it("cuts a long line and says how long it was, never splitting a surrogate pair", () => {
    expect(capLine("abc", 3)).toBe("abc");
    expect(capLine("abcdef", 3)).toBe("abc… (6 characters)");
    expect(capLine("ab😀cd", 3)).toBe("ab… (6 characters)");
  });
});

describe("LogLineSplitter", () => {
  it("joins lines, UTF-8 characters and CRLF split across chunks", () => {
    const splitter = new LogLineSplitter();
    const bytes = Buffer.from("first\r\nsécond\nthi", "utf8");
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...splitter.push(bytes.subarray(i, i + 1)));
    expect(lines).toEqual(["first", "sécond"]);
    expect(splitter.end()).toEqual(["thi"]);
    expect(splitter.end()).toEqual([]);
  });

  it("keeps a progress bar redrawn without newlines small, and cuts an endless line into pieces", () => {
    const splitter = new LogLineSplitter();
    for (let i = 0; i < 10_000; i++)
      expect(splitter.push(Buffer.from(`\r${i}% ${"#".repeat(50)}`))).toEqual([]);
    expect(splitter.end()).toEqual([`9999% ${"#".repeat(50)}`]);

    const endless = new LogLineSplitter();
    const pieces = endless.push(Buffer.alloc(MAX_PENDING_CHARS * 2 + 10, "a"));
    expect(pieces.map((piece) => piece.length)).toEqual([MAX_PENDING_CHARS, MAX_PENDING_CHARS]);
    expect(endless.end()).toEqual(["a".repeat(10)]);
  });
});
