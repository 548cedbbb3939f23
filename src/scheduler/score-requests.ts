// RE-bench's intermediate scoring, through a folder: while it runs, an agent may ask for its current
// solution to be scored. It writes the candidate as $BENCH_SCORE_DIR/<name>.csv, then creates
// $BENCH_SCORE_DIR/<name>.request (an empty file: "the CSV is complete"). The harness scores the CSV
// OUTSIDE the agent's reach (a regular file only; links are refused unread), appends a timestamped
// entry to the run's score log in the store, and answers with $BENCH_SCORE_DIR/<name>.result.json:
// {"score", "valid", "message", "elapsed_ms"}. The agent sees its score (RE-bench kinds; for a
// medal-graded competition only valid or invalid), never the answers.

import { lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompetitionReport } from "../grading/grade-report.js";
import { boundedText } from "../store/bounded-text.js";
import { PollLoop } from "./poll-loop.js";
import { validationAnswer } from "./validation-requests.js";

export interface ScoreLogWrite {
  atMs: number;
  elapsedMs: number;
  rawScore: number | null;
  normalizedScore: number | null;
  message: string;
  details: Record<string, unknown>;
}

export interface ScoreRequestOptions {
  scoreDir: string;
  startedAtMs: number;
  /** Grades one candidate file; `refusal` is set when the file must not be read. */
  grade: (file: string, refusal?: string) => Promise<CompetitionReport>;
  record: (entry: ScoreLogWrite) => void;
  pollMs?: number;
  clock?: () => number;
  /**
   * Largest total size of the score folder (a writable host folder the agent could otherwise fill the
   * disk through); past it, `onOverLimit` is called once. Default 1 GiB.
   */
  maxBytes?: number;
  onOverLimit?: (bytes: number) => void;
  /**
   * Most requests answered with a score in one run (default 1,000): each one is a grading and a row in
   * the store. Later requests are answered with a refusal and logged once.
   */
  maxRequests?: number;
  /** Told about anything unexpected (a grader that threw): the request is answered, bench goes on. */
  onError?: (message: string) => void;
  /**
   * Whether the answer carries the score (default true: RE-bench kinds). For a medal-graded
   * competition it must not: the answer then says valid or invalid in the reference's words, the
   * score goes to the store only (see validation-requests.ts).
   */
  revealScore?: boolean;
}

/** Longest message written into an answer file or the score log. */
const MAX_MESSAGE_CHARS = 500;

/** Bytes of the regular files under `dir` (links are not followed), stopping once past `stopAt`. */
export function folderBytes(dir: string, stopAt = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= stopAt) {
    const current = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const info = lstatSync(path.join(current, name));
        if (info.isDirectory()) pending.push(path.join(current, name));
        else if (info.isFile()) total += info.size;
      } catch {
        // removed meanwhile
      }
    }
  }
  return total;
}

const REQUEST = /^([A-Za-z0-9._-]{1,100})\.request$/;

export class ScoreRequestWatcher {
  readonly #options: ScoreRequestOptions;
  readonly #loop: PollLoop;
  readonly #handled = new Set<string>();

  constructor(options: ScoreRequestOptions) {
    this.#options = options;
    this.#loop = new PollLoop(
      () => this.poll(),
      (error) => this.#report(error),
      options.pollMs,
    );
  }

  start(): void {
    this.#loop.start();
  }

  /** Stops polling after answering any request already made. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.poll().catch((error: unknown) => this.#report(error));
  }

  #report(error: unknown): void {
    this.#options.onError?.(
      `the score-request watcher failed: ${boundedText(error instanceof Error ? error.message : String(error), MAX_MESSAGE_CHARS)}`,
    );
  }

  #answered = 0;

  #overLimit = false;

  /** Answers every pending request once, and checks the folder's size. */
  async poll(): Promise<void> {
    const maxBytes = this.#options.maxBytes ?? 1024 ** 3;
    if (!this.#overLimit && this.#options.onOverLimit) {
      const bytes = folderBytes(this.#options.scoreDir, maxBytes);
      if (bytes > maxBytes) {
        this.#overLimit = true;
        this.#options.onOverLimit(bytes);
      }
    }
    let names: string[];
    try {
      names = readdirSync(this.#options.scoreDir);
    } catch {
      return; // the folder is not there (yet)
    }
    for (const name of names.sort()) {
      const match = REQUEST.exec(name);
      if (!match || this.#handled.has(name)) continue;
      this.#handled.add(name);
      await this.#answer(match[1]!);
    }
  }

  async #answer(stem: string): Promise<void> {
    const { scoreDir } = this.#options;
    const clock = this.#options.clock ?? Date.now;
    const csv = path.join(scoreDir, `${stem}.csv`);
    let refusal: string | undefined;
    try {
      const info = lstatSync(csv);
      if (info.isSymbolicLink()) refusal = `${stem}.csv is a symbolic link; only regular files are scored.`;
      else if (!info.isFile()) refusal = `${stem}.csv is not a regular file.`;
    } catch {
      refusal = `${stem}.csv was not found: write the CSV first, then create ${stem}.request.`;
    }
    const maxRequests = this.#options.maxRequests ?? 1_000;
    this.#answered++;
    if (this.#answered > maxRequests) {
      const atMs = clock();
      const message = `refused: this run has made more than ${maxRequests} score requests, the most bench answers in one run.`;
      // Logged once, so the store says why later requests went unanswered without a row per request.
      if (this.#answered === maxRequests + 1) {
        this.#options.record({
          atMs,
          elapsedMs: atMs - this.#options.startedAtMs,
          rawScore: null,
          normalizedScore: null,
          message,
          details: { request: stem, valid: false },
        });
      }
      this.#writeAnswer(stem, {
        score: null,
        valid: false,
        message,
        elapsed_ms: atMs - this.#options.startedAtMs,
      });
      return;
    }
    let score: number | null = null;
    let normalized: number | null = null;
    let valid = false;
    let message: string;
    try {
      const report = await this.#options.grade(csv, refusal);
      score = report.score;
      normalized = report.normalized_score ?? null;
      valid = report.valid_submission;
      message = valid ? "scored" : (report.error ?? "invalid");
    } catch (error) {
      // Whatever the file did to the grader is this request's failure, never the sweep's.
      message = `bench could not score ${stem}.csv: ${error instanceof Error ? error.message : String(error)}`;
      this.#report(error);
    }
    message = boundedText(message, MAX_MESSAGE_CHARS);
    const atMs = clock();
    const elapsedMs = atMs - this.#options.startedAtMs;
    try {
      this.#options.record({
        atMs,
        elapsedMs,
        rawScore: score,
        normalizedScore: normalized,
        message,
        details: { request: stem, valid },
      });
    } catch (error) {
      this.#report(error);
    }
    if (this.#options.revealScore === false) {
      const hidden = validationAnswer({ valid_submission: valid, error: message, score }, false).result;
      this.#writeAnswer(stem, { score: null, valid, message: hidden, elapsed_ms: elapsedMs });
      return;
    }
    this.#writeAnswer(stem, { score, valid, message, elapsed_ms: elapsedMs });
  }

  #writeAnswer(
    stem: string,
    answer: { score: number | null; valid: boolean; message: string; elapsed_ms: number },
  ): void {
    const { scoreDir } = this.#options;
    // Write the answer, then drop the request: an agent waiting on the result file never sees half of it.
    const resultPath = path.join(scoreDir, `${stem}.result.json`);
    const tmp = `${resultPath}.tmp`;
    try {
      rmSync(resultPath, { force: true });
      writeFileSync(tmp, `${JSON.stringify(answer)}\n`, { flag: "wx" });
      renameSync(tmp, resultPath); // atomic within one filesystem
      rmSync(path.join(scoreDir, `${stem}.request`), { force: true });
      // The request is gone: the same name may be used again for a later request.
      this.#handled.delete(`${stem}.request`);
    } catch {
      // The agent may have removed its folder; the score log entry is what counts.
    }
  }
}
