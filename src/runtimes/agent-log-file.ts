// Reading a run's agent.log for `bench runs show` (its last lines) and `bench logs` (all of it, and with
// -f what is appended while the run runs). The file sits in the run's folder, within reach of an agent
// under the local runtime: it is opened without following a link and read only if it is a regular file
// (a FIFO would block bench forever), and its text is cleaned line by line (log-text.ts).

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { capLine, LogLineSplitter } from "./log-text.js";

export type LogOpen = { fd: number; size: number; ino: number } | { fd: null; problem: string | null };

/** Opens the log for reading; `problem` is null when there is no file (yet), else why it is not read. */
export function openLog(file: string): LogOpen {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { fd: null, problem: null };
    if (code === "ELOOP")
      return { fd: null, problem: `${file} is a symbolic link; bench does not follow it.` };
    return { fd: null, problem: `${file} cannot be read: ${(error as Error).message}.` };
  }
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    return { fd: null, problem: `${file} is not a regular file; bench reads only regular files.` };
  }
  return { fd, size: info.size, ino: info.ino };
}

export interface LogTail {
  lines: string[];
  /** Why there are no lines to show: no file, or a file bench will not read. Null when read. */
  problem: string | null;
}

/** How much of the end of the file the tail reads: enough for the lines, however the file grew. */
const TAIL_BYTES = 256 * 1024;

/** The last `lines` lines of the log, cleaned, each cut to `maxLineChars`. */
export function readLogTail(file: string, lines = 20, maxLineChars = 200): LogTail {
  const opened = openLog(file);
  if (opened.fd === null) return { lines: [], problem: opened.problem ?? `there is no ${file} (yet).` };
  try {
    const start = Math.max(0, opened.size - TAIL_BYTES);
    const buffer = Buffer.alloc(opened.size - start);
    const read = readSync(opened.fd, buffer, 0, buffer.length, start);
    let bytes = buffer.subarray(0, read);
    // Starting mid-file: the first line is cut, drop it.
    if (start > 0) bytes = bytes.subarray(bytes.indexOf(0x0a) + 1);
    const splitter = new LogLineSplitter();
    const all = [...splitter.push(bytes), ...splitter.end()];
    return { lines: all.slice(-lines).map((line) => capLine(line, maxLineChars)), problem: null };
  } finally {
    closeSync(opened.fd);
  }
}

export type FollowState = { done: false } | { done: true; reason: string };

export interface PrintLogOptions {
  /** Writes a piece of output; may return a promise to wait for (a full pipe). */
  write: (text: string) => unknown;
  /** Says something about the following itself (waiting, restarted), not part of the log. */
  notice: (message: string) => void;
  /** Present: follow the log until it says the run is done or `signal` aborts. */
  follow?: {
    state: () => FollowState;
    /** How often to look for new lines and at the run's state, ms (default 500). */
    pollMs?: number;
    signal?: AbortSignal;
  };
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Prints the log, cleaned. Following, it reads what was appended at every poll; a file replaced or
 * cut shorter (the run started again) is read again from its start. Returns why it stopped.
 */
export async function printAgentLog(file: string, options: PrintLogOptions): Promise<string> {
  let splitter = new LogLineSplitter();
  let offset = 0;
  let ino: number | null = null;
  let told: string | null = null;
  const emit = async (lines: string[]) => {
    if (lines.length > 0) await options.write(`${lines.join("\n")}\n`);
  };
  const readNew = async (): Promise<void> => {
    const opened = openLog(file);
    if (opened.fd === null) {
      const message =
        opened.problem ?? (options.follow ? `waiting for ${file} to appear.` : `there is no ${file}.`);
      if (told !== message) options.notice(message);
      told = message;
      return;
    }
    told = null;
    try {
      if (ino !== null && (opened.ino !== ino || opened.size < offset)) {
        await emit(splitter.end());
        options.notice(`${file} was started again; printing it from its start.`);
        splitter = new LogLineSplitter();
        offset = 0;
      }
      ino = opened.ino;
      const buffer = Buffer.alloc(CHUNK_BYTES);
      for (;;) {
        const read = readSync(opened.fd, buffer, 0, buffer.length, offset);
        if (read === 0) break;
        offset += read;
        await emit(splitter.push(buffer.subarray(0, read)));
      }
    } finally {
      closeSync(opened.fd);
    }
  };

  const follow = options.follow;
  if (follow === undefined) {
    await readNew();
    await emit(splitter.end());
    return "end of the log";
  }
  for (;;) {
    // The state is read before the file: a run seen finished has written all it will write.
    const state = follow.state();
    await readNew();
    if (state.done) {
      await emit(splitter.end());
      return state.reason;
    }
    try {
      await sleep(follow.pollMs ?? 500, undefined, follow.signal ? { signal: follow.signal } : {});
    } catch {
      await emit(splitter.end());
      return "interrupted";
    }
  }
}
