import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { closeRedactingSink, redactingSink, redactText } from "./redact.js";

function collector() {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    objectMode: true,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("redaction of secrets", () => {
  it("masks every occurrence in text, longest secret first", () => {
    expect(redactText("key=abcd1234 and abcd1234!", ["abcd1234"])).toBe("key=*** and ***!");
    expect(redactText("token abcd1234xyz", ["abcd", "abcd1234xyz"])).toBe("token ***");
    expect(redactText("nothing here", undefined)).toBe("nothing here");
  });

  it("masks a secret split across writes, and passes whole lines at once", async () => {
    const out = collector();
    const sink = redactingSink(out.sink, ["sk-live-123456"]);
    sink.write(Buffer.from("line one\nthe key is sk-li"));
    sink.write(Buffer.from("ve-12"));
    sink.write(Buffer.from("3456 ok\nsecond sk-live-123456\n"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe("line one\nthe key is *** ok\nsecond ***\n");
    sink.write(Buffer.from("tail without newline sk-live-1"));
    await closeRedactingSink(sink);
    expect(out.text()).toBe("line one\nthe key is *** ok\nsecond ***\ntail without newline sk-live-1");
    expect(redactingSink(out.sink, [])).toBe(out.sink);
  });
});
