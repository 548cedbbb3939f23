import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pack } from "tar-stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FolderBudget } from "../artifact-limits.js";
import { COUNT_FACTOR, entryPath, extractTarSafely } from "./extract-archive.js";

type Entry = Parameters<ReturnType<typeof pack>["entry"]>[0] & { body?: string };

async function tarOf(entries: readonly Entry[]): Promise<Readable> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve) => archive.once("end", resolve));
  for (const { body, ...header } of entries) {
    if (body === undefined) archive.entry(header);
    else archive.entry(header, body);
  }
  archive.finalize();
  await ended;
  return Readable.from([Buffer.concat(chunks)]);
}

const plenty = (): FolderBudget => ({ bytes: 1024 * 1024, entries: 1000 });

let root: string;
let dest: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "bench-extract-"));
  dest = path.join(root, "submission");
  mkdirSync(dest);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("entryPath", () => {
  it("strips the root folder and refuses names that could leave it", () => {
    expect(entryPath("submission/", "submission")).toEqual([]);
    expect(entryPath("submission/a/./b.csv", "submission")).toEqual(["a", "b.csv"]);
    expect(entryPath("submission/../x", "submission")).toBeNull();
    expect(entryPath("submission/a/../../x", "submission")).toBeNull();
    expect(entryPath("/etc/passwd", "submission")).toBeNull();
    expect(entryPath("logs/x", "submission")).toBeNull();
    expect(entryPath("submission/a\0b", "submission")).toBeNull();
  });
});

describe("extractTarSafely", () => {
  it("writes regular files and folders, with tame modes", async () => {
    const tar = await tarOf([
      { name: "submission/", type: "directory" },
      { name: "submission/submission.csv", body: "id,y\n1,0.5\n", mode: 0o4777 },
      { name: "submission/deep/er/notes.txt", body: "hi" },
    ]);
    const report = await extractTarSafely(tar, { destDir: dest, rootName: "submission", budget: plenty() });
    expect(readFileSync(path.join(dest, "submission.csv"), "utf8")).toBe("id,y\n1,0.5\n");
    expect(lstatSync(path.join(dest, "submission.csv")).mode & 0o7777).toBe(0o755);
    expect(readFileSync(path.join(dest, "deep/er/notes.txt"), "utf8")).toBe("hi");
    expect(report).toMatchObject({
      files: 2,
      directories: 2,
      bytes: 13,
      skippedCount: 0,
      overEntries: 0,
      root: { type: "directory", linkname: null },
    });
  });

  it("never creates symbolic links and never writes outside the destination", async () => {
    const outside = path.join(root, "escape.txt");
    const tar = await tarOf([
      { name: "submission/submission.csv", type: "symlink", linkname: "/etc/hostname" },
      { name: "submission/up", type: "symlink", linkname: ".." },
      { name: "submission/up/escape.txt", body: "through the link" },
      { name: "submission/../escape.txt", body: "dot dot" },
      { name: "/tmp/absolute.txt", body: "absolute" },
      { name: "logs/other-root.txt", body: "other root" },
      { name: "submission/fifo", type: "fifo" },
      { name: "submission/hard-outside", type: "link", linkname: "/etc/passwd" },
      { name: "submission/hard-to-link", type: "link", linkname: "submission/submission.csv" },
    ]);
    const report = await extractTarSafely(tar, { destDir: dest, rootName: "submission", budget: plenty() });
    expect(existsSync(outside)).toBe(false);
    expect(existsSync("/tmp/absolute.txt")).toBe(false);
    expect(() => lstatSync(path.join(dest, "submission.csv"))).toThrow(/ENOENT/);
    expect(() => lstatSync(path.join(dest, "hard-outside"))).toThrow(/ENOENT/);
    expect(() => lstatSync(path.join(dest, "hard-to-link"))).toThrow(/ENOENT/);
    // The file behind the refused link went into a real folder named `up`, inside the destination.
    expect(lstatSync(path.join(dest, "up")).isDirectory()).toBe(true);
    expect(readFileSync(path.join(dest, "up", "escape.txt"), "utf8")).toBe("through the link");
    expect(report.skippedCount).toBe(8);
    expect(report.skipped).toContainEqual({
      path: "submission/submission.csv",
      kind: "refused",
      reason: expect.stringContaining("a symbolic link to /etc/hostname"),
    });
  });

  it("copies hard links to files it wrote, and refuses to overwrite an entry", async () => {
    const tar = await tarOf([
      { name: "submission/a.csv", body: "first" },
      { name: "submission/submission.csv", type: "link", linkname: "submission/a.csv" },
      { name: "submission/a.csv", body: "second" },
      { name: "submission/a.csv/inside", body: "file under a file" },
    ]);
    const report = await extractTarSafely(tar, { destDir: dest, rootName: "submission", budget: plenty() });
    expect(readFileSync(path.join(dest, "submission.csv"), "utf8")).toBe("first");
    expect(lstatSync(path.join(dest, "submission.csv")).isFile()).toBe(true);
    expect(readFileSync(path.join(dest, "a.csv"), "utf8")).toBe("first");
    expect(report.skippedCount).toBe(2);
  });

  it("leaves out a file over the byte budget and goes on with the smaller ones after it", async () => {
    const budget: FolderBudget = { bytes: 10, entries: 1000 };
    const tar = await tarOf([
      { name: "submission/a-small.txt", body: "123456" },
      { name: "submission/b-big.txt", body: "123456789" },
      { name: "submission/c-after.txt", body: "1" },
      { name: "submission/d-huge.txt", body: "x".repeat(50) },
    ]);
    const report = await extractTarSafely(tar, { destDir: dest, rootName: "submission", budget });
    expect(existsSync(path.join(dest, "a-small.txt"))).toBe(true);
    expect(existsSync(path.join(dest, "b-big.txt"))).toBe(false);
    expect(readFileSync(path.join(dest, "c-after.txt"), "utf8")).toBe("1");
    expect(existsSync(path.join(dest, "d-huge.txt"))).toBe(false);
    expect(report).toMatchObject({ files: 2, bytes: 7, entries: 4, overBytes: { files: 2, bytes: 59 } });
    expect(report.skipped).toEqual([
      { path: "submission/b-big.txt", kind: "over-bytes", size: 9, bytesLeft: 4 },
      { path: "submission/d-huge.txt", kind: "over-bytes", size: 50, bytesLeft: 3 },
    ]);
  });

  it("keeps the first entries of the entry budget, folders included, and counts the rest", async () => {
    const tar = await tarOf([
      { name: "submission/deep/", type: "directory" },
      ...Array.from({ length: 19 }, (_, i) => ({ name: `submission/deep/f${i}`, body: "x" })),
    ]);
    const report = await extractTarSafely(tar, {
      destDir: dest,
      rootName: "submission",
      budget: { bytes: 1000, entries: 5 },
    });
    expect(report).toMatchObject({ directories: 1, files: 4, entries: 20, overEntries: 15, stopped: null });
    expect(existsSync(path.join(dest, "deep", "f3"))).toBe(true);
    expect(existsSync(path.join(dest, "deep", "f4"))).toBe(false);
  });

  it("stops reading far past the entry budget", async () => {
    const tar = await tarOf(Array.from({ length: 50 }, (_, i) => ({ name: `submission/f${i}`, body: "x" })));
    const report = await extractTarSafely(tar, {
      destDir: dest,
      rootName: "submission",
      budget: { bytes: 1000, entries: 5 },
    });
    expect(report).toMatchObject({
      files: 5,
      stopped: "entries",
      entries: COUNT_FACTOR * 5,
      overEntries: COUNT_FACTOR * 5 - 5,
    });
  });

  it("stops reading at a left-out file that would take it past four times the byte budget", async () => {
    const tar = await tarOf([
      { name: "submission/a.bin", body: "x".repeat(30) },
      { name: "submission/b.txt", body: "12345" },
      { name: "submission/c.bin", body: "x".repeat(20) },
      { name: "submission/d.txt", body: "1" },
    ]);
    const report = await extractTarSafely(tar, {
      destDir: dest,
      rootName: "submission",
      budget: { bytes: 10, entries: 1000 },
    });
    // a.bin (30 of the 40 bytes that may be read) is read past; c.bin would make 55: reading stops there.
    expect(report).toMatchObject({ files: 1, entries: 3, readBytes: 55, stopped: "bytes" });
    expect(report.skipped.map((entry) => entry.path)).toEqual(["submission/a.bin", "submission/c.bin"]);
    expect(existsSync(path.join(dest, "b.txt"))).toBe(true);
    expect(existsSync(path.join(dest, "d.txt"))).toBe(false);
  });

  it("reports a root that is a link instead of a folder, and writes nothing", async () => {
    const tar = await tarOf([{ name: "submission", type: "symlink", linkname: "/etc" }]);
    const report = await extractTarSafely(tar, { destDir: dest, rootName: "submission", budget: plenty() });
    expect(report.root).toEqual({ type: "symlink", linkname: "/etc" });
    expect(report.entries).toBe(0);
  });

  it("refuses a destination that is not an empty folder", async () => {
    const tar = await tarOf([]);
    await expect(
      extractTarSafely(tar, { destDir: root, rootName: "submission", budget: plenty() }),
    ).rejects.toThrow(TypeError);
  });
});
