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
