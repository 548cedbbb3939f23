import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CompetitionReport } from "../grading/grade-report.js";
import { VALIDATE_SCRIPT } from "../runtimes/agent-contract-files.js";
import type { ValidationEntry } from "../store/validations-repo.js";
import {
  GRADE_ERROR_PREFIX,
  SlidingWindowLimit,
  VALID_MESSAGE,
  ValidationWatcher,
} from "./validation-requests.js";

const run = promisify(execFile);

function report(valid: boolean, error: string | null = null): CompetitionReport {
  return { valid_submission: valid, score: valid ? 0.8123 : null, error } as unknown as CompetitionReport;
}

/** A score folder, the real checker script beside it, and a watcher answering through `grade`. */
function setup(
  options: {
    revealScore?: boolean;
    perMinute?: number;
    grade?: (file: string, refusal?: string) => Promise<CompetitionReport>;
    clock?: () => number;
    secrets?: string[];
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-validate-"));
  const scoreDir = path.join(dir, "score");
  const script = path.join(dir, "validate_submission.sh");
  writeFileSync(script, VALIDATE_SCRIPT, { mode: 0o755 });
  mkdirSync(scoreDir, { recursive: true });
  const entries: ValidationEntry[] = [];
  const graded: string[] = [];
  const watcher = new ValidationWatcher({
    scoreDir,
    startedAtMs: 0,
    revealScore: options.revealScore ?? false,
    ...(options.perMinute === undefined ? {} : { perMinute: options.perMinute }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    pollMs: 20,
    grade:
      options.grade ??
      (async (file, refusal) => {
        graded.push(file);
        if (refusal !== undefined) return report(false, refusal);
        return readFileSync(file, "utf8").startsWith("id,")
          ? report(true)
          : report(false, "the submission has no id column");
      }),
    record: (entry) => entries.push(entry),
  });
  watcher.start();
  const check = async (file: string) => {
    // The checker exits 1 for a usage problem (a missing file): its message is what counts here.
    const answer = await run(script, [file], { env: { ...process.env, BENCH_SCORE_DIR: scoreDir } }).catch(
      (error: { stdout: string }) => error,
    );
    return answer.stdout;
  };
  return { dir, scoreDir, script, watcher, entries, graded, check };
}

describe("SlidingWindowLimit", () => {
  it("allows N in any minute and says when the next one is free", () => {
    const limit = new SlidingWindowLimit(2, 60_000);
    expect(limit.take(0)).toEqual({ ok: true });
    expect(limit.take(10_000)).toEqual({ ok: true });
    expect(limit.take(20_000)).toEqual({ ok: false, retryAfterMs: 40_000 });
    expect(limit.take(60_000)).toEqual({ ok: true });
    expect(limit.take(60_001)).toEqual({ ok: false, retryAfterMs: 9_999 });
    expect(() => new SlidingWindowLimit(0)).toThrow(TypeError);
  });
});

describe("ValidationWatcher with bench's checker script", () => {
  it("answers with the reference's exact texts, never a score, and logs each request", async () => {
    const t = setup();
    try {
      const good = path.join(t.dir, "good.csv");
      writeFileSync(good, "id,y\n1,0.5\n");
      const bad = path.join(t.dir, "bad.csv");
      writeFileSync(bad, "nope\n");
      expect(JSON.parse(await t.check(good))).toEqual({ result: VALID_MESSAGE });
      expect(JSON.parse(await t.check(bad))).toEqual({
        result: `${GRADE_ERROR_PREFIX}the submission has no id column`,
      });
      expect(await t.check(path.join(t.dir, "absent.csv"))).toBe(
        `File ${path.join(t.dir, "absent.csv")} does not exist.\n`,
      );
      expect(t.entries.map((e) => e.verdict)).toEqual(["valid", "invalid"]);
      // The copies bench graded are gone; nothing is left in the score folder.
      expect(readdirSync(t.scoreDir)).toEqual([]);
    } finally {
      await t.watcher.stop();
    }
  });

  it("answers RE-bench kinds with their score", async () => {
    const t = setup({ revealScore: true });
    try {
      const good = path.join(t.dir, "good.csv");
      writeFileSync(good, "id,y\n1,0.5\n");
      expect(JSON.parse(await t.check(good))).toEqual({ result: VALID_MESSAGE, score: 0.8123 });
    } finally {
      await t.watcher.stop();
    }
  });

  it("rate-limits per run: past the limit the answer says so and when to retry", async () => {
    let now = 1_000;
    const t = setup({ perMinute: 2, clock: () => now });
    try {
      const good = path.join(t.dir, "good.csv");
      writeFileSync(good, "id,y\n1,0.5\n");
      await t.check(good);
      now = 11_000;
      await t.check(good);
      now = 31_000;
      const limited = JSON.parse(await t.check(good));
      expect(limited.result).toBe(
        "Too many validation requests: bench answers at most 2 per minute for this run. Try again in 30 s.",
      );
      expect(limited.retry_after_secs).toBe(30);
      now = 61_001;
      expect(JSON.parse(await t.check(good))).toEqual({ result: VALID_MESSAGE });
      expect(t.entries.map((e) => e.verdict)).toEqual(["valid", "valid", "rate_limited", "valid"]);
      expect(t.graded).toHaveLength(3);
    } finally {
      await t.watcher.stop();
    }
  });

  it("refuses a link unread, and masks secrets in what it answers", async () => {
    const t = setup({ secrets: ["hunter2-secret"] });
    try {
      const stem = "validate-x-1";
      symlinkSync("/etc/passwd", path.join(t.scoreDir, `${stem}.csv`));
      writeFileSync(path.join(t.scoreDir, `${stem}.validate`), "");
      await t.watcher.poll();
      expect(t.entries[0]).toMatchObject({ verdict: "invalid" });
      expect(t.entries[0]!.message).toMatch(/symbolic link/);
      expect(existsSync(path.join(t.scoreDir, `${stem}.csv`))).toBe(false);

      const leaky = setup({
        secrets: ["hunter2-secret"],
        grade: async () => report(false, "cell 'hunter2-secret' is not a number"),
      });
      try {
        const file = path.join(leaky.dir, "s.csv");
        writeFileSync(file, "id,y\n1,hunter2-secret\n");
        const answer = JSON.parse(await leaky.check(file));
        expect(answer.result).toBe(`${GRADE_ERROR_PREFIX}cell '***' is not a number`);
        expect(leaky.entries[0]!.message).not.toContain("hunter2");
      } finally {
        await leaky.watcher.stop();
      }
    } finally {
      await t.watcher.stop();
    }
  });
});
