// Watches how much a running container has written into its own filesystem, where the storage
// driver cannot cap it (see storage-limit.ts), and reports the first measurement past the limit so
// that the run is stopped. The engine measures by walking the container's layer (vfs: about 80 ms for
// the busybox image plus 5,000 files and 200 MB, on 2 cores), so checks never overlap and are spaced
// at least SPACING times their own duration apart: the watch costs the engine a few percent at most,
// even for an image of many files. An agent can overshoot the limit by what it writes between two
// checks; the limit is a bound on a runaway, not an exact quota.

import type { StopWatcher } from "./supervise-container.js";

/** A check waits at least this many times as long as the previous check took. */
export const SPACING = 20;
export const DEFAULT_DISK_CHECK_INTERVAL_MS = 10_000;

export interface DiskWatchOptions {
  limitBytes: number;
  /** Time between the end of one check and the start of the next (at least). */
  intervalMs: number;
}

/**
 * Calls `measure` every `intervalMs` (or more, see SPACING) and `onOver(bytes)` once, at the first
 * measurement above `limitBytes`; then stops. A failed measurement (the container is exiting, the
 * engine is busy) is skipped: the run's own supervision reports an engine that is gone. Returns a
 * function that ends the watch.
 */
export function watchDisk(
  measure: () => Promise<number>,
  options: DiskWatchOptions,
  onOver: (bytes: number) => void,
): () => void {
  const { limitBytes, intervalMs } = options;
  if (!(Number.isFinite(intervalMs) && intervalMs > 0)) {
    throw new TypeError(`intervalMs must be a positive number, got ${String(intervalMs)}`);
  }
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const check = async () => {
    const startedAt = performance.now();
    let bytes: number | null = null;
    try {
      bytes = await measure();
    } catch {
      // skipped; see above
    }
    if (ended) return;
    if (bytes !== null && bytes > limitBytes) {
      ended = true;
      onOver(bytes);
      return;
    }
    const took = performance.now() - startedAt;
    timer = setTimeout(check, Math.max(intervalMs, SPACING * took));
  };
  timer = setTimeout(check, intervalMs);
  return () => {
    ended = true;
    clearTimeout(timer);
  };
}

/**
 * The disk watch as a StopWatcher for superviseContainer: stops the container with "disk_limit" past
 * the limit; `usedBytes()` then says how much it had written.
 */
export function diskLimitWatcher(
  measure: () => Promise<number>,
  options: DiskWatchOptions,
): { watch: StopWatcher; usedBytes: () => number | undefined } {
  let used: number | undefined;
  const watch: StopWatcher = (stop) =>
    watchDisk(measure, options, (bytes) => {
      used = bytes;
      stop("disk_limit");
    });
  return { watch, usedBytes: () => used };
}
