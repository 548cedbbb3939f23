import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalRuntime } from "./local-runtime.js";
import { pruneFolder, pruneNotes } from "./prune-folder.js";
import { scriptRun } from "./test-support/local-run.js";

const KiB = 1024;

describe("pruneFolder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-prune-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves a folder within its budget untouched", () => {
    writeFileSync(path.join(dir, "a"), Buffer.alloc(100));
    expect(pruneFolder(dir, "logs", { bytes: 1000, entries: 10 })).toBeNull();
    expect(readdirSync(dir)).toEqual(["a"]);
  });

  it("keeps the named file first, then what fits in name order, and deletes the rest", () => {
    writeFileSync(path.join(dir, "a.bin"), Buffer.alloc(800));
    writeFileSync(path.join(dir, "b.txt"), Buffer.alloc(100));
    writeFileSync(path.join(dir, "submission.csv"), Buffer.alloc(300));
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "c"), Buffer.alloc(50));
    const report = pruneFolder(dir, "submission", { bytes: 1000, entries: 100 }, "submission.csv");
    expect(report?.leftOut).toEqual([{ path: "submission/a.bin", bytes: 800 }]);
    expect(readdirSync(dir).sort()).toEqual(["b.txt", "sub", "submission.csv"]);
    expect(readdirSync(path.join(dir, "sub"))).toEqual(["c"]);
  });

  it("removes a folder whole once no entry is left, and deletes a link without touching its target", () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "bench-elsewhere-"));
    writeFileSync(path.join(elsewhere, "precious"), "keep me");
    try {
      writeFileSync(path.join(dir, "a"), "");
      symlinkSync(elsewhere, path.join(dir, "b-link"));
      mkdirSync(path.join(dir, "c"));
      writeFileSync(path.join(dir, "c", "x"), "");
      const report = pruneFolder(dir, "code", { bytes: 1000, entries: 1 });
      expect(report?.leftOut).toEqual([
        { path: "code/b-link", bytes: null },
        { path: "code/c/", bytes: null },
      ]);
      expect(readdirSync(dir)).toEqual(["a"]);
      expect(existsSync(path.join(elsewhere, "precious"))).toBe(true);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("pruneNotes", () => {
  it("lists at most 20 paths across folders and counts the rest", () => {
    const many = (folder: "logs" | "code", n: number) => ({
      folder,
      budget: { bytes: 1024, entries: 5 },
      leftOut: Array.from({ length: n }, (_, i) => ({ path: `${folder}/f${i}`, bytes: 2048 })),
      undeletable: [],
    });
    const notes = pruneNotes([many("logs", 15), many("code", 10)]);
    expect(notes[0]).toBe(
      "logs/ was over its budget (1.0 KiB, 5 entries): 15 entries (30.0 KiB of files) left out",
    );
    expect(notes[1]).toBe("left out logs/f0 (2.0 KiB)");
    expect(notes.filter((n) => n.startsWith("left out"))).toHaveLength(20);
    expect(notes.at(-1)).toBe("... and 5 more in code/");
  });
});

it("the local runtime keeps submission.csv when a large file beside it takes the submission folder over budget", async () => {
  const spec = scriptRun(
    `head -c ${800 * KiB} /dev/zero > "$BENCH_SUBMISSION_DIR/a.bin"; printf 'id,y\\n1,0\\n' > "$BENCH_SUBMISSION_DIR/submission.csv"; head -c ${300 * KiB} /dev/zero >> "$BENCH_SUBMISSION_DIR/submission.csv"; sleep 60`,
    { artifacts: { submission: { bytes: 1024 * KiB, entries: 100 } } },
  );
  const result = await new LocalRuntime().run(spec);
  expect(result.endClass).toBe("agent_error");
  expect(result.submissionPath).toBe(path.join(spec.runDir, "submission", "submission.csv"));
  expect(readdirSync(path.join(spec.runDir, "submission"))).toEqual(["submission.csv"]);
  expect(result.notes).toContain("left out submission/a.bin (800.0 KiB)");
});
