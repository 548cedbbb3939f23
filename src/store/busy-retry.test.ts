import { describe, expect, it } from "vitest";
import { busyTimeoutMs, isBusyError, withBusyRetry } from "./busy-retry.js";

function sqliteError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe("withBusyRetry", () => {
  it("retries a write while the store is busy, then returns its result", () => {
    let calls = 0;
    const retries: number[] = [];
    const result = withBusyRetry(
      () => {
        calls++;
        if (calls < 3) throw sqliteError(calls === 1 ? "SQLITE_BUSY" : "SQLITE_BUSY_SNAPSHOT");
        return "written";
      },
      { onRetry: (attempt) => retries.push(attempt) },
    );
    expect(result).toBe("written");
    expect(retries).toEqual([1, 2]);
  });

  it("rethrows other errors at once, and busy errors past the deadline", () => {
    let calls = 0;
    expect(() =>
      withBusyRetry(() => {
        calls++;
        throw sqliteError("SQLITE_CONSTRAINT");
      }),
    ).toThrow("SQLITE_CONSTRAINT");
    expect(calls).toBe(1);
    let now = 0;
    expect(() =>
      withBusyRetry(
        () => {
          now += 1_000;
          throw sqliteError("SQLITE_BUSY");
        },
        { retryForMs: 2_500, clock: () => now },
      ),
    ).toThrow("SQLITE_BUSY");
    expect(now).toBe(3_000);
  });

  it("knows SQLite's busy codes and reads the timeout from the environment", () => {
    expect(isBusyError(sqliteError("SQLITE_LOCKED"))).toBe(true);
    expect(isBusyError(new Error("x"))).toBe(false);
    expect(busyTimeoutMs({ BENCH_BUSY_TIMEOUT_MS: "1234" })).toBe(1234);
    expect(busyTimeoutMs({ BENCH_BUSY_TIMEOUT_MS: "soon" })).toBe(60_000);
  });
});
