// The limits that keep one CSV file from taking bench down: its size, the length of one field, the
// number of columns, the number of cells. Each has a default sized for the largest real submissions
// and answers (a few million rows, a few hundred columns) and an environment variable to raise it;
// a value bench cannot honour is refused with the ceiling named, rather than crashing later.

import { BenchError } from "../../errors.js";
import { excerpt } from "../input-excerpt.js";

export interface CsvLimits {
  /** A file must be smaller than this many bytes (default 2 GiB, also the ceiling). */
  readonly maxBytes: number;
  /** Most bytes in one field, quotes included (default 16 MiB). */
  readonly maxFieldBytes: number;
  /** Most columns in the header (default 100,000). */
  readonly maxColumns: number;
  /** Most cells, rows × columns, short rows' padding included (default 2^28, about 268 million). */
  readonly maxCells: number;
}

/**
 * The ceiling for maxBytes: the tokenizer keeps byte offsets in 32-bit arrays and one read call takes
 * at most 2^31 − 1 bytes, so a file must be smaller than 2 GiB whatever the setting.
 */
export const CSV_BYTES_CEILING = 2 ** 31;
/** No string can be longer than about 2^29 characters in V8: a longer field could not be decoded. */
export const FIELD_BYTES_CEILING = 2 ** 29 - 24;
/** Cells are indexed with 32-bit offsets too. */
export const CELLS_CEILING = 2 ** 31 - 1;

export const DEFAULT_CSV_LIMITS: CsvLimits = {
  maxBytes: CSV_BYTES_CEILING,
  maxFieldBytes: 16 * 1024 ** 2,
  maxColumns: 100_000,
  maxCells: 2 ** 28,
};

type LimitName = keyof CsvLimits;

/** Each limit's environment variable, its ceiling, and why the ceiling is there. */
const SETTINGS: Record<LimitName, { env: string; ceiling: number; why: string }> = {
  maxBytes: {
    env: "BENCH_MAX_CSV_BYTES",
    ceiling: CSV_BYTES_CEILING,
    why: "files must be smaller than 2 GiB: byte offsets are 32-bit",
  },
  maxFieldBytes: {
    env: "BENCH_MAX_CSV_FIELD_BYTES",
    ceiling: FIELD_BYTES_CEILING,
    why: "the longest string JavaScript can hold",
  },
  maxColumns: { env: "BENCH_MAX_CSV_COLUMNS", ceiling: CELLS_CEILING, why: "cells have 32-bit indexes" },
  maxCells: { env: "BENCH_MAX_CSV_CELLS", ceiling: CELLS_CEILING, why: "cells have 32-bit indexes" },
};

/** Checks one limit given in code or the environment; `origin` names it in the error. */
function checkedLimit(name: LimitName, value: number, origin: string, given: string): number {
  const { env, ceiling, why } = SETTINGS[name];
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BenchError("USAGE", `${origin} must be a positive whole number, got ${given}.`, {
      hint: `unset ${env} to use the default, ${DEFAULT_CSV_LIMITS[name]}.`,
    });
  }
  if (value > ceiling) {
    throw new BenchError(
      "USAGE",
      `${origin} is ${value}, above ${ceiling}, the most bench can honour (${why}).`,
      { hint: `set ${env} to at most ${ceiling}.` },
    );
  }
  return value;
}

/**
 * The limits in force: `overrides` (from code, e.g. tests) first, then the environment variables
 * BENCH_MAX_CSV_BYTES, BENCH_MAX_CSV_FIELD_BYTES, BENCH_MAX_CSV_COLUMNS, BENCH_MAX_CSV_CELLS, then
 * the defaults. Throws USAGE for a value that is not a positive whole number or is above its ceiling.
 */
export function csvLimits(overrides: Partial<CsvLimits> = {}): CsvLimits {
  const resolve = (name: LimitName): number => {
    const given = overrides[name];
    if (given !== undefined) return checkedLimit(name, given, name, String(given));
    const { env } = SETTINGS[name];
    const raw = process.env[env];
    if (raw === undefined || raw.trim() === "") return DEFAULT_CSV_LIMITS[name];
    return checkedLimit(name, Number(raw), env, excerpt(raw));
  };
  return {
    maxBytes: resolve("maxBytes"),
    maxFieldBytes: resolve("maxFieldBytes"),
    maxColumns: resolve("maxColumns"),
    maxCells: resolve("maxCells"),
  };
}

/** A size for a message, exact where rounding could hide the difference: "2 GiB (2147483648 bytes)". */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit} (${n} bytes)`;
  }
  return `${n} bytes`;
}
