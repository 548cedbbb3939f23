// An agent's log as bench prints it on a terminal. The log is whatever the agent wrote, so it is hostile
// input: escape sequences could move the cursor, retitle the window, rewrite what was printed before or
// hide a line; bidirectional overrides can make a line read differently from what it says. Lines are
// cut from the bytes as they arrive and cleaned one at a time, so a log of any size streams through.

import { StringDecoder } from "node:string_decoder";

// Escape sequences, removed whole: CSI (colours, cursor moves), OSC (titles, links, clipboard), DCS,
// SOS, PM and APC strings, two-byte escapes, and their 8-bit C1 forms. A string never runs past the end
// of its line, so an unterminated one cannot swallow the rest of the log. No nested quantifiers: linear.
const ESCAPE_SEQUENCES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;

// What is left that a terminal would act on rather than print: C0 controls but the tab, DEL, C1
// controls, bidirectional marks and overrides, and line/paragraph separators.
const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of the log, safe to print: escape sequences and control characters removed. A line an
 * agent rewrote with carriage returns (a progress bar) reads as its last version, as a terminal shows it.
 */
export function cleanLogLine(raw: string): string {
  let line = raw.replace(ESCAPE_SEQUENCES, "");
  line = line.replace(/\r+$/, "");
  line = line.slice(line.lastIndexOf("\r") + 1);
  return line.replace(CONTROL_CHARACTERS, "");
}

/** `line` cut to `max` characters, saying how long it was: `aaaa… (5000 characters)`. */
export function capLine(line: string, max: number): string {
  if (line.length <= max) return line;
  let cut = line.slice(0, max);
  // Never leave half of a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}… (${line.length} characters)`;
}

/** A pending line longer than this is printed in pieces rather than held without bound. */
export const MAX_PENDING_CHARS = 64 * 1024;

/** Turns the log's bytes, as they arrive, into clean lines. */
export class LogLineSplitter {
  readonly #decoder = new StringDecoder("utf8");
  #pending = "";

  /** The lines completed by `bytes`, cleaned. */
  push(bytes: Buffer): string[] {
    const text = this.#pending + this.#decoder.write(bytes);
    const parts = text.split("\n");
    let pending = parts.pop() ?? "";
    // A progress bar redrawn with \r and no newline only needs its last version kept.
    const lastReturn = pending.lastIndexOf("\r", pending.length - 2);
    if (lastReturn >= 0) pending = pending.slice(lastReturn + 1);
    while (pending.length > MAX_PENDING_CHARS) {
      parts.push(pending.slice(0, MAX_PENDING_CHARS));
      pending = pending.slice(MAX_PENDING_CHARS);
    }
    this.#pending = pending;
    return parts.map(cleanLogLine);
  }

  /** The last line, if the log does not end with a newline. */
  end(): string[] {
    const rest = this.#pending + this.#decoder.end();
    this.#pending = "";
    return rest === "" ? [] : [cleanLogLine(rest)];
  }
}
