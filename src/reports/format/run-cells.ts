// How run lists show a run's times and score: the CLI (runs list, status, sweeps list) and the viewer.

import { formatDuration } from "../../config/duration.js";
import type { RunListRow } from "../../store/runs-query.js";

/** A duration as people read it (formatDuration), to the second; in milliseconds under a second. */
export function humanDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  return formatDuration(clamped < 1000 ? Math.round(clamped) : Math.round(clamped / 1000) * 1000);
}

/** How long the run took, or has been running so far; null before it starts. */
export function runDurationMs(run: Pick<RunListRow, "startedAtMs" | "finishedAtMs">, nowMs: number) {
  if (run.startedAtMs === null) return null;
  return (run.finishedAtMs ?? nowMs) - run.startedAtMs;
}

/** The duration column: "-" before the start, "2 min so far" while running. */
export function durationText(run: Pick<RunListRow, "startedAtMs" | "finishedAtMs">, nowMs: number): string {
  const ms = runDurationMs(run, nowMs);
  if (ms === null) return "-";
  return run.finishedAtMs === null ? `${humanDuration(ms)} so far` : humanDuration(ms);
}

/** The score column: the score, "invalid" for an invalid submission, "-" when not graded. */
export function scoreCell(run: Pick<RunListRow, "score" | "validSubmission">): number | string | null {
  if (run.validSubmission === null) return null;
  if (!run.validSubmission) return "invalid";
  return run.score;
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
