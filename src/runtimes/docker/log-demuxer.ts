// Splits Docker's multiplexed log stream (no TTY: 8-byte frame headers, [type, 0, 0, 0, size as
// uint32 BE], then the payload) into one sink, in linear time and with backpressure. dockerode's own
// demuxStream copies the rest of its buffer for every frame and ignores backpressure: an agent that
// printed 200 MB of short lines kept bench busy for more than ten minutes at 2 GB of memory. Here a
// payload is passed on as a view of the chunk it arrived in, and the next chunk is not read until the
// sink has taken the last one.

import { Writable } from "node:stream";

const HEADER_BYTES = 8;

export class LogDemuxer extends Writable {
  readonly #sink: Writable;
  readonly #header = Buffer.alloc(HEADER_BYTES);
  #headerFilled = 0;
  /** Payload bytes of the current frame still to come. */
  #payloadLeft = 0;
  /** The stream is not multiplexed after all (a TTY, or misaligned): pass the rest through as it is. */
  #raw = false;

  constructor(sink: Writable) {
    super();
    this.#sink = sink;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#raw) {
        parts.push(chunk.subarray(offset));
        break;
      }
      if (this.#payloadLeft > 0) {
        const take = Math.min(this.#payloadLeft, chunk.length - offset);
        parts.push(chunk.subarray(offset, offset + take));
        this.#payloadLeft -= take;
        offset += take;
        continue;
      }
      const take = Math.min(HEADER_BYTES - this.#headerFilled, chunk.length - offset);
      chunk.copy(this.#header, this.#headerFilled, offset, offset + take);
      this.#headerFilled += take;
      offset += take;
      if (this.#headerFilled < HEADER_BYTES) break;
      this.#headerFilled = 0;
      const type = this.#header[0]!;
      if (type > 2 || this.#header[1] !== 0 || this.#header[2] !== 0 || this.#header[3] !== 0) {
        // Not a frame header: keep what was read as output rather than lose it.
        this.#raw = true;
        parts.push(Buffer.from(this.#header));
        continue;
      }
      this.#payloadLeft = this.#header.readUInt32BE(4);
    }
    this.#forward(parts, callback);
  }

  #forward(parts: Buffer[], callback: (error?: Error | null) => void): void {
    if (parts.length === 0) {
      callback();
      return;
    }
    let ready = true;
    for (const part of parts) ready = this.#sink.write(part) && ready;
    if (ready) callback();
    else this.#sink.once("drain", () => callback());
  }
}
