import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { measureFolder } from "./folder-budget.js";
import { LocalRuntime } from "./local-runtime.js";
import { scriptRun } from "./test-support/local-run.js";

const MiB = 1024 ** 2;

describe("measureFolder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-budget-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("counts files, folders and links without following links, and stops once past the budget", () => {
    mkdirSync(path.join(dir, "a"));
    writeFileSync(path.join(dir, "a", "one"), Buffer.alloc(1000));
    writeFileSync(path.join(dir, "two"), Buffer.alloc(500));
    // A link to a big folder elsewhere counts as one entry of no bytes.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "bench-elsewhere-"));
    writeFileSync(path.join(elsewhere, "big"), Buffer.alloc(100_000));
    symlinkSync(elsewhere, path.join(dir, "link"));
    try {
      expect(measureFolder(dir, { bytes: 10_000, entries: 10 })).toEqual({
        bytes: 1500,
        entries: 4,
        over: null,
      });
      expect(measureFolder(dir, { bytes: 1200, entries: 10 }).over).toBe("bytes");
      expect(measureFolder(dir, { bytes: 10_000, entries: 3 })).toMatchObject({
        entries: 4,
        over: "entries",
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("stops listing a huge folder once past the entries budget", () => {
    for (let i = 0; i < 2_000; i++) writeFileSync(path.join(dir, `f${i}`), "");
    expect(measureFolder(dir, { bytes: MiB, entries: 10 })).toEqual({
      bytes: 0,
      entries: 11,
      over: "entries",
    });
  });
});

describe("the local runtime's folder budgets", () => {
  const runtime = new LocalRuntime();

  it("stops an agent that fills its submission folder, names the folder, the size and the limit, and keeps only the budget", async () => {
    const spec = scriptRun('head -c 8000000 /dev/zero > "$BENCH_SUBMISSION_DIR/big.bin"; sleep 60', {
      artifacts: { submission: { bytes: 2 * MiB, entries: 100 } },
    });
    const started = Date.now();
    const result = await runtime.run(spec);
    expect(result.endClass).toBe("agent_error");
    expect(result.message).toMatch(
      /the agent's submission folder holds more than 2\.0 MiB \(at least [\d.]+ MiB\), above its budget of 2\.0 MiB; the agent was stopped/,
    );
    // Polled every 500 ms: seconds, not the 30 s time limit or the minute the agent would sleep.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readdirSync(path.join(spec.runDir, "submission"))).toEqual([]);
    expect(result.notes).toContain("left out submission/big.bin (7.6 MiB)");
  });

  it("stops an agent that makes too many files in its code folder and lists what was left out, briefly", async () => {
    const spec = scriptRun(
      'mkdir "$BENCH_CODE_DIR/many"; i=0; while [ $i -lt 200 ]; do : > "$BENCH_CODE_DIR/many/f$i"; i=$((i+1)); done; sleep 60',
      { artifacts: { code: { bytes: 10 * MiB, entries: 30 } } },
    );
    const result = await runtime.run(spec);
    expect(result.endClass).toBe("agent_error");
    expect(result.message).toBe(
      "the agent's code folder holds more than 30 entries, its budget; the agent was stopped",
    );
    // The folder itself and 29 of its files are kept.
    expect(readdirSync(path.join(spec.runDir, "code", "many"))).toHaveLength(29);
    const notes = result.notes ?? [];
    expect(notes.find((n) => n.startsWith("code/"))).toMatch(
      /^code\/ was over its budget \(10\.0 MiB, 30 entries\): \d+ entries \(0 B of files\) left out$/,
    );
    expect(notes.filter((n) => n.startsWith("left out code/many/"))).toHaveLength(20);
    expect(notes.at(-1)).toMatch(/^\.\.\. and \d+ more in code\/$/);
  });
});
