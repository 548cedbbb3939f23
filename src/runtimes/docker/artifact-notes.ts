// What the run's record says about one folder copied out of a container: the entries left out and
// why, in a few short lines. Over-budget files are named with their size and the budget, so that a
// reader sees at once that the folder was merely too large, not missing.

import type { FolderBudget } from "../artifact-limits.js";
import { COUNT_FACTOR, type ExtractReport, type SkippedEntry } from "./extract-archive.js";
import { formatBytes } from "./format-bytes.js";

/** Entries named one by one per folder; the rest are counted in one line. */
export const LISTED_PER_FOLDER = 8;

export interface FolderNotes {
  notes: string[];
  /** Why `problemEntry` (e.g. "submission/submission.csv") was not copied, if it was left out. */
  problem: string | null;
}

function reasonFor(entry: SkippedEntry, containerPath: string, budget: FolderBudget): string {
  if (entry.kind === "refused") return entry.reason;
  const size = formatBytes(entry.size);
  if (entry.size > budget.bytes)
    return `${size}, over the ${formatBytes(budget.bytes)} kept from ${containerPath}`;
  return `${size}, more than the ${formatBytes(entry.bytesLeft)} left of the ${formatBytes(budget.bytes)} kept from ${containerPath}`;
}

/**
 * The notes for the folder `containerPath` (archived under the root name `rootName`) after its
 * extraction within `budget`.
 */
export function folderNotes(
  containerPath: string,
  rootName: string,
  budget: FolderBudget,
  report: ExtractReport,
  problemEntry?: string,
): FolderNotes {
  const notes: string[] = [];
  let problem: string | null = null;
  const root = report.root;
  if (root !== null && root.type !== "directory") {
    const what =
      root.type === "symlink"
        ? `a symbolic link to ${root.linkname}, not a folder`
        : `a ${root.type} entry, not a folder`;
    const line = `${containerPath} is ${what}; nothing was copied from it (bench never follows links)`;
    return { notes: [line], problem: problemEntry === undefined ? null : line };
  }
  for (const entry of report.skipped) {
    const reason = reasonFor(entry, containerPath, budget);
    if (entry.path === problemEntry) problem = reason;
    if (notes.length < LISTED_PER_FOLDER) notes.push(`${entry.path}: ${reason}`);
  }
  const unlisted = report.skippedCount - notes.length;
  if (unlisted > 0) notes.push(`... and ${unlisted} more entries of ${containerPath} left out`);
  const kept = report.files + report.directories;
  const seen = report.stopped === null ? String(report.entries) : `more than ${report.entries}`;
  if (report.overEntries > 0 || report.stopped === "entries") {
    notes.push(
      `${rootName}: ${seen} entries, ${kept} kept (the rest left out; at most ${budget.entries} are kept)`,
    );
  }
  if (report.stopped === "bytes") {
    notes.push(
      `${rootName}: bench stopped reading ${containerPath} at ${formatBytes(report.readBytes)}, over ${COUNT_FACTOR} ` +
        `times the ${formatBytes(budget.bytes)} kept from it; what came after was left out unseen`,
    );
  }
  if (problemEntry !== undefined && problem === null && (report.overEntries > 0 || report.stopped !== null)) {
    problem = `not among the ${kept} entries kept from ${containerPath}, which holds ${seen}`;
  }
  return { notes, problem };
}
