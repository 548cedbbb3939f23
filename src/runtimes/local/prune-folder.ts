// What is kept of a local run's writable folder once the run has ended: no more than its budget. The
// submission comes first, so a large checkpoint written beside it never crowds out submission.csv; the
// rest is kept in name order while it fits, and whatever does not fit is deleted and listed in the
// run's notes. Links are never followed: a link is kept or deleted as a link.

import { lstatSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { FolderBudget } from "../artifact-limits.js";
import { formatBytes, measureFolder, type WritableFolder } from "./folder-budget.js";

export interface LeftOut {
  /** Relative to the run folder, e.g. "code/model.bin" or "logs/tmp/" (a folder, removed whole). */
  path: string;
  bytes: number | null;
}

export interface PruneReport {
  folder: WritableFolder;
  budget: FolderBudget;
  leftOut: LeftOut[];
  /** Over the budget but could not be deleted (an agent that took away the rights to): still there. */
  undeletable: string[];
}

/**
 * Deletes what exceeds `budget` in `dir` (the run folder's `folder`), keeping `first` (a name inside
 * it) before anything else when it is a regular file that fits; null when nothing had to go.
 */
export function pruneFolder(
  dir: string,
  folder: WritableFolder,
  budget: FolderBudget,
  first?: string,
): PruneReport | null {
  if (measureFolder(dir, budget).over === null) return null;
  const report: PruneReport = { folder, budget, leftOut: [], undeletable: [] };
  const drop = (full: string, entry: LeftOut) => {
    try {
      rmSync(full, { recursive: true, force: true });
      report.leftOut.push(entry);
    } catch {
      report.undeletable.push(entry.path);
    }
  };
  const left = { bytes: budget.bytes, entries: budget.entries };
  const visit = (full: string, relative: string) => {
    let info: ReturnType<typeof lstatSync>;
    try {
      info = lstatSync(full);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      if (left.entries < 1) {
        drop(full, { path: `${relative}/`, bytes: null });
        return;
      }
      left.entries--;
      for (const name of sortedNames(full)) visit(path.join(full, name), `${relative}/${name}`);
      return;
    }
    const bytes = info.isFile() ? info.size : 0;
    if (left.entries >= 1 && bytes <= left.bytes) {
      left.entries--;
      left.bytes -= bytes;
      return;
    }
    drop(full, { path: relative, bytes: info.isFile() ? bytes : null });
  };
  const firstFull = first === undefined ? null : path.join(dir, first);
  if (firstFull !== null) visit(firstFull, `${folder}/${first}`);
  for (const name of sortedNames(dir)) {
    const full = path.join(dir, name);
    if (full !== firstFull) visit(full, `${folder}/${name}`);
  }
  return report;
}

function sortedNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Lines for the run's notes: one per pruned folder, then the paths left out, `maxListed` in all
 * across folders and "... and N more" for the rest of each folder.
 */
export function pruneNotes(reports: readonly PruneReport[], maxListed = 20): string[] {
  const notes: string[] = [];
  let listed = 0;
  for (const { folder, budget, leftOut, undeletable } of reports) {
    const bytes = leftOut.reduce((sum, entry) => sum + (entry.bytes ?? 0), 0);
    notes.push(
      `${folder}/ was over its budget (${formatBytes(budget.bytes)}, ${budget.entries} entries): ` +
        `${leftOut.length} entr${leftOut.length === 1 ? "y" : "ies"} (${formatBytes(bytes)} of files) left out`,
    );
    const shown = leftOut.slice(0, Math.max(0, maxListed - listed));
    listed += shown.length;
    for (const entry of shown) {
      notes.push(`left out ${entry.path}${entry.bytes === null ? "" : ` (${formatBytes(entry.bytes)})`}`);
    }
    if (shown.length < leftOut.length)
      notes.push(`... and ${leftOut.length - shown.length} more in ${folder}/`);
    if (undeletable.length > 0) {
      notes.push(
        `${undeletable.length} entries of ${folder}/ over its budget could not be deleted, e.g. ${undeletable[0]}`,
      );
    }
  }
  return notes;
}
