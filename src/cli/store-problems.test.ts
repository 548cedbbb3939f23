// What a user sees when the store itself is the problem: damaged, not a store, on read-only storage,
// or not there at all. Never a stack trace; reading commands never write or create a store.

import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { olderStore } from "../store/test-support/older-store.js";
import { mountAvailable } from "../test-support/mount-probe.js";
import { bench } from "./test-support/run-bench.js";

afterEach(() => {
  process.exitCode = 0;
});

/** A store with a few hundred imported runs, so that its tables span many pages. */
async function filledStore(dir: string): Promise<string> {
  const db = path.join(dir, "bench.db");
  const csv = path.join(dir, "results.csv");
  const lines = ["model,task,score"];
  for (let i = 0; i < 600; i++) lines.push(`model-${i % 7},task-${i % 13},${i / 600}`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  const imported = await bench(
    "import",
    "csv",
    csv,
    "--map",
    "agent=model,competition=task,score=score",
    "--db",
    db,
  );
  expect(imported.code).toBe(0);
  return db;
}

/** Overwrites the middle of every page after the first two: the schema reads, the tables do not. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, "r+");
  const junk = Buffer.alloc(800, 0xde);
  for (let page = 2; page < size / 4096; page++) writeSync(fd, junk, 0, junk.length, page * 4096 + 100);
  closeSync(fd);
}

describe("a damaged store", () => {
  it("is reported as damaged, with quick_check's findings, by report, import and grade --db", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-damaged-"));
    const db = await filledStore(dir);
    damage(db);
    const csv = path.join(dir, "more.csv");
    writeFileSync(csv, "model,task,score\nx,task-1,0.5\n");
    const submission = path.resolve(
      "competitions/demo-binary-auc/data/prepared/public/sample_submission.csv",
    );
    for (const args of [
      ["report", "--db", db],
      ["import", "csv", csv, "--map", "agent=model,competition=task,score=score", "--db", db],
      ["grade", "demo-binary-auc", submission, "--db", db],
    ]) {
      const { code, stderr } = await bench(...args);
      expect(stderr, args[0]).not.toMatch(/internal error| {4}at /);
      expect(stderr, args[0]).toMatch(/is damaged/);
      expect(stderr, args[0]).toMatch(/quick_check says:\n {4}\S/);
      expect(stderr, args[0]).toMatch(/error code STORE_CORRUPT/);
      expect(code, args[0]).toBe(1);
    }
  });

  it("a file that is not a store is named as such", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-damaged-"));
    const db = path.join(dir, "bench.db");
    writeFileSync(db, "not a database ".repeat(400));
    const { code, stderr } = await bench("report", "--db", db);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is not a bench results store/);
  });
});

describe("reading commands", () => {
  it("never create a store: status, runs show, report and compare on a missing --db name the path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-missing-"));
    const db = path.join(dir, "typo.db");
    for (const args of [["status"], ["runs", "show", "x"], ["report"], ["compare", "a", "b"]]) {
      const { code, stderr } = await bench(...args, "--db", db);
      expect(code, args[0]).toBe(1);
      expect(stderr, args[0]).toContain(`there is no results store at ${db}`);
      expect(existsSync(db), args[0]).toBe(false);
    }
  });
});

// Root ignores file modes, so read-only storage is made the way users meet it: a read-only mount.
const mountRoot = mkdtempSync(path.join(tmpdir(), "bench-ro-"));
const canMount = mountAvailable(mountRoot, (probe) => ["--bind", probe, probe], "the read-only store tests");
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync("umount", ["-l", m]);
  rmSync(mountRoot, { recursive: true, force: true });
});

function readOnlyCopy(source: string): string {
  const dir = mkdtempSync(path.join(mountRoot, "store-"));
  execFileSync("mount", ["--bind", path.dirname(source), dir]);
  mounts.push(dir);
  execFileSync("mount", ["-o", "remount,ro,bind", dir]);
  return path.join(dir, path.basename(source));
}

describe.skipIf(!canMount)("a store on read-only storage", () => {
  it("reads in journal_mode=DELETE (an archived store) without trying to write", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-ro-src-"));
    const db = await filledStore(dir);
    const archived = new Database(db);
    archived.pragma("journal_mode = DELETE");
    archived.close();
    const ro = readOnlyCopy(db);
    const { code, stdout, stderr } = await bench("report", "rebench", "--db", ro, "--format", "json");
    expect(stderr).not.toMatch(/readonly database|internal error/);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    const status = await bench("status", "--db", ro);
    expect(status.code).toBe(0);
  });

  it("reads a WAL store whose -shm file cannot be created, from a private copy, and says so", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-ro-src-"));
    const db = await filledStore(dir);
    rmSync(`${db}-shm`, { force: true });
    rmSync(`${db}-wal`, { force: true });
    const ro = readOnlyCopy(db);
    const { code, stderr } = await bench("report", "rebench", "--db", ro, "--format", "json");
    expect(stderr).toMatch(
      /note: the store .* is in WAL mode on storage bench cannot write to; reading a private copy/,
    );
    expect(code).toBe(0);
  });
});

describe.skipIf(!canMount)("a store from an older bench on read-only storage", () => {
  it("fails with what it lacks and what to do, not with a missing column", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-ro-old-"));
    const db = path.join(dir, "bench.db");
    const older = olderStore(db, "0005_validations");
    older.pragma("journal_mode = DELETE");
    older.close();
    const ro = readOnlyCopy(db);
    const { code, stderr } = await bench("report", "--db", ro, "--format", "json");
    expect(code).toBe(1);
    expect(stderr).toContain(
      `the results store ${ro} was written by an older bench and lacks the migration 0006_run_report_copy`,
    );
    expect(stderr).toMatch(/open it once where it is writable/);
    expect(stderr).not.toMatch(/no such column|internal error|\n\s+at /);
  });

  it("in WAL mode: reads an updated private copy, and says the store itself stays as it was", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-ro-old-wal-"));
    const db = path.join(dir, "bench.db");
    olderStore(db, "0005_validations").close();
    rmSync(`${db}-shm`, { force: true });
    rmSync(`${db}-wal`, { force: true });
    const ro = readOnlyCopy(db);
    const { code, stdout, stderr } = await bench("report", "rebench", "--db", ro, "--format", "json");
    expect(stderr).toMatch(/reading a private copy/);
    expect(stderr).toContain(
      `the store ${ro} was written by an older bench: brought the private copy up to date (0006_run_report_copy)`,
    );
    expect(stderr).toMatch(/this happens on every read until bench opens it where it is writable/);
    expect(stderr).not.toMatch(/no such column|internal error/);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).notes).toEqual(["No graded RE-bench run matches the filters."]);
  });
});

describe("the project's runs/ folder", () => {
  it("is found from a subfolder, as git finds .git, and the user is told which store is used", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "bench-project-"));
    const db = await filledStore(root);
    expect(db).toBe(path.join(root, "bench.db"));
    mkdirSync(path.join(root, "runs"));
    renameSync(db, path.join(root, "runs", "bench.db"));
    const deep = path.join(root, "agents", "mine");
    mkdirSync(deep, { recursive: true });
    const cwd = process.cwd();
    process.chdir(deep);
    try {
      const { code, stdout, stderr } = await bench("report", "rebench", "--format", "json");
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
      expect(stderr).toContain(
        `bench: note: using ${path.join(root, "runs")}, found above the current folder`,
      );
      expect(existsSync(path.join(deep, "runs"))).toBe(false);
    } finally {
      process.chdir(cwd);
    }
  });
});
