import { describe, expect, it } from "vitest";
import { MIN_SHORT_ID_LENGTH, runIdHash, ShortRunIds, shortIdLength } from "./run-short-id.js";

describe("short run ids", () => {
  it("are the start of the sha256 of the run id, the same everywhere", () => {
    // sha256("abc"), the standard test vector.
    expect(runIdHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(new ShortRunIds(["abc"]).of("abc")).toBe("ba7816bf");
  });

  it("grow just long enough that no two runs share one", () => {
    expect(shortIdLength([])).toBe(MIN_SHORT_ID_LENGTH);
    expect(shortIdLength(["0123456789ab", "0123456799ab", "ffff"])).toBe(9);
    expect(shortIdLength(["0123456789ab", "0123456789ac"])).toBe(12);
  });

  it("stay unique across a sweep-sized store", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `nightly:agent-1a2b3c4d:competition-${i % 80}:${i}`);
    const short = new ShortRunIds(ids);
    expect(new Set(ids.map((id) => short.of(id))).size).toBe(ids.length);
    expect(short.of(ids[0]!)).toHaveLength(short.length);
  });
});
