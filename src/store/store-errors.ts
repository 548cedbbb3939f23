// Turns what SQLite says about a damaged, foreign or unreadable store into a BenchError that names the
// file and says what to do, instead of a stack trace. For damage, the first lines of SQLite's own
// `PRAGMA quick_check` are quoted, so the user sees which tables are hit before deciding what to do.

import Database from "better-sqlite3";
import { BenchError } from "../errors.js";
import { DB_ENV } from "./store-path.js";

const CORRUPT_CODES = ["SQLITE_CORRUPT", "SQLITE_NOTADB"];
const QUICK_CHECK_LINES = 5;

export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CORRUPT_CODES.some((c) => code.startsWith(c));
}

/** The first lines of `PRAGMA quick_check` on `file`, read through a fresh read-only connection. */
export function quickCheckLines(file: string, maxLines = QUICK_CHECK_LINES): string[] {
  let check: Database.Database | undefined;
  try {
    check = new Database(file, { readonly: true, fileMustExist: true });
    const rows = check.pragma(`quick_check(${maxLines})`) as Array<{ quick_check: string }>;
    return rows
      .flatMap((row) => String(row.quick_check).split("\n"))
      .filter((line) => line !== "" && !line.startsWith("*** in database"))
      .slice(0, maxLines);
  } catch (error) {
    return [`quick_check could not run: ${(error as Error).message}`];
  } finally {
    check?.close();
  }
}

/** A BenchError for a damaged store, with quick_check's findings. */
export function corruptStoreError(file: string, cause: unknown): BenchError {
  const lines = quickCheckLines(file);
  const findings = lines.length === 0 || lines[0] === "ok" ? "" : `\n    ${lines.join("\n    ")}`;
  return new BenchError(
    "STORE_CORRUPT",
    `the results store ${file} is damaged (${(cause as Error).message}); SQLite's quick_check says:${findings || " ok (the damage is in a part quick_check does not read)"}`,
    {
      hint: `keep a copy of the file, then try \`sqlite3 ${file} .recover\` into a new file, or point --db / ${DB_ENV} at another store. bench did not change the file.`,
      cause,
    },
  );
}

/** The BenchError for an error SQLite raised while using `file`, or null when it is not a store problem. */
export function storeErrorFrom(file: string, error: unknown): BenchError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "SQLITE_FULL") {
    // SQLite rolls back what it could not write: the store is as it was before the command.
    return new BenchError(
      "DISK_FULL",
      `the disk holding the results store ${file} (or SQLite's temporary folder) is full: SQLite could not write (${(error as Error).message}). What this command was writing was rolled back; the store is as it was.`,
      {
        hint: "free space on that disk (or move the store with --db) and run the command again.",
        cause: error,
      },
    );
  }
  if (code === "SQLITE_NOTADB") {
    return new BenchError(
      "STORE_CORRUPT",
      `${file} is not a bench results store: ${(error as Error).message}.`,
      {
        hint: `if it is the wrong file, point --db or ${DB_ENV} at the store; if the store's first page is damaged, keep a copy and try \`sqlite3 ${file} .recover\`. Moving it away lets bench create a new store there. bench did not change the file.`,
        cause: error,
      },
    );
  }
  if (isCorruptionError(error)) return corruptStoreError(file, error);
  return null;
}
