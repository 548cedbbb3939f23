// In-run validation, MLE-bench's submission checker without the answers inside: the agent runs
// /home/validate_submission.sh FILE (or $BENCH_VALIDATE FILE), which copies FILE to
// $BENCH_SCORE_DIR/<stem>.csv and then creates <stem>.validate (runtimes/agent-contract-files.ts).
// bench grades the copy OUTSIDE the agent's reach (a regular file only; links refused unread), logs
// the request with its time and verdict, and answers in <stem>.validation.json with the reference
// server's JSON: {"result": "Submission is valid."} or {"result": "Submission invalid! <reason>"}. A
// medal-graded competition's answer never holds a score; an RE-bench kind's carries it ("score"), as its
// score requests do. Answers are rate-limited per run (a sliding minute); past the limit the answer says
// so and when to try again.

import { lstatSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompetitionReport } from "../grading/grade-report.js";
import { VALIDATE_ANSWER_SUFFIX, VALIDATE_REQUEST_SUFFIX } from "../runtimes/agent-contract-files.js";
import { redactText } from "../runtimes/redact.js";
import { boundedText } from "../store/bounded-text.js";
import type { ValidationEntry } from "../store/validations-repo.js";
import { PollLoop } from "./poll-loop.js";

export const VALID_MESSAGE = "Submission is valid.";
export const INVALID_PREFIX = "Submission invalid!";
/** The reference's wording when its grade function raised: the reason follows on the next line. */
export const GRADE_ERROR_PREFIX = `${INVALID_PREFIX} The attempt to grade the submission has resulted in the following error message:\n`;

/** Default answers per minute for one run. */
export const DEFAULT_VALIDATIONS_PER_MINUTE = 5;

const WINDOW_MS = 60_000;
/** Longest reason quoted back to the agent. */
const MAX_REASON_CHARS = 1_000;
/** Requests logged per run, at most (each is a row): past it, one more row says so and no others follow. */
const MAX_LOGGED = 1_000;

/** At most `perWindow` takes in any `windowMs`; a refused take does not count. */
export class SlidingWindowLimit {
  readonly #perWindow: number;
  readonly #windowMs: number;
  readonly #taken: number[] = [];

  constructor(perWindow: number, windowMs = WINDOW_MS) {
    if (!(Number.isSafeInteger(perWindow) && perWindow > 0)) {
      throw new TypeError(`perWindow must be a positive whole number, got ${String(perWindow)}`);
    }
    this.#perWindow = perWindow;
    this.#windowMs = windowMs;
  }

  /** Takes one at `nowMs`, or says how long until one is free. */
  take(nowMs: number): { ok: true } | { ok: false; retryAfterMs: number } {
    while (this.#taken.length > 0 && this.#taken[0]! <= nowMs - this.#windowMs) this.#taken.shift();
    if (this.#taken.length >= this.#perWindow) {
      return { ok: false, retryAfterMs: this.#taken[0]! + this.#windowMs - nowMs };
    }
    this.#taken.push(nowMs);
    return { ok: true };
  }
}

export interface ValidationAnswer {
  result: string;
  /** RE-bench kinds only. */
  score?: number | null;
  /** Rate-limited answers only: seconds until a request will be answered. */
  retry_after_secs?: number;
}

/** The agent's answer for a grade report (pure): the reference's texts; a score only when revealed. */
export function validationAnswer(
  report: Pick<CompetitionReport, "valid_submission" | "error" | "score">,
  revealScore: boolean,
): ValidationAnswer {
  const result = report.valid_submission
    ? VALID_MESSAGE
    : `${GRADE_ERROR_PREFIX}${boundedText(report.error ?? "the submission could not be graded", MAX_REASON_CHARS)}`;
  return revealScore ? { result, score: report.score } : { result };
}

export function rateLimitedAnswer(perMinute: number, retryAfterMs: number): ValidationAnswer {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    result: `Too many validation requests: bench answers at most ${perMinute} per minute for this run. Try again in ${seconds} s.`,
    retry_after_secs: seconds,
  };
}

export interface ValidationWatcherOptions {
  scoreDir: string;
  startedAtMs: number;
  /** Grades one candidate file; `refusal` is set when the file must not be read. */
  grade: (file: string, refusal?: string) => Promise<CompetitionReport>;
  /** Writes one request's row (the store). */
  record: (entry: ValidationEntry) => void;
  /** Whether answers carry the score (RE-bench kinds); never for medal-graded competitions. */
  revealScore: boolean;
  /** Answers per minute (default 5). */
  perMinute?: number;
  /** Secret values to mask in what is logged and answered. */
  secrets?: readonly string[];
  pollMs?: number;
  clock?: () => number;
  onError?: (message: string) => void;
}

const REQUEST = new RegExp(`^([A-Za-z0-9._-]{1,100})${VALIDATE_REQUEST_SUFFIX.replace(".", "\\.")}$`);

export class ValidationWatcher {
  readonly #options: ValidationWatcherOptions;
  readonly #loop: PollLoop;
  readonly #limit: SlidingWindowLimit;
  readonly #perMinute: number;
  #logged = 0;

  constructor(options: ValidationWatcherOptions) {
    this.#options = options;
    this.#perMinute = options.perMinute ?? DEFAULT_VALIDATIONS_PER_MINUTE;
    this.#limit = new SlidingWindowLimit(this.#perMinute);
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
      `the validation watcher failed: ${boundedText(error instanceof Error ? error.message : String(error), 500)}`,
    );
  }

  /** Answers every pending request once. */
  async poll(): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.#options.scoreDir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const match = REQUEST.exec(name);
      if (match) await this.#answer(match[1]!);
    }
  }

  async #answer(stem: string): Promise<void> {
    const { scoreDir } = this.#options;
    const clock = this.#options.clock ?? Date.now;
    // The request goes first: a request is answered once, whatever happens below.
    rmSync(path.join(scoreDir, `${stem}${VALIDATE_REQUEST_SUFFIX}`), { force: true });
    const csv = path.join(scoreDir, `${stem}.csv`);
    const taken = this.#limit.take(clock());
    let answer: ValidationAnswer;
    let verdict: ValidationEntry["verdict"];
    if (!taken.ok) {
      answer = rateLimitedAnswer(this.#perMinute, taken.retryAfterMs);
      verdict = "rate_limited";
    } else {
      let refusal: string | undefined;
      try {
        const info = lstatSync(csv);
        if (info.isSymbolicLink()) refusal = "the file is a symbolic link; bench checks regular files only.";
        else if (!info.isFile()) refusal = "the file is not a regular file.";
      } catch {
        refusal = "the file to check was not found; it was removed before bench could read it.";
      }
      try {
        const report = await this.#options.grade(csv, refusal);
        answer = validationAnswer(report, this.#options.revealScore);
        verdict = report.valid_submission ? "valid" : "invalid";
      } catch (error) {
        // What the file did to the grader is this request's failure, never the run's.
        answer = {
          result: `${INVALID_PREFIX} bench could not check the file: ${boundedText(error instanceof Error ? error.message : String(error), MAX_REASON_CHARS)}`,
        };
        verdict = "error";
        this.#report(error);
      }
    }
    answer = { ...answer, result: redactText(answer.result, this.#options.secrets) };
    // bench's copy has served its purpose; the agent's own file is where it left it.
    rmSync(csv, { force: true });
    const atMs = clock();
    this.#logged++;
    if (this.#logged <= MAX_LOGGED + 1) {
      const entry: ValidationEntry =
        this.#logged <= MAX_LOGGED
          ? { atMs, elapsedMs: atMs - this.#options.startedAtMs, verdict, message: answer.result }
          : {
              atMs,
              elapsedMs: atMs - this.#options.startedAtMs,
              verdict,
              message: `this run made more than ${MAX_LOGGED} validation requests; later ones are answered but not logged`,
            };
      try {
        this.#options.record(entry);
      } catch (error) {
        this.#report(error);
      }
    }
    this.#writeAnswer(stem, answer);
  }

  #writeAnswer(stem: string, answer: ValidationAnswer): void {
    const file = path.join(this.#options.scoreDir, `${stem}${VALIDATE_ANSWER_SUFFIX}`);
    const tmp = `${file}.tmp`;
    try {
      rmSync(file, { force: true });
      writeFileSync(tmp, `${JSON.stringify(answer)}\n`, { flag: "wx" });
      renameSync(tmp, file); // the checker waits for this name: it never sees half an answer
    } catch {
      // The agent may have removed its folder; the logged row is what counts.
    }
  }
}
