// The files of one run's folder that the viewer lists and serves. The folder is within an agent's reach
// under the local runtime, so a request names a file by its path relative to the folder and is served
// only when that path stays inside it and ends at a regular file: no "..", no absolute path, no link
// followed at any step (an agent could point one at /etc/passwd or at the private answers), no FIFO
// (reading one would block the server).

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
} from "node:fs";
import path from "node:path";

export type RunFileRefusal = { ok: false; status: 400 | 404; reason: string };
export type RunFileOpen = { ok: true; fd: number; size: number; file: string } | RunFileRefusal;

/** Why `relative` is not a path inside a folder, or null when it is one. */
export function relativePathProblem(relative: string): string | null {
  if (relative === "") return "the file path is empty.";
  if (relative.includes("\0")) return "the file path contains a NUL character.";
  if (relative.includes("\\")) return "the file path contains a backslash.";
  if (relative.startsWith("/") || path.isAbsolute(relative)) return "the file path is absolute.";
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === "." || segment === "..")
      return `the file path has a "${segment}" part; only plain names are allowed.`;
  }
  return null;
}

const notFound = (reason: string): RunFileRefusal => ({ ok: false, status: 404, reason });

/**
 * Opens `relative` inside `runDir` for reading. The caller closes `fd`. Every folder on the way is
 * checked with lstat, the file is opened without following a link, and the opened file's real path is
 * checked to lie inside the folder's real path (a folder swapped for a link between the checks).
 */
export function openRunFile(runDir: string, relative: string): RunFileOpen {
  const problem = relativePathProblem(relative);
  if (problem !== null) return { ok: false, status: 400, reason: problem };
  const segments = relative.split("/");
  let current = runDir;
  for (const segment of ["", ...segments.slice(0, -1)]) {
    current = segment === "" ? current : path.join(current, segment);
    let info: ReturnType<typeof lstatSync>;
    try {
      info = lstatSync(current);
    } catch {
      return notFound("there is no such file.");
    }
    if (info.isSymbolicLink()) return notFound("a folder on the way is a symbolic link; it is not followed.");
    if (!info.isDirectory()) return notFound("there is no such file.");
  }
  const file = path.join(runDir, ...segments);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return notFound("the file is a symbolic link; it is not followed.");
    return notFound("there is no such file.");
  }
  const info = fstatSync(fd);
  if (!info.isFile() || !insideFolder(fd, runDir)) {
    closeSync(fd);
    return notFound(
      info.isFile() ? "the file is outside the run's folder." : "the file is not a regular file.",
    );
  }
  return { ok: true, fd, size: info.size, file };
}

/** Whether the open file lies inside `dir`, by the kernel's own name for it (Linux); true elsewhere. */
function insideFolder(fd: number, dir: string): boolean {
  let real: string;
  try {
    real = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return true; // no /proc: the lstat walk above is the check
  }
  const root = realpathSync(dir);
  return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

export interface RunFileEntry {
  /** Path relative to the run's folder, "/"-separated. */
  relative: string;
  kind: "file" | "link" | "other";
  bytes: number;
}

/** Most entries listed on a run's page. */
export const LISTED_FILES = 500;

/** The run folder's files, folders first visited in name order, links listed but never followed. */
export function listRunFiles(runDir: string, max = LISTED_FILES): { entries: RunFileEntry[]; more: boolean } {
  const entries: RunFileEntry[] = [];
  const pending: string[] = [""];
  try {
    if (!lstatSync(runDir).isDirectory()) return { entries, more: false };
  } catch {
    return { entries, more: false };
  }
  while (pending.length > 0) {
    const folder = pending.shift()!;
    let names: string[];
    try {
      names = readdirSync(path.join(runDir, folder)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const relative = folder === "" ? name : `${folder}/${name}`;
      let info: ReturnType<typeof lstatSync>;
      try {
        info = lstatSync(path.join(runDir, relative));
      } catch {
        continue; // removed meanwhile
      }
      if (info.isDirectory()) {
        pending.push(relative);
        continue;
      }
      if (entries.length >= max) return { entries, more: true };
      const kind = info.isSymbolicLink() ? "link" : info.isFile() ? "file" : "other";
      entries.push({ relative, kind, bytes: kind === "file" ? info.size : 0 });
    }
  }
  return { entries, more: false };
}
