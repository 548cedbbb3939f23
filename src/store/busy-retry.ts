// Two bench processes share one store (a nightly sweep and a long import, say). SQLite lets one writer
// in at a time; the others wait in the busy handler (busy_timeout) and, past it, get SQLITE_BUSY. A
// result must never be lost to that: writes are retried at the transaction boundary, with a growing
// pause, until a deadline far past any write bench makes.

export const BUSY_TIMEOUT_ENV = "BENCH_BUSY_TIMEOUT_MS";
/** How long one statement waits for the write lock before SQLite gives up (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;
/** How long a write is retried in all, beyond the busy handler's own waits (ms). */
export const DEFAULT_BUSY_RETRY_MS = 10 * 60_000;

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, ...) and SQLITE_LOCKED. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** The busy timeout in effect: $BENCH_BUSY_TIMEOUT_MS, or the default. */
export function busyTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env[BUSY_TIMEOUT_ENV] ?? "");
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_BUSY_TIMEOUT_MS;
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread: better-sqlite3 is synchronous, and so is every write bench makes. */
function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

export interface BusyRetryOptions {
  /** Total time to keep retrying (ms); default 10 minutes. */
  retryForMs?: number;
  /** Called before each retry, e.g. to tell the user bench is waiting for another process. */
  onRetry?: (attempt: number, error: unknown) => void;
  clock?: () => number;
}

/**
 * Runs `write` (a whole transaction: it must roll back on error, as better-sqlite3's do) and retries it
 * while the store is busy. Any other error is rethrown at once.
 */
export function withBusyRetry<T>(write: () => T, options: BusyRetryOptions = {}): T {
  const clock = options.clock ?? Date.now;
  const deadline = clock() + (options.retryForMs ?? DEFAULT_BUSY_RETRY_MS);
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusyError(error) || clock() >= deadline) throw error;
      options.onRetry?.(attempt, error);
      sleepSync(Math.min(50 * 2 ** Math.min(attempt, 6), 2_000));
    }
  }
}
