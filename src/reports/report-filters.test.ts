import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { parseSince } from "./report-filters.js";

const NOW = Date.parse("2026-11-30T08:15:00Z");

describe("--since", () => {
  it("takes dates and date-times as before", () => {
    expect(parseSince("2026-01-31", NOW)).toBe(Date.parse("2026-01-31T00:00:00Z"));
    expect(parseSince("2026-01-31T12:00:00Z", NOW)).toBe(Date.parse("2026-01-31T12:00:00Z"));
  });

  it("takes a duration back from now, and today / yesterday from midnight UTC", () => {
    expect(parseSince("24h", NOW)).toBe(Date.parse("2026-11-29T08:15:00Z"));
    expect(parseSince("90min", NOW)).toBe(Date.parse("2026-11-30T06:45:00Z"));
    expect(parseSince("7d", NOW)).toBe(Date.parse("2026-11-23T08:15:00Z"));
    expect(parseSince("today", NOW)).toBe(Date.parse("2026-11-30T00:00:00Z"));
    expect(parseSince("Yesterday", NOW)).toBe(Date.parse("2026-11-29T00:00:00Z"));
  });

  it("refuses anything else, naming the forms it takes", () => {
    expect(() => parseSince("last week", NOW)).toThrow(BenchError);
    expect(() => parseSince("last week", NOW)).toThrow(/a duration like 24h or 7d, or today \/ yesterday/);
  });
});
