// Turns an error thrown while reading or grading one submission into that submission's verdict. A
// submission can make anything go wrong (a ten-million-digit number, a field too long for a string);
// whatever it was, the submission gets an invalid report with a short reason, and bench goes on to
// the next one: one hostile file must not take a batch, a sweep or the process down.

import { isBenchError } from "../errors.js";
import { excerpt, limitMessage } from "./input-excerpt.js";
import { InvalidSubmission } from "./invalid-submission.js";
import { MetricInputError } from "./metrics/metric-input-error.js";

export interface SubmissionFailure {
  /** The report's `error`: why the submission could not be scored. */
  readonly error: string;
  /** A note for the report, when there is one. */
  readonly note: string | undefined;
}

/** Codes of the CSV reader's refusals of the file itself (as opposed to bench's configuration). */
const FILE_CODES = new Set(["CSV_MALFORMED", "FILE_TOO_LARGE", "DATA_MISSING"]);

/** The first line of an error's message, kept short: engine messages can quote the input. */
function shortMessage(error: Error): string {
  const firstLine = error.message.split("\n", 1)[0] ?? "";
  return excerpt(firstLine, 160);
}

/** Where in bench an unexpected error was thrown, for a bug report: its first stack frame. */
function thrownAt(error: Error): string | undefined {
  const frame = error.stack
    ?.split("\n")
    .find((l) => l.trimStart().startsWith("at "))
    ?.trim();
  return frame === undefined ? undefined : limitMessage(frame, 200);
}

/**
 * The verdict for `error`, thrown while reading or grading the submission at `path`; undefined for an
 * error that is not the submission's (bench's configuration, e.g. a bad BENCH_MAX_CSV_BYTES), which
 * the caller rethrows.
 */
export function submissionFailure(path: string, error: unknown): SubmissionFailure | undefined {
  if (error instanceof InvalidSubmission) {
    return { error: limitMessage(error.message), note: error.referenceNote };
  }
  if (error instanceof MetricInputError)
    return { error: limitMessage(`${path}: ${error.message}`), note: undefined };
  if (isBenchError(error)) {
    if (!FILE_CODES.has(error.code)) return undefined;
    const hint = error.hint ? ` ${error.hint}` : "";
    return { error: limitMessage(error.message + hint), note: undefined };
  }
  if (error instanceof RangeError) {
    // The engine's own limits: call stack, string length, array size, memory for a buffer.
    return {
      error: `${path}: bench ran out of room grading this file (RangeError: ${shortMessage(error)}). Check its size and shape (a huge field, a huge number of columns); a submission the size of the sample submission never does this.`,
      note: reportNote(error),
    };
  }
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? shortMessage(error) : excerpt(String(error), 160);
  return {
    error: `${path}: bench failed while grading this file (${name}: ${message}). This is a bug in bench, not necessarily in the submission: please report it with the file.`,
    note: error instanceof Error ? reportNote(error) : undefined,
  };
}

function reportNote(error: Error): string | undefined {
  const at = thrownAt(error);
  return at === undefined ? undefined : `For a bug report: the error was thrown ${at}.`;
}
