import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CompetitionReport } from "../grading/grade-report.js";
import { type ScoreLogWrite, ScoreRequestWatcher } from "./score-requests.js";

function scoreDir(): string {
  return mkdtempSync(path.join(tmpdir(), "bench-score-"));
}

function request(dir: string, stem: string): void {
  writeFileSync(path.join(dir, `${stem}.csv`), "id,y\n1,0.5\n");
  writeFileSync(path.join(dir, `${stem}.request`), "");
}

function answer(dir: string, stem: string): { score: number | null; valid: boolean; message: string } {
  return JSON.parse(readFileSync(path.join(dir, `${stem}.result.json`), "utf8"));
}

const validReport = { valid_submission: true, score: 0.75, error: null } as unknown as CompetitionReport;

describe("ScoreRequestWatcher", () => {
  it("answers a request whose grading throws as a failed request, and goes on answering", async () => {
    const dir = scoreDir();
    const log: ScoreLogWrite[] = [];
    const errors: string[] = [];
    const watcher = new ScoreRequestWatcher({
      scoreDir: dir,
      startedAtMs: 0,
      clock: () => 1_000,
      grade: async (file) => {
        if (file.endsWith("bad.csv")) throw new RangeError(`Invalid string length ${"7".repeat(100_000)}`);
        return validReport;
      },
      record: (entry) => log.push(entry),
      onError: (message) => errors.push(message),
    });
    request(dir, "bad");
    await watcher.poll();
    request(dir, "good");
    await watcher.stop();
    expect(answer(dir, "bad")).toMatchObject({ score: null, valid: false });
    expect(answer(dir, "bad").message).toMatch(
      /^bench could not score bad\.csv: Invalid string length 7+… \(\d+ more characters not kept\)$/,
    );
    expect(answer(dir, "bad").message.length).toBeLessThan(600);
    expect(answer(dir, "good")).toMatchObject({ score: 0.75, valid: true, message: "scored" });
    expect(log.map((e) => [e.details.request, e.rawScore])).toEqual([
      ["bad", null],
      ["good", 0.75],
    ]);
    expect(errors).toHaveLength(1);
  });

  it("a store that cannot record does not stop the answer", async () => {
    const dir = scoreDir();
    const watcher = new ScoreRequestWatcher({
      scoreDir: dir,
      startedAtMs: 0,
      grade: async () => validReport,
      record: () => {
        throw new Error("database is locked");
      },
      onError: () => {},
    });
    request(dir, "a");
    await expect(watcher.stop()).resolves.toBeUndefined();
    expect(answer(dir, "a")).toMatchObject({ valid: true });
  });

  it("answers at most maxRequests with a score, then refuses, logging the refusal once", async () => {
    const dir = scoreDir();
    const log: ScoreLogWrite[] = [];
    let graded = 0;
    const watcher = new ScoreRequestWatcher({
      scoreDir: dir,
      startedAtMs: 0,
      maxRequests: 2,
      grade: async () => {
        graded++;
        return validReport;
      },
      record: (entry) => log.push(entry),
    });
    for (let i = 0; i < 5; i++) {
      request(dir, `r${i}`);
      await watcher.poll();
    }
    expect(graded).toBe(2);
    expect(log).toHaveLength(3);
    expect(log[2]!.message).toMatch(/refused: this run has made more than 2 score requests/);
    expect(answer(dir, "r4")).toMatchObject({ valid: false, score: null });
    expect(existsSync(path.join(dir, "r4.request"))).toBe(false);
  });
});
