// The run's agent.log on the host: the agent's stdout and stderr as they arrive, up to a size cap so
// that an agent printing in a loop cannot fill the host's disk, plus bench's own notes about the run
// (lines starting with "[bench]").

import { createWriteStream, type WriteStream } from "node:fs";
import { Writable } from "node:stream";

/** A line of bench's own in the sink's queue (the agent's output is bytes). */
class LogNote {
  constructor(readonly line: string) {}
}

export class CappedLogFile {
  readonly #file: WriteStream;
  readonly #opened: Promise<void>;
  #bytesLeft: number;
  #truncated = false;
  /** Where the agent's output goes. */
  readonly sink: Writable;

  constructor(file: string, maxBytes: number) {
    this.#file = createWriteStream(file, { flags: "w", mode: 0o644 });
    this.#opened = new Promise((resolve, reject) => {
      this.#file.once("open", () => resolve());
      this.#file.once("error", reject);
    });
    // A log that cannot be written (disk full) loses lines, never the run: errors are not rethrown.
    this.#file.on("error", () => {});
    this.#bytesLeft = maxBytes;
    // Object mode: the agent's output arrives as bytes, bench's notes as LogNote objects, through the
    // same queue, so a note lands after all the output that came before it (written directly, a
    // note overtook output still queued, and lines of a fast agent appeared after "[bench] completed").
    this.sink = new Writable({
      objectMode: true,
      write: (chunk: Uint8Array | string | LogNote, _encoding, callback) => {
        if (chunk instanceof LogNote) this.#file.write(`[bench] ${chunk.line}\n`, callback);
        else this.#writeOutput(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk), callback);
      },
    });
    // Output arriving after close() (a log stream that lingers) is dropped, not an uncaught error.
    this.sink.on("error", () => {});
  }

  /** Resolves once the file exists; rejects when it cannot be created. */
  opened(): Promise<void> {
    return this.#opened;
  }

  get truncated(): boolean {
    return this.#truncated;
  }

  #writeOutput(chunk: Buffer, callback: (error?: Error | null) => void): void {
    if (this.#bytesLeft <= 0) {
      callback();
      return;
    }
    const kept = chunk.length <= this.#bytesLeft ? chunk : chunk.subarray(0, this.#bytesLeft);
    this.#bytesLeft -= kept.length;
    if (this.#bytesLeft <= 0 && !this.#truncated) {
      this.#truncated = true;
      this.#file.write(kept);
      this.#file.write(
        "\n[bench] the agent's output reached the log size limit; the rest was dropped\n",
        callback,
      );
      return;
    }
    this.#file.write(kept, callback);
  }

  /** Appends a line of bench's own (not counted against the cap), after all output received so far. */
  note(line: string): void {
    if (!this.sink.writableEnded) this.sink.write(new LogNote(line));
    else if (!this.#file.writableEnded) this.#file.write(`[bench] ${line}\n`);
  }

  /** Flushes and closes; safe to call twice. */
  async close(): Promise<void> {
    if (!this.sink.writableEnded) {
      await new Promise<void>((resolve) => this.sink.end(resolve));
    }
    if (!this.#file.closed) {
      await new Promise<void>((resolve) => {
        this.#file.once("close", resolve);
        if (!this.#file.writableEnded) this.#file.end();
      });
    }
  }
}
