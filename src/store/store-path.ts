// Where the results store is: an explicit --db, then $BENCH_DB, then runs/bench.db under the current
// directory.

import path from "node:path";

export const DB_ENV = "BENCH_DB";
export const DEFAULT_DB_PATH = path.join("runs", "bench.db");

export function resolveStorePath(
  explicit?: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return path.resolve(explicit || env[DB_ENV] || DEFAULT_DB_PATH);
}
