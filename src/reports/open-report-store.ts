// Opens the results store for a reading command (report, compare, status, runs show): read-only (it
// never writes, can run beside a sweep that does, and reads a store on read-only storage), and only if
// the file exists, so that a mistyped --db is not silently a new empty store.

import { existsSync } from "node:fs";
import { BenchError } from "../errors.js";
import { DB_ENV, openStore, resolveStorePath, type Store } from "../store/open-store.js";

export function openReportStore(dbOption?: string | undefined): Store {
  const file = resolveStorePath(dbOption);
  if (!existsSync(file)) {
    throw new BenchError("DATA_MISSING", `there is no results store at ${file}.`, {
      hint: `run or import results first (bench run, bench import), or point --db or ${DB_ENV} at an existing store.`,
    });
  }
  const store = openStore({ path: dbOption, readonly: true });
  applyReadPragmas(store.sqlite);
  return store;
}

/**
 * Memory-maps the file for reading: a report's joins look up a million grades by run id, and through
 * mmap each page is read in place instead of being copied into SQLite's small page cache (about 15%
 * faster on the 1,000,000-run benchmark). Safe for a read-only connection; the OS shares the pages.
 */
export const REPORT_MMAP_BYTES = 1024 ** 3;

export function applyReadPragmas(sqlite: { pragma(source: string): unknown }): void {
  sqlite.pragma(`mmap_size = ${REPORT_MMAP_BYTES}`);
}
