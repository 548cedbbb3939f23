// The one error boundary of the CLI: known errors (BenchError, commander's usage errors) print as a
// short message with a hint and no stack; anything else is a bug and prints with its stack. Commands
// set process.exitCode; nothing below this file calls process.exit.

import { CommanderError } from "commander";
import { diskFullError, isBenchError } from "../errors.js";
import { buildProgram } from "./program.js";

/** Exit codes: 0 ok, 1 a known failure (missing data, bad config), 2 usage, 70 a bug in bench. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_BUG = 70;

export async function runCli(argv: readonly string[]): Promise<void> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync([...argv]);
  } catch (caught) {
    // SQLite's own errors about a damaged store surface wherever a query hits the damage.
    const error = (await storeError(caught)) ?? diskFullError(caught) ?? caught;
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (isBenchError(error)) {
      process.stderr.write(`bench: ${error.message}\n`);
      if (error.hint) process.stderr.write(`  → ${error.hint}\n`);
      process.stderr.write(`  (error code ${error.code})\n`);
      process.exitCode =
        error.code === "USAGE" || error.code === "COMPETITION_UNKNOWN" ? EXIT_USAGE : EXIT_FAILURE;
      return;
    }
    process.stderr.write(
      "bench: internal error (this is a bug in bench; please report it with the output below)\n",
    );
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_BUG;
  }
}

/** A damaged store as a BenchError; loads the store module only when SQLite raised the error. */
async function storeError(error: unknown): Promise<unknown> {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return null;
  const { translateStoreError } = await import("../store/open-store.js");
  return translateStoreError(error);
}
