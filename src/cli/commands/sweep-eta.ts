// When will a sweep be done? A rough answer for `bench status`, from the runs that have finished: the
// runs left each take the mean duration so far, a running run needs what it lacks of the mean, and the
// sweep runs as many at once as it is configured (or seen) to. Pure: plain numbers in, a number out.

import type { RunStatus } from "../../store/schema.js";

/** Runs whose duration says how long a run takes: they ran until they ended on their own. */
const TIMED_STATUSES: readonly RunStatus[] = [
  "completed",
  "agent_error",
  "timed_out",
  "out_of_memory",
  "over_budget",
];

export interface EtaRun {
  status: RunStatus;
  startedAtMs: number | null;
  finishedAtMs: number | null;
}

export interface Eta {
  /** Milliseconds until the last run should end; null when no run has finished to learn from. */
  remainingMs: number | null;
  /** Runs not finished yet (queued or running). */
  left: number;
  /** The mean duration of the finished runs, ms; null when none has finished. */
  meanMs: number | null;
  /** How many runs the estimate assumes run at once. */
  parallel: number;
}

/**
 * @param concurrency the sweep's configured concurrency, when known; else the number running now.
 */
export function estimateSweepEta(runs: readonly EtaRun[], nowMs: number, concurrency?: number): Eta {
  const durations = runs
    .filter((r) => TIMED_STATUSES.includes(r.status) && r.startedAtMs !== null && r.finishedAtMs !== null)
    .map((r) => r.finishedAtMs! - r.startedAtMs!);
  const queued = runs.filter((r) => r.status === "queued").length;
  const running = runs.filter((r) => r.status === "running");
  const left = queued + running.length;
  const parallel = Math.max(1, Math.min(concurrency ?? running.length, left));
  if (left === 0) return { remainingMs: 0, left, meanMs: mean(durations), parallel };
  const meanMs = mean(durations);
  if (meanMs === null) return { remainingMs: null, left, meanMs, parallel };
  const runningLeftMs = running.reduce(
    (sum, r) => sum + Math.max(0, meanMs - (r.startedAtMs === null ? 0 : nowMs - r.startedAtMs)),
    0,
  );
  return { remainingMs: (queued * meanMs + runningLeftMs) / parallel, left, meanMs, parallel };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
