// How a container run ended, decided from plain facts: why bench stopped it (if it did), its exit
// code, and whether the kernel's OOM killer struck. Kept pure so every rule is tested directly.
//
// Precedence: bench's own reasons first (a run bench cancelled, or stopped at its time limit or past
// its disk limit, ended for that reason, whatever exit code the stop produced); then success; then the OOM killer; then any
// other failure. An agent that exits 0 although one of its processes was OOM-killed completed: it
// coped.

import type { RunEndClass } from "../runtime.js";
import { formatBytes } from "./format-bytes.js";
import { DISK_LIMIT_ENV } from "./storage-limit.js";

export type StopReason = "timed_out" | "cancelled" | "disk_limit";

export interface ExitFacts {
  /** Set when bench stopped the container before it exited by itself. */
  stopReason: StopReason | null;
  exitCode: number;
  oomKilled: boolean;
  timeLimitMs: number;
  memoryBytes: number;
  /** With stopReason "disk_limit": what the container had written, and the limit. */
  disk?: { usedBytes: number; limitBytes: number };
}

function describeExit(code: number): string {
  if (code > 128 && code < 160) return `exit code ${code}, i.e. killed by signal ${code - 128}`;
  return `exit code ${code}`;
}

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function classifyExit(facts: ExitFacts): { endClass: RunEndClass; message: string } {
  const { exitCode } = facts;
  if (facts.stopReason === "cancelled") {
    return {
      endClass: "cancelled",
      message: `the run was cancelled and the agent stopped (${describeExit(exitCode)})`,
    };
  }
  if (facts.stopReason === "timed_out") {
    return {
      endClass: "timed_out",
      message: `the agent was still running at its time limit of ${formatDuration(facts.timeLimitMs)} and was stopped`,
    };
  }
  if (facts.stopReason === "disk_limit") {
    const used = facts.disk === undefined ? "more than its disk limit" : formatBytes(facts.disk.usedBytes);
    const limit = facts.disk === undefined ? "" : ` of ${formatBytes(facts.disk.limitBytes)}`;
    return {
      endClass: "agent_error",
      message:
        `the agent wrote ${used} into its container's filesystem, past the disk limit${limit} ` +
        `(${DISK_LIMIT_ENV}), and was stopped`,
    };
  }
  if (exitCode === 0) {
    const note = facts.oomKilled ? " (one of its processes was killed for exceeding the memory limit)" : "";
    return { endClass: "completed", message: `the agent exited with code 0${note}` };
  }
  if (facts.oomKilled) {
    const mib = Math.round(facts.memoryBytes / 1024 ** 2);
    return {
      endClass: "out_of_memory",
      message:
        `the agent exceeded its memory limit of ${mib} MiB and was killed by the kernel (${describeExit(exitCode)}); ` +
        "give it more memory (resources.memory_gb) or make it use less",
    };
  }
  return { endClass: "agent_error", message: `the agent failed with ${describeExit(exitCode)}` };
}
