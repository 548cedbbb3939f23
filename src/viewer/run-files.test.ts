import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, readSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listRunFiles, openRunFile, relativePathProblem } from "./run-files.js";

function runFolder() {
  const root = mkdtempSync(path.join(tmpdir(), "bench-run-files-"));
  const runDir = path.join(root, "run");
  mkdirSync(path.join(runDir, "logs"), { recursive: true });
  writeFileSync(path.join(runDir, "agent.log"), "hello\n");
  writeFileSync(path.join(runDir, "logs", "notes.txt"), "notes\n");
  writeFileSync(path.join(root, "secret.txt"), "outside\n");
  return { root, runDir };
}

const opened: number[] = [];
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});

function read(runDir: string, relative: string) {
  const result = openRunFile(runDir, relative);
  if (!result.ok) return result;
  opened.push(result.fd);
  const buffer = Buffer.alloc(result.size);
  readSync(result.fd, buffer, 0, result.size, 0);
  return { ok: true, text: buffer.toString("utf8") };
}

describe("openRunFile", () => {
  it("opens regular files inside the run's folder", () => {
    const { runDir } = runFolder();
    expect(read(runDir, "agent.log")).toEqual({ ok: true, text: "hello\n" });
    expect(read(runDir, "logs/notes.txt")).toEqual({ ok: true, text: "notes\n" });
  });

  it("refuses '..', absolute paths, empty parts and backslashes with 400, before touching the disk", () => {
    const { runDir } = runFolder();
    for (const bad of [
      "../secret.txt",
      "logs/../../secret.txt",
      "..",
      "logs/..",
      "./agent.log",
      "/etc/passwd",
      "logs//notes.txt",
      "",
      "logs\\..\\x",
      "a\0b",
    ]) {
      expect(openRunFile(runDir, bad), bad).toMatchObject({ ok: false, status: 400 });
      expect(relativePathProblem(bad), bad).not.toBeNull();
    }
  });

  it("refuses a symbolic link to a file, even one inside the folder, with 404", () => {
    const { root, runDir } = runFolder();
    symlinkSync(path.join(root, "secret.txt"), path.join(runDir, "logs", "out.txt"));
    symlinkSync("/etc/passwd", path.join(runDir, "passwd"));
    symlinkSync("agent.log", path.join(runDir, "same.log"));
    for (const link of ["logs/out.txt", "passwd", "same.log"]) {
      expect(openRunFile(runDir, link), link).toMatchObject({
        ok: false,
        status: 404,
        reason: expect.stringMatching(/symbolic link/),
      });
    }
  });

  it("refuses a path through a linked folder, and a run folder that is itself a link", () => {
    const { root, runDir } = runFolder();
    symlinkSync(root, path.join(runDir, "up"));
    expect(openRunFile(runDir, "up/secret.txt")).toMatchObject({
      ok: false,
      status: 404,
      reason: expect.stringMatching(/symbolic link/),
    });
    const linkedRun = path.join(root, "linked-run");
    symlinkSync(runDir, linkedRun);
    expect(openRunFile(linkedRun, "agent.log")).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses folders, FIFOs and missing files with 404 without blocking", () => {
    const { runDir } = runFolder();
    execFileSync("mkfifo", [path.join(runDir, "pipe")]);
    expect(openRunFile(runDir, "logs")).toMatchObject({ ok: false, status: 404 });
    expect(openRunFile(runDir, "pipe")).toMatchObject({
      ok: false,
      status: 404,
      reason: expect.stringMatching(/not a regular file/),
    });
    expect(openRunFile(runDir, "missing.txt")).toMatchObject({ ok: false, status: 404 });
    expect(openRunFile(runDir, "agent.log/x")).toMatchObject({ ok: false, status: 404 });
  });
});

describe("listRunFiles", () => {
  it("lists files and links without following links", () => {
    const { root, runDir } = runFolder();
    symlinkSync(root, path.join(runDir, "up"));
    const { entries, more } = listRunFiles(runDir);
    expect(more).toBe(false);
    expect(entries).toEqual([
      { relative: "agent.log", kind: "file", bytes: 6 },
      { relative: "up", kind: "link", bytes: 0 },
      { relative: "logs/notes.txt", kind: "file", bytes: 6 },
    ]);
    expect(listRunFiles(runDir, 1)).toMatchObject({ more: true });
  });
});
