// Unpacks a tar that came out of an agent's container onto the host, treating every byte of it as
// hostile. The agent controls the names, types and sizes of everything in /home/submission, /home/logs
// and /home/code, so:
//   - only regular files and folders are written, and only under the destination folder;
//   - names that are absolute or contain `..` are refused; entries outside the expected root are refused;
//   - symbolic links are never created (nor followed): they are listed as skipped. A link on the host
//     pointing at /etc/shadow or at the private answers would be read by whatever looks at it next;
//   - hard links are resolved to copies of files already written by this extraction, nothing else;
//   - devices, fifos and the like are skipped;
//   - files are opened O_CREAT|O_EXCL|O_NOFOLLOW inside folders this extraction created itself, so no
//     entry can write through a link or over another entry;
//   - one folder's byte and entry budget stops an agent filling the disk. A file too large for what is
//     left of the budget is left out and the copy goes on, so the small files after a large checkpoint
//     are still kept; past the entry budget the rest is only counted, so the run's record can say how
//     much was left out. Reading a left-out file costs as much as copying it (the engine sends it all:
//     about 4.5 s per GiB measured on vfs), so reading stops before COUNT_FACTOR times the budget, in
//     bytes or in entries: a hostile folder costs a bounded time, whatever the agent wrote.

import { constants } from "node:fs";
import { copyFile, lstat, mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { extract, type Header } from "tar-stream";
import type { FolderBudget } from "../artifact-limits.js";

export type SkippedEntry =
  /** `path` is the entry's name in the archive, e.g. "code/model.ckpt". */
  | { path: string; kind: "refused"; reason: string }
  /** A file larger than what was left of the byte budget (`bytesLeft`) when it came. */
  | { path: string; kind: "over-bytes"; size: number; bytesLeft: number };

export interface ExtractReport {
  files: number;
  directories: number;
  bytes: number;
  /** Entries below the archive's root that were read, kept or not. */
  entries: number;
  /** Bytes of the files read, kept or not. */
  readBytes: number;
  /** The first 100 entries left out (over the entry budget aside), and why; `skippedCount` counts them all. */
  skipped: SkippedEntry[];
  skippedCount: number;
  /** Files left out for the byte budget: how many, and their total size. */
  overBytes: { files: number; bytes: number };
  /** Entries left out because the entry budget was spent (counted, never written). */
  overEntries: number;
  /** Why reading stopped before the archive's end (at COUNT_FACTOR times a budget), if it did. */
  stopped: "entries" | "bytes" | null;
  /** The archive's root entry: a folder normally, a link or a file when the folder was replaced. */
  root: { type: Header["type"]; linkname: string | null } | null;
}

const MAX_NOTES = 100;
/** Past the entry budget, entries are counted until this many times the budget have been read. */
export const COUNT_FACTOR = 4;

/**
 * The path of an entry below the archive's root folder, as safe parts; [] for the root itself; null
 * when the name must be refused (absolute, `..`, NUL, or not under `rootName`).
 */
export function entryPath(name: string, rootName: string): string[] | null {
  if (name.includes("\0") || name.startsWith("/")) return null;
  const parts = name.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) return null;
  if (parts[0] !== rootName) return null;
  return parts.slice(1);
}

/** Host mode for a file: the owner can read and write it; nothing set-id, sticky or group/world-writable. */
function fileMode(mode: number): number {
  return (mode & 0o755) | 0o600;
}

export async function extractTarSafely(
  source: Readable,
  options: { destDir: string; rootName: string; budget: FolderBudget },
): Promise<ExtractReport> {
  const { destDir, rootName, budget } = options;
  if (!(budget.bytes >= 0 && budget.entries >= 0)) {
    throw new TypeError(`budget must be 0 or more bytes and entries, got ${JSON.stringify(budget)}`);
  }
  const info = await lstat(destDir);
  if (!info.isDirectory() || (await readdir(destDir)).length > 0) {
    throw new TypeError(`destDir must be an existing empty folder (not a link), got ${destDir}`);
  }
  const report: ExtractReport = {
    files: 0,
    directories: 0,
    bytes: 0,
    entries: 0,
    readBytes: 0,
    skipped: [],
    skippedCount: 0,
    overBytes: { files: 0, bytes: 0 },
    overEntries: 0,
    stopped: null,
    root: null,
  };
  const refuse = (entry: string, reason: string) => {
    report.skippedCount++;
    if (report.skipped.length < MAX_NOTES) report.skipped.push({ path: entry, kind: "refused", reason });
  };
  const overBytes = (entry: string, size: number) => {
    report.overBytes.files++;
    report.overBytes.bytes += size;
    report.skippedCount++;
    const bytesLeft = budget.bytes - report.bytes;
    if (report.skipped.length < MAX_NOTES)
      report.skipped.push({ path: entry, kind: "over-bytes", size, bytesLeft });
  };
  const kept = () => report.files + report.directories;
  // Everything this extraction created, by relative path: the only places it will ever write into.
  const dirs = new Set<string>([""]);
  const files = new Map<string, string>();
  const taken = new Set<string>([""]);

  /** Makes the folders of `parts`; false when one clashes with a file ("clash") or the entry budget ends. */
  const ensureDirs = async (
    parts: readonly string[],
    reserve: number,
  ): Promise<true | "clash" | "budget"> => {
    const missing = parts.map((_, i) => parts.slice(0, i + 1).join("/")).filter((rel) => !dirs.has(rel));
    if (missing.some((rel) => taken.has(rel))) return "clash"; // a file of this archive has that name
    if (kept() + missing.length + reserve > budget.entries) return "budget";
    for (const rel of missing) {
      try {
        await mkdir(path.join(destDir, ...rel.split("/")), { mode: 0o755 });
      } catch (error) {
        // Already there though this extraction did not make it: refuse rather than write into it.
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return "clash";
        throw error;
      }
      dirs.add(rel);
      taken.add(rel);
      report.directories++;
    }
    return true;
  };

  /** Room for one more entry (and its folders): true, or the reason there is none, already recorded. */
  const place = async (parts: string[], shown: string): Promise<boolean> => {
    const rel = parts.join("/");
    const made = taken.has(rel) ? "clash" : await ensureDirs(parts.slice(0, -1), 1);
    if (made === "clash") refuse(shown, "clashes with another entry, not copied");
    if (made === "budget") report.overEntries++;
    if (made !== true) return false;
    taken.add(rel);
    return true;
  };

  const writeFile = async (parts: string[], header: Header, entry: AsyncIterable<unknown>): Promise<void> => {
    const target = path.join(destDir, ...parts);
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    const handle = await open(target, flags, fileMode(header.mode));
    try {
      for await (const chunk of entry) {
        const buffer = chunk as Buffer;
        await handle.write(buffer);
        report.bytes += buffer.length;
      }
      if (header.mtime) await handle.utimes(header.mtime, header.mtime);
    } finally {
      await handle.close();
    }
  };

  const extractor = extract();
  source.on("error", (error) => extractor.destroy(error));
  // tar-stream's streams are streamx streams: pipe-compatible with Node's, typed apart.
  const sink = extractor as unknown as NodeJS.WritableStream;
  source.pipe(sink);
  try {
    for await (const entry of extractor) {
      const header = entry.header;
      const parts = entryPath(header.name, rootName);
      if (parts !== null && parts.length === 0) {
        report.root = { type: header.type, linkname: header.linkname ?? null };
        entry.resume(); // the root folder itself, already there
        continue;
      }
      if (report.entries >= COUNT_FACTOR * Math.max(budget.entries, 1)) {
        report.stopped = "entries";
        break;
      }
      report.entries++;
      const shown = parts === null ? JSON.stringify(header.name) : [rootName, ...parts].join("/");
      if (parts === null) {
        refuse(shown, `an unsafe name (absolute, '..' or outside ${rootName}/), not copied`);
        entry.resume();
        continue;
      }
      switch (header.type) {
        case "directory": {
          const made = await ensureDirs(parts, 0);
          if (made === "clash") refuse(shown, "clashes with another entry, not copied");
          if (made === "budget") report.overEntries++;
          entry.resume();
          break;
        }
        case "file":
        case "contiguous-file": {
          const size = header.size ?? 0;
          report.readBytes += size;
          if (size > budget.bytes - report.bytes) {
            overBytes(shown, size);
            // Left out: read it only if the folder's reading stays within its bound (see above).
            if (report.readBytes > COUNT_FACTOR * budget.bytes) report.stopped = "bytes";
            else entry.resume();
            break;
          }
          if (!(await place(parts, shown))) {
            entry.resume();
            break;
          }
          await writeFile(parts, header, entry);
          files.set(parts.join("/"), path.join(destDir, ...parts));
          report.files++;
          break;
        }
        case "link": {
          entry.resume();
          const targetParts = entryPath(header.linkname ?? "", rootName);
          const original = targetParts === null ? undefined : files.get(targetParts.join("/"));
          if (original === undefined) {
            refuse(
              shown,
              `a hard link to ${JSON.stringify(header.linkname)}, which is not a copied file, not copied`,
            );
            break;
          }
          const size = (await lstat(original)).size;
          if (size > budget.bytes - report.bytes) {
            overBytes(shown, size);
            break;
          }
          if (!(await place(parts, shown))) break;
          const target = path.join(destDir, ...parts);
          await copyFile(original, target, constants.COPYFILE_EXCL);
          files.set(parts.join("/"), target);
          report.files++;
          report.bytes += size;
          break;
        }
        case "symlink":
          refuse(
            shown,
            `a symbolic link to ${header.linkname}, not copied (bench never creates or follows links)`,
          );
          entry.resume();
          break;
        default:
          refuse(shown, `a ${header.type} entry, not copied`);
          entry.resume();
      }
      if (report.stopped !== null) break;
    }
  } finally {
    source.unpipe(sink);
    source.destroy();
  }
  return report;
}
