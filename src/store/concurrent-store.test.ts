// Several bench processes on one store, as in a real night: a sweep beside an import, three imports at
// once, many processes opening a new store together. Real processes, a real SQLite file; every writer
// waits its turn and nothing is lost.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuiltCli } from "../test-support/built-cli.js";
import { openStore } from "./open-store.js";

let bin: string;
beforeAll(() => {
  bin = ensureBuiltCli();
}, 300_000);

interface Exit {
  code: number | null;
  stderr: string;
}

function run(child: ChildProcess): Promise<Exit> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

function count(db: string, sql: string): number {
  const store = openStore({ path: db, readonly: true });
  try {
    return store.sqlite.prepare(sql).pluck().get() as number;
  } finally {
    store.close();
  }
}

/** A CSV of `rows` results of one model over external tasks, like MLGym's or METR's tables. */
function resultsCsv(dir: string, name: string, rows: number): string {
  const lines = ["model,task,seed,score,dir"];
  for (let i = 0; i < rows; i++) lines.push(`${name},task-${i % 50},${i},${(i % 997) / 997},maximize`);
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("two or more bench processes on one store", () => {
  it("opening a new store from six processes at once migrates it once, and all six succeed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-concurrent-"));
    const db = path.join(dir, "new.db");
    const go = path.join(dir, "go");
    // Each process waits for the same start signal, then opens the store: the race the issue saw.
    const script = `
      import { existsSync } from "node:fs";
      const { openStore } = await import(${JSON.stringify(path.resolve("dist/src/store/open-store.js"))});
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 5));
      openStore({ path: ${JSON.stringify(db)} }).close();
    `;
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] }),
    );
    const exits = children.map(run);
    await new Promise((r) => setTimeout(r, 1_500));
    writeFileSync(go, "");
    const results = await Promise.all(exits);
    expect(results.map((r) => r.stderr)).toEqual(Array(6).fill(""));
    expect(results.map((r) => r.code)).toEqual(Array(6).fill(0));
    const journal = JSON.parse(readFileSync("src/store/migrations/meta/_journal.json", "utf8"));
    expect(count(db, "select count(*) from __drizzle_migrations")).toBe(journal.entries.length);
    expect(count(db, "select count(*) from sqlite_master where name = 'agents'")).toBe(1);
  }, 120_000);

  it("three imports of 72,000-row files at once all complete, every row accounted for", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-concurrent-"));
    const db = path.join(dir, "bench.db");
    const files = ["alpha", "beta", "gamma"].map((name) => resultsCsv(dir, name, 72_000));
    const exits = await Promise.all(
      files.map((file) =>
        run(
          spawn(
            process.execPath,
            [
              bin,
              "import",
              "csv",
              file,
              "--map",
              "agent=model,competition=task,run=seed,score=score,direction=dir",
              "--db",
              db,
            ],
            { cwd: dir, env: { ...process.env, BENCH_HOME: dir }, stdio: ["ignore", "ignore", "pipe"] },
          ),
        ),
      ),
    );
    expect(exits.map((e) => (e.stderr.includes("locked") ? e.stderr : ""))).toEqual(["", "", ""]);
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    expect(count(db, "select count(*) from runs")).toBe(216_000);
    expect(count(db, "select count(*) from imports")).toBe(3);
  }, 300_000);

  it("a sweep waits for a writer that holds the store longer than SQLite's busy timeout, and loses no run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-concurrent-"));
    const db = path.join(dir, "bench.db");
    openStore({ path: db }).close();
    // Another process writes for 20 s (a long import) while the sweep starts, then again for 15 s from
    // the moment the first agent runs: both waits are longer than SQLite's old 10 s busy timeout, so
    // the sweep must wait at its start and again when its runs finish.
    const started = path.join(dir, "agent-started");
    const locker = `
      import { existsSync } from "node:fs";
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(${JSON.stringify(db)});
      const hold = (ms) => { db.exec("begin immediate"); const end = Date.now() + ms; while (Date.now() < end) {} db.exec("commit"); };
      hold(20000);
      while (!existsSync(${JSON.stringify(started)})) await new Promise((r) => setTimeout(r, 20));
      hold(15000);
    `;
    const locking = run(
      spawn(process.execPath, ["--input-type=module", "-e", locker], {
        cwd: process.cwd(),
        stdio: ["ignore", "ignore", "pipe"],
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const agent = path.join(dir, "copy.yaml");
    writeFileSync(
      agent,
      `name: copy\ncommand: ["sh", "-c", "touch ${started}; sleep 2; cp \\"$BENCH_DATA_DIR/sample_submission.csv\\" \\"$BENCH_SUBMISSION_DIR/submission.csv\\""]\nresources:\n  cpus: 1\n  memory_gb: 0.25\n`,
    );
    const swept = await run(
      spawn(
        process.execPath,
        [
          bin,
          "run",
          "--agent",
          agent,
          "--competition",
          "demo-binary-auc",
          "--seeds",
          "4",
          "--concurrency",
          "4",
          "--db",
          db,
        ],
        { cwd: dir, env: { ...process.env, BENCH_HOME: dir }, stdio: ["ignore", "ignore", "pipe"] },
      ),
    );
    expect(await locking).toMatchObject({ code: 0, stderr: "" });
    expect(swept).toMatchObject({ code: 0 });
    expect(count(db, "select count(*) from runs where status = 'completed'")).toBe(4);
    expect(count(db, "select count(*) from grades")).toBe(4);
  }, 300_000);
});
