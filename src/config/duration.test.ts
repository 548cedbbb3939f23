import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { formatDuration, formatDurationCompact, parseDuration, tryParseDuration } from "./duration.js";

describe("parseDuration", () => {
  it.each([
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["1h30m", 5_400_000],
    ["90s", 90_000],
    ["24h", 86_400_000],
    ["1d", 86_400_000],
    ["500ms", 500],
    ["1m500ms", 60_500],
    ["1.5h", 5_400_000],
    ["1d2h3m4s5ms", 93_784_005],
    [" 8h ", 28_800_000],
    ["0s", 0],
    // How people write minutes too: "5min", alone or with other parts.
    ["5min", 300_000],
    ["2h30min", 9_000_000],
    ["1min30s", 90_000],
    ["2h30m", 9_000_000],
  ])("%s -> %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    "",
    "30",
    "2 hours",
    "1h 30m",
    "30m1h",
    "1h1h",
    "-5m",
    "h",
    "1.h",
    "5x",
    "1H",
    "1m1min",
    "5 min",
    "5mins",
  ])("rejects %j", (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
    expect(() => parseDuration(text)).toThrow(BenchError);
  });

  it("names the field and the accepted forms in its error", () => {
    try {
      parseDuration("2 hours", "limits.time");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BenchError);
      const benchError = error as BenchError;
      expect(benchError.code).toBe("CONFIG_INVALID");
      expect(benchError.message).toBe(
        'limits.time: expected a duration like "30m", "5min", "2h30m", "1.5h" or "90s", got "2 hours"',
      );
    }
  });

  it("suggests a unit for a bare number", () => {
    expect(() => parseDuration("30")).toThrow(
      expect.objectContaining({ hint: 'add a unit: "30m" for minutes, "30h" for hours' }),
    );
  });
});

describe("formatDurationCompact", () => {
  it.each([
    [5_400_000, "1h30m"],
    [90_000, "1m30s"],
    [86_400_000, "1d"],
    [500, "500ms"],
    [0, "0s"],
  ])("%d ms -> %s, which parses back", (ms, text) => {
    expect(formatDurationCompact(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});

describe("formatDuration", () => {
  it.each([
    [2_400, "2.4 s"],
    [32 * 3_600_000, "32 h"],
    [5_400_000, "1.5 h"],
    [1_800_000, "30 min"],
    [90_000, "1.5 min"],
    // An exact smaller unit rather than a rounded larger one: a time limit is shown as it was set.
    [100 * 60_000, "100 min"],
    [86_400_000, "24 h"],
    [500, "500 ms"],
    [0, "0 s"],
    // Elapsed times are rounded to a tenth of their unit.
    [2_443, "2.4 s"],
    [7_217_000, "2 h"],
    [1_234_567, "20.6 min"],
  ])("%d ms reads %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("refuses a negative duration", () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});
