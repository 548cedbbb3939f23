import { describe, expect, it } from "vitest";
import { SPACING, watchDisk } from "./disk-watch.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchDisk", () => {
  it("reports the first measurement past the limit, once, and measures no more", async () => {
    const sizes = [10, 20, 31, 40];
    let calls = 0;
    const over: number[] = [];
    const stop = watchDisk(
      async () => sizes[calls++] ?? 99,
      { limitBytes: 30, intervalMs: 5 },
      (bytes) => over.push(bytes),
    );
    await sleep(200);
    stop();
    expect(over).toEqual([31]);
    expect(calls).toBe(3);
  });

  it("skips a failed measurement and keeps watching", async () => {
    let calls = 0;
    const over: number[] = [];
    const stop = watchDisk(
      async () => {
        calls++;
        if (calls === 1) throw new Error("engine busy");
        return 100;
      },
      { limitBytes: 30, intervalMs: 5 },
      (bytes) => over.push(bytes),
    );
    await sleep(100);
    stop();
    expect(over).toEqual([100]);
  });

  it("spaces slow measurements so that watching costs the engine little, and stops when told", async () => {
    let calls = 0;
    const stop = watchDisk(
      async () => {
        calls++;
        await sleep(10);
        return 0;
      },
      { limitBytes: 30, intervalMs: 1 },
      () => {},
    );
    // Each 10 ms measurement is followed by SPACING × 10 ms of rest: two at most in 250 ms.
    await sleep(10 + SPACING * 10 + 40);
    stop();
    const seen = calls;
    expect(seen).toBeGreaterThanOrEqual(1);
    expect(seen).toBeLessThanOrEqual(2);
    await sleep(300);
    expect(calls).toBe(seen);
  });

  it("refuses an interval that is not a positive number", () => {
    expect(() =>
      watchDisk(
        async () => 0,
        { limitBytes: 1, intervalMs: 0 },
        () => {},
      ),
    ).toThrow(/intervalMs/);
  });
});
