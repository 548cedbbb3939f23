// An agent's LLM usage, read while it runs. The agent appends one JSON line per LLM call to
// $BENCH_USAGE_FILE (score/usage.jsonl in its run folder): {"model", "input_tokens", "output_tokens",
// "cost_usd"?}. Like the score-request watcher, bench polls the file from outside the agent's reach:
// only a regular file is read (a link is refused unopened), only the bytes added since the last poll,
// lines of bounded length, the file itself of bounded size. The totals (usage-accounting.ts) go to the
// store as they grow, and a run past its agent's budget is reported once (the scheduler then stops it
// like at its time limit and records it `over_budget`). A malformed line is counted, never fatal.
//
// The last poll, after the agent has exited, reads what is left, a final line without its newline
// included: usage reported just before the end still counts, and may still put the run over budget.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { boundedText } from "../store/bounded-text.js";
import { PollLoop } from "./poll-loop.js";
import {
  type ModelUsage,
  overBudget,
  type PriceTable,
  parseUsageLine,
  type UsageBudget,
  UsageTally,
} from "./usage-accounting.js";

export interface UsageWatcherOptions {
  /** The usage file on the host. */
  file: string;
  prices?: PriceTable | undefined;
  budget?: UsageBudget | undefined;
  /** Replaces the run's stored usage with these totals; called at start and whenever they change. */
  record: (models: readonly ModelUsage[]) => void;
  /** Called once, when the totals pass the budget, with a sentence saying so. */
  onOverBudget?: (message: string) => void;
  /** Largest usage file read (bytes); past it, `onOverLimit` is called once. Default 64 MiB. */
  maxBytes?: number;
  onOverLimit?: (bytes: number) => void;
  /** Longest line read; a longer one is counted as malformed and skipped. Default 64 KiB. */
  maxLineBytes?: number;
  /** Default 500 ms. */
  pollMs?: number;
  /** Told about anything unexpected (the store refused a write): bench goes on. */
  onError?: (message: string) => void;
}

export const DEFAULT_MAX_USAGE_FILE_BYTES = 64 * 2 ** 20;
/** Most bytes read in one poll while the agent runs: a poll never holds the event loop for long. */
const READ_PER_POLL = 4 * 2 ** 20;
const CHUNK = 2 ** 20;
const NEWLINE = 0x0a;

export class UsageWatcher {
  readonly #options: UsageWatcherOptions;
  readonly #tally = new UsageTally();
  readonly #notes = new Set<string>();
  readonly #loop: PollLoop;
  /** Bytes of the file read so far. */
  #offset = 0;
  /** The start of a line whose newline has not been read yet. */
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** Inside a line already too long: its bytes are dropped up to its newline. */
  #skipping = false;
  #lineNumber = 0;
  #recordedCalls = -1;
  #overBudget = false;
  #overLimit = false;

  constructor(options: UsageWatcherOptions) {
    this.#options = options;
    this.#loop = new PollLoop(
      () => this.poll(),
      (error) => this.#report(error),
      options.pollMs,
    );
  }

  get tally(): UsageTally {
    return this.#tally;
  }

  /** Records the (empty) usage of this attempt, then polls. */
  start(): void {
    this.#record();
    this.#loop.start();
  }

  /** Stops polling after reading everything the agent wrote. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    try {
      this.poll({ final: true });
    } catch (error) {
      this.#report(error);
    }
  }

  /** What the run's record should say about its usage file. */
  notes(): string[] {
    return [...this.#notes, ...this.#tally.notes()];
  }

  /** Reads what was added to the file, updates the totals and the store, checks the budget. */
  poll(options: { final?: boolean } = {}): void {
    this.#read(options.final === true);
    if (options.final) this.#endLine(true);
    this.#record();
    if (!this.#overBudget) {
      const message = overBudget(this.#tally, this.#options.budget);
      if (message !== null) {
        this.#overBudget = true;
        this.#options.onOverBudget?.(message);
      }
    }
  }

  /** Why the file must not be read (a link, not a regular file), "absent", or null when it may be. */
  #refusal(): string | null {
    const { file } = this.#options;
    const name = path.basename(file);
    try {
      if (!lstatSync(path.dirname(file)).isDirectory()) {
        return `the folder of ${name} was replaced by a link or a file; its usage was not read`;
      }
      const info = lstatSync(file);
      if (info.isSymbolicLink()) {
        return `${name} is a symbolic link; bench reads only a regular file and never follows links`;
      }
      return info.isFile() ? null : `${name} is not a regular file; its usage was not read`;
    } catch {
      return "absent"; // not written yet (or the folder is gone)
    }
  }

  #read(final: boolean): void {
    const refusal = this.#refusal();
    if (refusal === "absent") return;
    if (refusal !== null) {
      this.#note(refusal);
      return;
    }
    const { file } = this.#options;
    const name = path.basename(file);
    let fd: number;
    try {
      // O_NOFOLLOW: the file may have been swapped for a link since the lstat; O_NONBLOCK: or for a FIFO.
      fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return;
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) {
        this.#note(`${name} is not a regular file; its usage was not read`);
        return;
      }
      if (info.size < this.#offset) {
        // Rewritten from the start: read it again. Lines written twice count twice, which errs on the
        // side of the budget.
        this.#note(`${name} was truncated while the agent ran; bench read it again from its start`);
        this.#offset = 0;
        this.#dropPending();
        this.#skipping = false;
      }
      const maxBytes = this.#options.maxBytes ?? DEFAULT_MAX_USAGE_FILE_BYTES;
      if (info.size > maxBytes && !this.#overLimit) {
        this.#overLimit = true;
        this.#note(`${name} grew past ${maxBytes} bytes; bench read its first ${maxBytes} bytes only`);
        this.#options.onOverLimit?.(info.size);
      }
      const end = Math.min(
        info.size,
        maxBytes,
        final ? Number.POSITIVE_INFINITY : this.#offset + READ_PER_POLL,
      );
      const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(0, end - this.#offset)));
      while (this.#offset < end) {
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - this.#offset), this.#offset);
        if (read === 0) break;
        this.#offset += read;
        this.#consume(buffer.subarray(0, read));
      }
    } finally {
      closeSync(fd);
    }
  }

  #consume(bytes: Buffer): void {
    let start = 0;
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, start)) {
      this.#append(bytes.subarray(start, at));
      this.#endLine(false);
      start = at + 1;
    }
    this.#append(bytes.subarray(start));
  }

  #append(bytes: Buffer): void {
    if (this.#skipping || bytes.length === 0) return;
    const maxLine = this.#options.maxLineBytes ?? 64 * 1024;
    if (this.#pendingBytes + bytes.length > maxLine) {
      this.#dropPending();
      this.#skipping = true;
      this.#tally.reject(this.#lineNumber + 1, `longer than ${maxLine} bytes`);
      return;
    }
    // A copy: the read buffer is reused by the next read.
    this.#pending.push(Buffer.from(bytes));
    this.#pendingBytes += bytes.length;
  }

  /** A line ended (its newline was read, or the file ended after the agent did). */
  #endLine(atEndOfFile: boolean): void {
    if (atEndOfFile && this.#pendingBytes === 0) {
      this.#skipping = false;
      return;
    }
    this.#lineNumber++;
    const text = Buffer.concat(this.#pending).toString("utf8").trim();
    const skipped = this.#skipping;
    this.#dropPending();
    this.#skipping = false;
    if (skipped || text === "") return;
    const call = parseUsageLine(text, this.#options.prices ?? {});
    if ("problem" in call) this.#tally.reject(this.#lineNumber, call.problem);
    else this.#tally.add(call);
  }

  #dropPending(): void {
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  #record(): void {
    if (this.#tally.calls === this.#recordedCalls) return;
    try {
      this.#options.record(this.#tally.models());
      this.#recordedCalls = this.#tally.calls;
    } catch (error) {
      this.#report(error);
    }
  }

  #note(note: string): void {
    this.#notes.add(note);
  }

  #report(error: unknown): void {
    this.#options.onError?.(
      `the usage watcher failed: ${boundedText(error instanceof Error ? error.message : String(error), 500)}`,
    );
  }
}
