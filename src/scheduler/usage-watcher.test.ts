// The usage watcher on real files: new bytes only, partial and over-long lines, links and FIFOs
// refused unopened, the size bound, a truncated file, the budget.

import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelUsage } from "./usage-accounting.js";
import { UsageWatcher, type UsageWatcherOptions } from "./usage-watcher.js";

const line = (input: number, output = 0, model = "m") =>
  `${JSON.stringify({ model, input_tokens: input, output_tokens: output })}\n`;

function setUp(options: Partial<UsageWatcherOptions> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-usage-"));
  const file = path.join(dir, "usage.jsonl");
  const recorded: ModelUsage[][] = [];
  const overBudget: string[] = [];
  const watcher = new UsageWatcher({
    file,
    record: (models) => recorded.push([...models]),
    onOverBudget: (message) => overBudget.push(message),
    ...options,
  });
  return { dir, file, watcher, recorded, overBudget };
}

describe("UsageWatcher", () => {
  it("reads only what was added, waits for a line's newline, and counts a last line without one at the end", async () => {
    const { file, watcher, recorded } = setUp();
    watcher.start(); // records the attempt's (empty) usage at once
    expect(recorded).toEqual([[]]);
    writeFileSync(file, line(1) + line(2));
    watcher.poll();
    appendFileSync(file, '{"model":"m","input_tok');
    watcher.poll();
    expect(watcher.tally.calls).toBe(2);
    appendFileSync(file, `ens":4,"output_tokens":0}\n\n${line(8).trimEnd()}`);
    watcher.poll();
    expect(watcher.tally.calls).toBe(3);
    await watcher.stop();
    expect(watcher.tally).toMatchObject({ calls: 4, tokens: 15, malformed: 0 });
    // Written when the totals changed, not on every poll.
    expect(recorded.map((models) => models[0]?.calls ?? 0)).toEqual([0, 2, 3, 4]);
  });

  it("never follows a link nor opens a FIFO", async () => {
    const { dir, file, watcher } = setUp();
    const elsewhere = path.join(dir, "elsewhere.jsonl");
    writeFileSync(elsewhere, line(100));
    symlinkSync(elsewhere, file);
    watcher.poll();
    expect(watcher.tally.calls).toBe(0);
    expect(watcher.notes()).toEqual([
      "usage.jsonl is a symbolic link; bench reads only a regular file and never follows links",
    ]);

    const fifo = setUp();
    execFileSync("mkfifo", [fifo.file]);
    await fifo.watcher.stop(); // would hang on a blocking open
    expect(fifo.watcher.notes()).toEqual(["usage.jsonl is not a regular file; its usage was not read"]);
  });

  it("counts an over-long line as malformed and reads on after it", () => {
    const { file, watcher } = setUp({ maxLineBytes: 100 });
    writeFileSync(file, `${line(1)}{"model":"${"x".repeat(300)}"}\n${line(2)}`);
    watcher.poll();
    expect(watcher.tally).toMatchObject({ calls: 2, tokens: 3, malformed: 1 });
    expect(watcher.notes()[0]).toBe(
      "1 usage line was malformed and not counted (line 2: longer than 100 bytes)",
    );
  });

  it("reads no more than the size bound and reports the file past it once", () => {
    const over: number[] = [];
    const { file, watcher } = setUp({ maxBytes: 100, onOverLimit: (bytes) => over.push(bytes) });
    const text = line(1).repeat(10); // 10 lines of 49 bytes
    writeFileSync(file, text);
    watcher.poll();
    watcher.poll();
    expect(over).toEqual([text.length]);
    expect(watcher.tally.calls).toBe(2);
  });

  it("reads a truncated file again from its start, and says so", () => {
    const { file, watcher } = setUp();
    writeFileSync(file, line(1) + line(2));
    watcher.poll();
    writeFileSync(file, line(4));
    watcher.poll();
    expect(watcher.tally).toMatchObject({ calls: 3, tokens: 7 });
    expect(watcher.notes()).toContain(
      "usage.jsonl was truncated while the agent ran; bench read it again from its start",
    );
  });

  it("reports the run past its budget once, and not before", () => {
    const { file, watcher, overBudget } = setUp({ budget: { tokens: 100 } });
    writeFileSync(file, line(60, 40));
    watcher.poll();
    expect(overBudget).toEqual([]);
    appendFileSync(file, line(1));
    watcher.poll();
    appendFileSync(file, line(1));
    watcher.poll();
    expect(overBudget).toEqual(["the agent reported 101 tokens, past its budget of 100; it was stopped"]);
  });

  it("prices lines from the agent's price table", () => {
    const { file, watcher, recorded } = setUp({
      prices: { m: { input_per_mtok: 1_000_000, output_per_mtok: 0 } },
    });
    writeFileSync(file, line(2) + line(3, 0, "free"));
    watcher.poll();
    expect(recorded.at(-1)).toEqual([
      { model: "m", calls: 1, inputTokens: 2, outputTokens: 0, costUsd: 2, unpricedCalls: 0 },
      { model: "free", calls: 1, inputTokens: 3, outputTokens: 0, costUsd: null, unpricedCalls: 1 },
    ]);
  });
});
