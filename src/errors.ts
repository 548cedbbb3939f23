// The one error type bench shows to users: a stable `code` for scripts and a message that says what
// happened, why, and what to do next. The CLI boundary prints these without a stack trace.

export type BenchErrorCode =
  | "CONFIG_INVALID"
  | "COMPETITION_UNKNOWN"
  | "COMPETITION_NOT_GRADABLE"
  | "DATA_MISSING"
  | "DATA_INVALID"
  | "LEADERBOARD_INVALID"
  | "CSV_MALFORMED"
  | "FILE_TOO_LARGE"
  | "DISK_FULL"
  | "USAGE"
  | "STORE"
  | "STORE_CORRUPT"
  | "RUNTIME"
  | "INTERNAL";

export class BenchError extends Error {
  readonly code: BenchErrorCode;
  /** What the user can do about it; printed on its own line after the message. */
  readonly hint: string | undefined;

  constructor(code: BenchErrorCode, message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "BenchError";
    this.code = code;
    this.hint = options?.hint;
  }
}

export function isBenchError(error: unknown): error is BenchError {
  return error instanceof BenchError;
}

/**
 * A write the disk had no room for (ENOSPC, or EDQUOT: over a quota) as a BenchError: the machine's
 * state, not a bug in bench. `file` names what was being written when the error itself does not.
 * Null for any other error.
 */
export function diskFullError(error: unknown, file?: string): BenchError | null {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (code !== "ENOSPC" && code !== "EDQUOT") return null;
  const written = typeof path === "string" ? path : file;
  const what = code === "ENOSPC" ? "no space left on the device" : "over the disk quota";
  return new BenchError(
    "DISK_FULL",
    `${what}${written === undefined ? "" : ` while writing ${written}`} (${code}).`,
    {
      hint: "free space there (or write somewhere else) and run the command again.",
      cause: error,
    },
  );
}

/** Whether `error` is a write the disk had no room for: SQLite's SQLITE_FULL, or ENOSPC / EDQUOT. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT";
}
