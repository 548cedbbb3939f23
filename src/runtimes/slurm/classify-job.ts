// How a finished Slurm job becomes a bench outcome: from Slurm's last state and the exit record the
// job's wrapper wrote into the run folder (see job-script.ts). Pure; unit-tested without a cluster.

import type { RunEndClass } from "../runtime.js";

/** What the wrapper wrote into slurm-job/exit: why the agent stopped, its status, when it ran. */
export interface WrapperExit {
  /**
   * exit: the agent ended by itself; timeout / oom: the wrapper stopped it; signal: Slurm signalled it;
   * engine: the node's Docker engine could not create or start the container (docker run exit 125).
   */
  reason: "exit" | "timeout" | "oom" | "signal" | "engine";
  code: number;
  startedAtMs: number;
  finishedAtMs: number;
}

export function parseWrapperExit(text: string): WrapperExit | null {
  const [reason, code, started, finished] = text.trim().split(/\s+/);
  if (!["exit", "timeout", "oom", "signal", "engine"].includes(reason ?? "")) return null;
  const numbers = [code, started, finished].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  return {
    reason: reason as WrapperExit["reason"],
    code: numbers[0]!,
    startedAtMs: numbers[1]!,
    finishedAtMs: numbers[2]!,
  };
}

/** Slurm states in which a job will not run any more. */
export const TERMINAL_STATES = new Set([
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
  "NODE_FAIL",
  "BOOT_FAIL",
  "PREEMPTED",
  "DEADLINE",
  "REVOKED",
  "SPECIAL_EXIT",
]);

/** States of a job that waits: its time so far is queue time, not run time. */
export const WAITING_STATES = new Set([
  "PENDING",
  "CONFIGURING",
  "REQUEUED",
  "REQUEUE_HOLD",
  "REQUEUE_FED",
  "RESV_DEL_HOLD",
]);

const INFRA_STATES = new Set(["NODE_FAIL", "BOOT_FAIL", "PREEMPTED", "REVOKED", "DEADLINE"]);

export interface JobClassification {
  endClass: RunEndClass;
  exitCode: number | null;
  message: string;
}

/**
 * `state` is Slurm's last word on the job (null when Slurm has forgotten it); `exit` is the wrapper's
 * record (null when it left none); `cancelledByBench` when bench itself cancelled the job (Ctrl-C).
 */
export function classifyJob(input: {
  state: string | null;
  reason?: string;
  exit: WrapperExit | null;
  cancelledByBench: boolean;
  timeLimitMs: number;
  memoryBytes: number;
}): JobClassification {
  const { state, exit } = input;
  const seconds = Math.round(input.timeLimitMs / 1000);
  if (input.cancelledByBench)
    return { endClass: "cancelled", exitCode: exit?.code ?? null, message: "the run was cancelled" };
  if (state !== null && INFRA_STATES.has(state)) {
    return {
      endClass: "infra_error",
      exitCode: null,
      message: `Slurm ended the job with ${state}${input.reason && input.reason !== "None" ? ` (${input.reason})` : ""}; the run will be retried`,
    };
  }
  if (exit?.reason === "engine") {
    return {
      endClass: "infra_error",
      exitCode: exit.code,
      message:
        "the node's Docker engine could not start the container (docker run exit 125; see agent.log); the run will be retried",
    };
  }
  if (state === "TIMEOUT" || exit?.reason === "timeout") {
    return {
      endClass: "timed_out",
      exitCode: exit?.code ?? null,
      message: `the agent ran past its time limit of ${seconds} s and was stopped${state === "TIMEOUT" ? " by Slurm" : ""}`,
    };
  }
  if (state === "OUT_OF_MEMORY" || exit?.reason === "oom") {
    return {
      endClass: "out_of_memory",
      exitCode: exit?.code ?? null,
      message: `the agent used more than its ${(input.memoryBytes / 2 ** 20).toFixed(0)} MiB memory limit and was killed`,
    };
  }
  if (exit === null) {
    if (state === "CANCELLED") {
      return {
        endClass: "infra_error",
        exitCode: null,
        message:
          "the job was cancelled outside bench (scancel by someone else, or an administrator); the run will be retried",
      };
    }
    return {
      endClass: "infra_error",
      exitCode: null,
      message:
        state === null
          ? "Slurm no longer knows the job and its wrapper left no exit record in the run folder"
          : `the job ended (${state}) without its wrapper's exit record: is the run folder on a filesystem the node shares?`,
    };
  }
  if (exit.reason === "signal" || state === "CANCELLED") {
    return {
      endClass: "infra_error",
      exitCode: exit.code,
      message: `Slurm stopped the job (${state ?? "signal"}) before the agent finished; the run will be retried`,
    };
  }
  if (exit.code === 0) return { endClass: "completed", exitCode: 0, message: "the agent exited normally" };
  if (exit.code === 127 || exit.code === 126) {
    return {
      endClass: "agent_error",
      exitCode: exit.code,
      message: `the agent's command could not be started (exit ${exit.code}); see agent.log`,
    };
  }
  const how = exit.code > 128 ? `was killed by signal ${exit.code - 128}` : `exited with code ${exit.code}`;
  return { endClass: "agent_error", exitCode: exit.code, message: `the agent ${how}; see agent.log` };
}
