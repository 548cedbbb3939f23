import { afterEach, describe, expect, it } from "vitest";
import { BenchError } from "../../errors.js";
import { CSV_BYTES_CEILING, csvLimits, DEFAULT_CSV_LIMITS, FIELD_BYTES_CEILING } from "./csv-limits.js";

const ENV = [
  "BENCH_MAX_CSV_BYTES",
  "BENCH_MAX_CSV_FIELD_BYTES",
  "BENCH_MAX_CSV_COLUMNS",
  "BENCH_MAX_CSV_CELLS",
];

afterEach(() => {
  for (const name of ENV) delete process.env[name];
});

function usageError(run: () => unknown): BenchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).code).toBe("USAGE");
    return error as BenchError;
  }
  throw new Error("expected a usage error");
}

describe("csvLimits", () => {
  it("takes code overrides first, then the environment, then the defaults", () => {
    process.env.BENCH_MAX_CSV_FIELD_BYTES = "4096";
    process.env.BENCH_MAX_CSV_COLUMNS = " ";
    expect(csvLimits({ maxCells: 10 })).toEqual({ ...DEFAULT_CSV_LIMITS, maxFieldBytes: 4096, maxCells: 10 });
  });

  it("refuses values that are not positive whole numbers, quoting them briefly", () => {
    process.env.BENCH_MAX_CSV_CELLS = `x${"9".repeat(1000)}`;
    const error = usageError(() => csvLimits());
    expect(error.message).toBe(
      `BENCH_MAX_CSV_CELLS must be a positive whole number, got "x${"9".repeat(59)}…" (1001 characters).`,
    );
    expect(usageError(() => csvLimits({ maxColumns: 1.5 })).message).toMatch(/^maxColumns must be/);
    expect(usageError(() => csvLimits({ maxBytes: 0 })).message).toMatch(/^maxBytes must be/);
  });

  it("refuses a limit above what bench can honour, naming the ceiling", () => {
    expect(usageError(() => csvLimits({ maxBytes: CSV_BYTES_CEILING + 1 })).hint).toBe(
      "set BENCH_MAX_CSV_BYTES to at most 2147483648.",
    );
    process.env.BENCH_MAX_CSV_FIELD_BYTES = String(2 ** 30);
    expect(usageError(() => csvLimits()).message).toContain(`above ${FIELD_BYTES_CEILING}`);
  });
});
