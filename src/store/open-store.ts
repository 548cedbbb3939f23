// Opens the results store: one SQLite file (default runs/bench.db, or --db / BENCH_DB), with its
// pragmas set and every pending migration applied before any command reads or writes it.
//
// Several bench processes may share one store (a sweep, an import, a report): writers wait their turn
// (busy_timeout, IMMEDIATE transactions, retries in busy-retry.ts), migrations are serialized
// (migrate-store.ts), and reading commands open the file read-only, so a store on read-only storage
// still reads. Damage is reported as such (store-errors.ts), never as a stack trace.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { BenchError } from "../errors.js";
import { packageRoot } from "../registry/package-root.js";
import { busyTimeoutMs, withBusyRetry } from "./busy-retry.js";
import { migrateStore, pendingMigrations } from "./migrate-store.js";
import * as schema from "./schema.js";
import { storeErrorFrom } from "./store-errors.js";
import { DB_ENV, describeHome } from "./store-path.js";

export { DB_ENV, DEFAULT_DB_PATH, resolveStorePath } from "./store-path.js";

import { resolveStorePath } from "./store-path.js";

const told = new Set<string>();

/** Says a notice on stderr, once per process: several opens of one store repeat nothing. */
function tell(notice: string): void {
  if (told.has(notice)) return;
  told.add(notice);
  process.stderr.write(`bench: note: ${notice}\n`);
}

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface Store {
  readonly path: string;
  readonly db: StoreDb;
  /** The raw connection, for the few statements drizzle does not express (pragmas, checkpoints). */
  readonly sqlite: Database.Database;
  /** What the user was told (on stderr) about how the store was opened: found above, read from a copy. */
  readonly notices: readonly string[];
  close(): void;
}

export interface OpenStoreOptions {
  path?: string | undefined;
  /** Open for reading only: no migration, no pragma that writes, and the file must exist. */
  readonly?: boolean;
}

/** The store files opened by this process, newest last: the CLI boundary names them in errors. */
const opened: string[] = [];
/** The store this process opened last, closed or not: a write that failed may end after the close. */
let lastOpened: string | undefined;

/** Translates an error raised while using a store of this process (damage) into a BenchError. */
export function translateStoreError(error: unknown): BenchError | null {
  for (const file of [...opened].reverse()) {
    const translated = storeErrorFrom(file, error);
    if (translated !== null) return translated;
  }
  // A command's store is closed (in a finally) before its error reaches the CLI: a full disk is still
  // the store's, named as the store last opened.
  return lastOpened === undefined ? null : storeErrorFrom(lastOpened, error);
}

function connect(file: string, readonly: boolean): Database.Database {
  const sqlite = new Database(file, { readonly, fileMustExist: readonly });
  // First of all: every later statement, the journal-mode switch included, waits for other writers.
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  // Reading touches the file for the first time here: a file that is not a database fails now.
  withBusyRetry(() => sqlite.prepare("select count(*) from sqlite_master").get());
  return sqlite;
}

/**
 * A WAL store on storage bench cannot write (a read-only mount, a shared archive) cannot be opened
 * without its -shm file, which SQLite cannot create there: read a private copy instead.
 */
function connectCopy(file: string): { sqlite: Database.Database; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-store-copy-"));
  const copy = path.join(dir, path.basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return { sqlite: connect(copy, true), dir };
}

/**
 * A store written by an older bench lacks the newer migrations, and the reading commands' queries use
 * their columns: bring it up to date once through a short-lived writable connection (the same
 * serialized migration a writing command applies), and say so. Storage bench cannot write is a clear
 * error rather than a "no such column" later.
 */
function upgradeForReading(
  file: string,
  sqlite: Database.Database,
  notices: string[],
  shown: string = file,
): void {
  const todo = pendingMigrations(sqlite, migrationsFolder());
  if (todo.length === 0) return;
  const started = Date.now();
  let writer: Database.Database | undefined;
  try {
    writer = connect(file, false);
    writer.pragma("foreign_keys = ON");
    migrateStore(writer, migrationsFolder());
  } catch (error) {
    throw new BenchError(
      "STORE",
      `the results store ${shown} was written by an older bench and lacks ${todo.length === 1 ? "the migration" : "the migrations"} ${todo.join(", ")}, which this bench cannot apply: ${(error as Error).message}.`,
      {
        hint: "open it once where it is writable (any bench command brings it up to date), or copy it to writable storage and read the copy.",
        cause: error,
      },
    );
  } finally {
    writer?.close();
  }
  notices.push(
    `the store ${shown} was written by an older bench: brought ${file === shown ? "it" : "the private copy"} up to date (${todo.join(", ")}) in ${((Date.now() - started) / 1000).toFixed(1)} s; ${file === shown ? "this happens once" : "the store itself stays as it was, so this happens on every read until bench opens it where it is writable"}.`,
  );
}

export function openStore(options: OpenStoreOptions = {}): Store {
  const file = resolveStorePath(options.path);
  const readonly = options.readonly ?? false;
  const notices: string[] = [];
  let sqlite: Database.Database;
  let copyDir: string | undefined;
  try {
    if (!readonly && file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    try {
      sqlite = connect(file, readonly);
    } catch (error) {
      if (!(readonly && (error as { code?: string }).code === "SQLITE_CANTOPEN" && existsSync(file)))
        throw error;
      ({ sqlite, dir: copyDir } = connectCopy(file));
      notices.push(
        `the store ${file} is in WAL mode on storage bench cannot write to; reading a private copy of it.`,
      );
    }
  } catch (error) {
    const translated = storeErrorFrom(file, error);
    if (translated !== null) throw translated;
    throw new BenchError("STORE", `cannot open the results store ${file}: ${(error as Error).message}.`, {
      hint: `check that the file and its folder exist and are readable${readonly ? "" : " and writable"}, or choose another file with --db or ${DB_ENV}.`,
      cause: error,
    });
  }
  opened.push(file);
  lastOpened = file;
  try {
    if (readonly)
      upgradeForReading(
        copyDir === undefined ? file : path.join(copyDir, path.basename(file)),
        sqlite,
        notices,
        file,
      );
  } catch (error) {
    sqlite.close();
    if (copyDir !== undefined) rmSync(copyDir, { recursive: true, force: true });
    opened.splice(opened.lastIndexOf(file), 1);
    throw error;
  }
  if (options.path === undefined) {
    const home = describeHome();
    if (home !== null) notices.push(home);
  }
  for (const notice of notices) tell(notice);
  try {
    if (!readonly) {
      // WAL: `bench report` can read while a sweep writes, and a committed result survives a killed
      // process (only an OS crash can lose the last transactions under synchronous=NORMAL).
      // Switching a new file to WAL takes an exclusive lock, and SQLite answers SQLITE_BUSY at once
      // (without its busy handler) when another process is switching or reading it at that moment.
      withBusyRetry(() => sqlite.pragma("journal_mode = WAL"));
      sqlite.pragma("synchronous = NORMAL");
    }
    // A 64 MiB page cache instead of SQLite's 2 MiB: an import writes its runs at random places of the
    // run-id indexes, and with the default cache most of those writes reread a page (200,000 runs and
    // grades: 8.4 s, 6.3 s with this). Only pages actually read take memory.
    sqlite.pragma("cache_size = -65536");
    // SQLite leaves foreign keys off by default; the schema relies on them (cascading deletes).
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    if (!readonly) migrateStore(sqlite, migrationsFolder());
    return {
      path: file,
      db,
      sqlite,
      notices,
      close() {
        if (!sqlite.open) return;
        // Fold the WAL back into the main file so a copied bench.db is complete on its own. Another
        // process may be reading: a checkpoint that cannot finish is not an error.
        if (!readonly) {
          try {
            sqlite.pragma("wal_checkpoint(TRUNCATE)");
          } catch {
            // busy: the next writer's checkpoint will fold it in
          }
        }
        sqlite.close();
        const index = opened.lastIndexOf(file);
        if (index >= 0) opened.splice(index, 1);
        if (copyDir !== undefined) rmSync(copyDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    sqlite.close();
    if (copyDir !== undefined) rmSync(copyDir, { recursive: true, force: true });
    const index = opened.lastIndexOf(file);
    if (index >= 0) opened.splice(index, 1);
    if (error instanceof BenchError) throw error;
    const translated = storeErrorFrom(file, error);
    if (translated !== null) throw translated;
    throw new BenchError(
      "STORE",
      `the results store ${file} could not be prepared: ${(error as Error).message}.`,
      {
        hint: "if the file is not a bench store, move it away and run again to create a new one.",
        cause: error,
      },
    );
  }
}

export function migrationsFolder(): string {
  return path.join(packageRoot(), "src", "store", "migrations");
}
