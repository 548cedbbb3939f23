import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { LogDemuxer } from "./log-demuxer.js";

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

async function demux(chunks: Buffer[], sinkOptions: { highWaterMark?: number } = {}): Promise<string> {
  const received: Buffer[] = [];
  const sink = new Writable({
    ...sinkOptions,
    write(chunk: Buffer, _encoding, callback) {
      received.push(Buffer.from(chunk));
      setImmediate(callback); // a slow sink: backpressure must hold the source back, not buffer it all
    },
  });
  await pipeline(Readable.from(chunks), new LogDemuxer(sink));
  await new Promise<void>((resolve) => sink.end(resolve));
  return Buffer.concat(received).toString();
}

describe("LogDemuxer", () => {
  it("joins stdout and stderr frames in order, whatever the chunk boundaries", async () => {
    const stream = Buffer.concat([
      frame(1, "out 1\n"),
      frame(2, "err 1\n"),
      frame(1, ""),
      frame(1, "out 2\n"),
    ]);
    for (let size = 1; size <= stream.length; size += 3) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect(await demux(chunks)).toBe("out 1\nerr 1\nout 2\n");
    }
  });

  it("passes a stream that is not multiplexed through unchanged", async () => {
    expect(await demux([Buffer.from("plain text output\n")])).toBe("plain text output\n");
  });

  it("takes millions of short frames in linear time", async () => {
    // 2,000,000 frames of "spam\n" in 64 KiB chunks: dockerode's demuxer copies each chunk's rest per
    // frame (hours here); this must take seconds even on a loaded machine.
    const one = frame(1, "spam\n");
    const all = Buffer.alloc(one.length * 2_000_000);
    for (let i = 0; i < 2_000_000; i++) one.copy(all, i * one.length);
    const chunks: Buffer[] = [];
    for (let i = 0; i < all.length; i += 65_536) chunks.push(all.subarray(i, i + 65_536));
    const started = Date.now();
    const text = await demux(chunks, { highWaterMark: 1 << 20 });
    expect(text.length).toBe(10_000_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
