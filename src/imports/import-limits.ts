// How much one import takes. An import checks every row before it writes any (a bad cell fails the
// whole file, leaving the store as it was), so it holds the file's rows in memory while it works:
// measured on files of METR's shape (`bench import csv`, five columns), 200,000 rows peaked at 420 MB
// resident and 2,000,000 rows at 2.9 GB, about 1.4 KB a row. A file with more rows than the process's
// heap can hold at 2 KB a row is refused at once, with the figures and what to do, rather than ending
// the process out of memory part way.

import { getHeapStatistics } from "node:v8";
import { BenchError } from "../errors.js";
import { excerpt } from "../grading/input-excerpt.js";

/** Memory one imported row is counted at (the measured peak, 1.4 KB, with room to spare). */
export const IMPORT_BYTES_PER_ROW = 2048;
export const MAX_IMPORT_ROWS_ENV = "BENCH_MAX_IMPORT_ROWS";

/** The rows this process's heap holds at IMPORT_BYTES_PER_ROW (2.1 million under Node's 4 GiB default). */
export function defaultMaxImportRows(heapLimitBytes: number = getHeapStatistics().heap_size_limit): number {
  return Math.floor(heapLimitBytes / IMPORT_BYTES_PER_ROW);
}

/** Bytes of an imported report file (MLE-bench's grading report: about 100 KB for 75 competitions). */
export const MAX_REPORT_FILE_BYTES = 256 * 1024 ** 2;

/** The row limit in force: BENCH_MAX_IMPORT_ROWS when set (a positive whole number), else what the heap holds. */
export function maxImportRows(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_IMPORT_ROWS_ENV];
  if (raw === undefined || raw.trim() === "") return defaultMaxImportRows();
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BenchError(
      "USAGE",
      `${MAX_IMPORT_ROWS_ENV} must be a positive whole number, got ${excerpt(raw)}.`,
      { hint: `unset it to use the default, ${defaultMaxImportRows()} on this machine.` },
    );
  }
  return value;
}

/** Refuses a file with more rows than one import takes. */
export function checkImportRows(file: string, rows: number, env: NodeJS.ProcessEnv = process.env): void {
  const max = maxImportRows(env);
  if (rows <= max) return;
  throw new BenchError(
    "FILE_TOO_LARGE",
    `${file}: ${rows} rows, more than the ${max} one import takes (an import holds a file's rows in memory while it checks them, up to ${IMPORT_BYTES_PER_ROW / 1024} KB a row).`,
    {
      hint: `split the file and import each part (seeds continue from the runs already stored; importing a part again changes nothing), or give node a larger heap (NODE_OPTIONS=--max-old-space-size=MiB) and set ${MAX_IMPORT_ROWS_ENV}.`,
    },
  );
}
