// Enforces a memory limit on a local run the way a cgroup's memory controller would, without needing
// one: it polls the resident memory of every process of the run (its cgroup's members, or the processes
// carrying its run id, so a setsid'd grandchild counts too) and reports when the sum passes the limit,
// so the local runtime can kill the run and classify it as out of memory.
// Linux only; elsewhere it reports that it cannot watch, and the limit is not enforced.

import { pidsOfGroup, rssBytesOf } from "./proc-scan.js";

/** Sum of resident set sizes (bytes) of the processes whose process group is `pgid`. */
export function processGroupRssBytes(pgid: number): number {
  return rssBytesOf(pidsOfGroup(pgid));
}

export interface MemoryWatchdog {
  stop(): void;
  /** The highest total RSS seen, in bytes. */
  readonly peakBytes: number;
}

/**
 * Polls every `intervalMs`; calls `onExceeded` once when the RSS of the processes `members()` lists
 * exceeds `limitBytes`. Returns null when /proc is not available (the caller says the limit is not
 * enforced).
 */
export function watchMemory(
  members: () => Iterable<number>,
  limitBytes: number,
  onExceeded: (rssBytes: number) => void,
  intervalMs = 200,
): MemoryWatchdog | null {
  if (process.platform !== "linux") return null;
  let peak = 0;
  let fired = false;
  const timer = setInterval(() => {
    const rss = rssBytesOf(members());
    if (rss > peak) peak = rss;
    if (!fired && rss > limitBytes) {
      fired = true;
      onExceeded(rss);
    }
  }, intervalMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get peakBytes() {
      return peak;
    },
  };
}
