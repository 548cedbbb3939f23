// Watches a started container until it exits, enforcing the time limit, cancellation and any other
// watcher's stop (the disk watch) the same way: a polite SIGTERM, then SIGKILL after the grace period.
// Reports why bench stopped it, if it did, so the run is classified by bench's reason and not by the
// exit code the stop produced.

import type { RunLimits } from "../runtime.js";
import type { AgentContainer } from "./agent-container.js";
import type { StopReason } from "./classify-exit.js";

/** Starts watching something about the container; calls `stop` to stop it; returns how to end the watch. */
export type StopWatcher = (stop: (reason: StopReason) => void) => () => void;

/** setTimeout fires at once beyond this (about 24.8 days); longer limits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function superviseContainer(
  container: AgentContainer,
  limits: Pick<RunLimits, "timeLimitMs" | "stopGraceMs">,
  signal?: AbortSignal,
  watchers: readonly StopWatcher[] = [],
): Promise<{ stopReason: StopReason | null; exitStatus: number }> {
  let stopReason: StopReason | null = null;
  let stopping: Promise<void> | undefined;
  let exited = false;
  const stop = (reason: StopReason) => {
    if (stopReason !== null || exited) return;
    stopReason = reason;
    // A failed kill shows up as a container that does not exit; the engine error itself is reported
    // by exited() if the engine is gone.
    stopping = container.stop(limits.stopGraceMs).catch(() => {});
  };

  const deadline = Date.now() + limits.timeLimitMs;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = deadline - Date.now();
    if (left <= 0) stop("timed_out");
    else timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  const onAbort = () => stop("cancelled");
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  const unwatch = watchers.map((watch) => watch(stop));

  try {
    const exitStatus = await container.exited();
    exited = true;
    await stopping;
    return { stopReason, exitStatus };
  } finally {
    clearTimeout(timer);
    for (const end of unwatch) end();
    signal?.removeEventListener("abort", onAbort);
  }
}
