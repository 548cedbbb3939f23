// Masks secret values (an agent's `${{ secrets.NAME }}` and pass_env values) wherever bench writes text
// an agent could have produced: its output in agent.log, and its run's messages and notes in the store.
// The agent itself sees its secrets; nobody reading bench's files or reports does.

import { Writable } from "node:stream";

export const REDACTED = "***";

/** `text` with every occurrence of every secret replaced by ***. */
export function redactText(text: string, secrets: readonly string[] | undefined): string {
  if (secrets === undefined || secrets.length === 0) return text;
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") out = out.split(secret).join(REDACTED);
  }
  return out;
}

function replaceAll(buffer: Buffer, secrets: readonly Buffer[]): Buffer {
  let out = buffer;
  const mask = Buffer.from(REDACTED);
  for (const secret of secrets) {
    let at = out.indexOf(secret);
    if (at < 0) continue;
    const parts: Buffer[] = [];
    let from = 0;
    while (at >= 0) {
      parts.push(out.subarray(from, at), mask);
      from = at + secret.length;
      at = out.indexOf(secret, from);
    }
    parts.push(out.subarray(from));
    out = Buffer.concat(parts);
  }
  return out;
}

/**
 * A sink that masks secrets in a byte stream before handing it to `sink`. A secret split across two
 * writes is still masked: the end of a partial line that could begin one is held back until the next
 * write, or until this stream is ended (end() never ends `sink`). Whole lines pass at once.
 */
export class RedactingSink extends Writable {
  readonly #sink: Writable;
  readonly #secrets: Buffer[];
  readonly #hold: number;
  #pending: Buffer = Buffer.alloc(0);

  constructor(sink: Writable, secrets: readonly string[]) {
    super();
    this.#sink = sink;
    this.#secrets = [...secrets]
      .filter((s) => s !== "")
      .sort((a, b) => b.length - a.length)
      .map((s) => Buffer.from(s));
    this.#hold = Math.max(0, ...this.#secrets.map((s) => s.length - 1));
    // A write after the run's end (a straggler) is dropped, not thrown.
    this.on("error", () => {});
  }

  #forward(data: Buffer, callback: (error?: Error | null) => void): void {
    if (data.length === 0 || this.#sink.writableEnded) {
      callback();
      return;
    }
    if (this.#sink.write(data)) callback();
    else this.#sink.once("drain", () => callback());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const buffer = replaceAll(Buffer.concat([this.#pending, chunk]), this.#secrets);
    const lastNewline = buffer.lastIndexOf(0x0a);
    const partial = buffer.length - (lastNewline + 1);
    const keep = Math.min(partial, this.#hold);
    this.#pending = Buffer.from(buffer.subarray(buffer.length - keep));
    this.#forward(buffer.subarray(0, buffer.length - keep), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const rest = this.#pending;
    this.#pending = Buffer.alloc(0);
    this.#forward(rest, callback);
  }
}

/** `sink` itself when there is nothing to mask, else a RedactingSink in front of it. */
export function redactingSink(sink: Writable, secrets: readonly string[] | undefined): Writable {
  return secrets === undefined || secrets.length === 0 ? sink : new RedactingSink(sink, secrets);
}

/** Ends a sink made by redactingSink (flushing what it held back); leaves a plain sink open. */
export async function closeRedactingSink(sink: Writable): Promise<void> {
  if (!(sink instanceof RedactingSink) || sink.writableEnded) return;
  await new Promise<void>((resolve) => sink.end(() => resolve()));
}
