// A store as an older bench left it: the migrations up to and including `lastTag` applied, no later
// one, so that tests can check what opening it with this bench does (upgrade, backfill, errors).

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateStore } from "../migrate-store.js";
import { migrationsFolder } from "../open-store.js";

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Creates `file` (WAL, like bench's stores) with the migrations up to `lastTag`; returns it open. */
export function olderStore(file: string, lastTag: string): Database.Database {
  const source = migrationsFolder();
  const journal = JSON.parse(readFileSync(path.join(source, "meta", "_journal.json"), "utf8")) as Journal;
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const folder = mkdtempSync(path.join(tmpdir(), "bench-older-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const kept = journal.entries.slice(0, last + 1);
  for (const entry of kept) {
    copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: kept }));
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  migrateStore(sqlite, folder);
  return sqlite;
}
