import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { alignById } from "./align-by-id.js";
import { parseCsv } from "./csv/frame.js";
import { parseJsonl, readJsonlFile } from "./jsonl-frame.js";

const dir = mkdtempSync(join(tmpdir(), "bench-jsonl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = [
  { example_id: "-12", annotations: [{ yes_no_answer: "YES" }], document_text: "long ".repeat(20) },
  { example_id: "7", annotations: [], document_text: "naïve 𝄞" },
  { example_id: "8", document_text: null },
];
const text = `${records.map((r) => JSON.stringify(r)).join("\n")}\n\n`;

describe("JSON Lines answers", () => {
  it("keeps only the named fields, as text columns (other values as JSON, missing as empty)", () => {
    const frame = parseJsonl(text, "test.jsonl", ["example_id", "annotations"]);
    expect(frame.columns).toEqual(["example_id", "annotations"]);
    expect(frame.rowCount).toBe(3);
    expect(frame.column("example_id")).toEqual({ kind: "object", values: ["-12", "7", "8"] });
    expect(frame.column("annotations")!.values).toEqual(['[{"yes_no_answer":"YES"}]', "[]", null]);
    expect(frame.has("document_text")).toBe(false);
    expect(frame.lineOf(2)).toBe(3);
  });

  it("reads every field by default, and files in chunks that cut lines anywhere", () => {
    const path = join(dir, "test.jsonl");
    writeFileSync(path, text);
    for (const chunk of [1, 7, 64, 1 << 20]) {
      const frame = readJsonlFile(path, undefined, chunk);
      expect(frame.columns).toEqual(["example_id", "annotations", "document_text"]);
      expect(frame.column("document_text")!.values).toEqual([records[0]!.document_text, "naïve 𝄞", null]);
    }
  });

  it("gives raw cells that id joins can use", () => {
    const frame = parseJsonl(text, "test.jsonl", ["example_id"]);
    const submission = parseCsv("example_id\n8\n-12\n7\n", "s.csv");
    // numbers vs text never match, as in pandas
    expect(() => alignById(frame, submission, "example_id")).toThrow(/numbers/);
    const quoted = parseCsv("example_id\nx8\n", "s.csv");
    expect(() => alignById(frame, quoted, "example_id")).toThrow(/exactly the test set/);
  });

  it("keeps every digit of a numeric id and prints other numbers as Python does", () => {
    const lines =
      '{"example_id": -1220107454853145579, "x": 1.0, "doc": "\\"example_id\\": 3"}\n{"example_id":5655493461695504401,"x":2}\n';
    const frame = parseJsonl(lines, "t.jsonl");
    expect(frame.column("example_id")!.values).toEqual(["-1220107454853145579", "5655493461695504401"]);
    expect(frame.column("x")!.values).toEqual(["1.0", "2"]);
  });

  it("refuses a line that is not a JSON object", () => {
    expect(() => parseJsonl('{"a":1}\n[1,2]\n', "t.jsonl")).toThrow(BenchError);
    expect(() => parseJsonl('{"a":1}\n{oops\n', "t.jsonl")).toThrow(/line 2: not valid JSON/);
  });
});
