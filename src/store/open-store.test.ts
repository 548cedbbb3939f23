import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { DEFAULT_BUSY_TIMEOUT_MS } from "./busy-retry.js";
import { openStore, resolveStorePath } from "./open-store.js";

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "bench-store-"));
}

describe("openStore", () => {
  it("creates the file, applies migrations and sets the pragmas", () => {
    const file = path.join(tempDir(), "nested", "bench.db");
    const store = openStore({ path: file });
    try {
      const tables = store.sqlite
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining([
          "agents",
          "artifacts",
          "competitions",
          "grades",
          "imports",
          "runs",
          "score_log_entries",
          "sweeps",
        ]),
      );
      expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.sqlite.pragma("busy_timeout", { simple: true })).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    } finally {
      store.close();
    }
  });

  it("is idempotent: opening twice applies nothing new and keeps data", () => {
    const file = path.join(tempDir(), "bench.db");
    const first = openStore({ path: file });
    first.sqlite
      .prepare(
        "insert into competitions (id, kind, name, splits, origin, created_at_ms) values (?, ?, ?, ?, ?, ?)",
      )
      .run("x", "kaggle", "X", "[]", "registry", 1);
    first.close();
    first.close(); // safe twice
    const second = openStore({ path: file });
    expect(second.sqlite.prepare("select count(*) from competitions").pluck().get()).toBe(1);
    second.close();
  });

  it("refuses a file that is not a SQLite database with a message that says what to do", () => {
    const file = path.join(tempDir(), "bench.db");
    writeFileSync(
      file,
      "this is not sqlite, just text that is long enough to fill a header page ".repeat(20),
    );
    let caught: unknown;
    try {
      openStore({ path: file });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BenchError);
    expect((caught as BenchError).message).toMatch(/not a database/);
    expect((caught as BenchError).hint).toMatch(/moving it away/i);
  });

  it("resolves --db, then BENCH_DB, then runs/bench.db", () => {
    expect(resolveStorePath("a.db", { BENCH_DB: "b.db" })).toBe(path.resolve("a.db"));
    expect(resolveStorePath(undefined, { BENCH_DB: "b.db" })).toBe(path.resolve("b.db"));
    expect(resolveStorePath(undefined, {})).toBe(path.resolve("runs/bench.db"));
  });
});
