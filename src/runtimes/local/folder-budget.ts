// Measuring a local run's writable folders against their budgets while the agent runs. In the local
// runtime the agent writes straight into the run's folder on the host, so an agent that writes without
// end would fill the disk; the watcher notices a folder going over its budget within a poll and the run
// is stopped. A walk stops counting once past the budget, so measuring a huge folder costs no more than
// measuring one just over its limit.

import { type Dir, lstatSync, opendirSync } from "node:fs";
import path from "node:path";
import type { FolderBudget } from "../artifact-limits.js";

export type WritableFolder = "submission" | "logs" | "code";

export interface FolderUse {
  /** Bytes of regular files (links are not followed), counted until the budget was passed. */
  bytes: number;
  /** Files, folders, links and others under the folder, counted until the budget was passed. */
  entries: number;
  /** Which limit the folder passed, if any. */
  over: "bytes" | "entries" | null;
}

/** Walks `dir` without following links; stops once the bytes or the entries pass `budget`. */
export function measureFolder(dir: string, budget: FolderBudget): FolderUse {
  const use: FolderUse = { bytes: 0, entries: 0, over: null };
  try {
    // The agent may have swapped the folder for a link to elsewhere: that is not measured (nor kept).
    if (!lstatSync(dir).isDirectory()) return use;
  } catch {
    return use;
  }
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let handle: Dir;
    try {
      handle = opendirSync(current);
    } catch {
      continue; // removed meanwhile
    }
    try {
      // Entries are read a few at a time: a folder of a million files is not listed whole.
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
        use.entries++;
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isFile()) use.bytes += sizeOf(full);
        if (use.bytes > budget.bytes) use.over = "bytes";
        else if (use.entries > budget.entries) use.over = "entries";
        if (use.over !== null) return use;
      }
    } finally {
      handle.closeSync();
    }
  }
  return use;
}

function sizeOf(file: string): number {
  try {
    return lstatSync(file).size;
  } catch {
    return 0;
  }
}

export interface FolderOverrun {
  folder: WritableFolder;
  use: FolderUse;
  budget: FolderBudget;
}

/** Formats a byte count for people: "3.0 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** The run's message when a folder went over its budget. */
export function overrunMessage({ folder, use, budget }: FolderOverrun): string {
  const what =
    use.over === "entries"
      ? `more than ${budget.entries} entries, its budget`
      : `more than ${formatBytes(budget.bytes)} (at least ${formatBytes(use.bytes)}), above its budget of ${formatBytes(budget.bytes)}`;
  return `the agent's ${folder} folder holds ${what}; the agent was stopped`;
}

export interface FolderWatcher {
  stop(): void;
}

/**
 * Measures each folder every `intervalMs` (longer while a walk takes long, so watching never takes
 * more than about half the event loop) and calls `onOver` once, for the first folder over its budget.
 */
export function watchFolders(
  folders: readonly { folder: WritableFolder; dir: string; budget: FolderBudget }[],
  onOver: (overrun: FolderOverrun) => void,
  intervalMs = 500,
): FolderWatcher {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const poll = () => {
    const started = Date.now();
    for (const { folder, dir, budget } of folders) {
      const use = measureFolder(dir, budget);
      if (use.over !== null) {
        stopped = true;
        onOver({ folder, use, budget });
        return;
      }
    }
    if (!stopped) schedule(Math.max(intervalMs, 2 * (Date.now() - started)));
  };
  const schedule = (ms: number) => {
    timer = setTimeout(poll, ms);
    timer.unref();
  };
  schedule(intervalMs);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
