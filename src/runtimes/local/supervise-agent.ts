// One local agent process from spawn to exit, and the limits on it: the time limit (SIGTERM to every
// process of the run, SIGKILL after the grace), the memory limit, the writable folders' budgets and
// cancellation. The run ends when the agent process itself exits, not when its output pipes close: a
// daemon or a setsid'd grandchild may hold them open for ever. Whatever the agent left running is
// killed at that point, and its output is read for a short drain only.

import { spawn } from "node:child_process";
import type { Writable } from "node:stream";
import type { FolderBudget } from "../artifact-limits.js";
import type { RunDirLayout } from "../run-dir.js";
import type { RunEndClass, RunHooks, RunSpec } from "../runtime.js";
import { findExecutable } from "./find-executable.js";
import { overrunMessage, type WritableFolder, watchFolders } from "./folder-budget.js";
import { watchMemory } from "./memory-watchdog.js";
import type { RunContainment } from "./run-containment.js";

export interface AgentOutcome {
  endClass: RunEndClass;
  exitCode: number | null;
  message: string;
  /** Things the run's record should say besides the message. */
  notes: string[];
}

export interface SuperviseOptions {
  spec: RunSpec;
  layout: RunDirLayout;
  env: Record<string, string>;
  containment: RunContainment;
  /** Where the agent's stdout and stderr go. */
  output: Writable;
  hooks: RunHooks;
  startedAtMs: number;
  logDrainMs: number;
  folderPollMs: number;
}

type StopClass = Exclude<RunEndClass, "completed" | "infra_error">;

export function superviseAgent(options: SuperviseOptions): Promise<AgentOutcome> {
  const { spec, layout, containment, hooks } = options;
  const [command, ...rest] = spec.command;
  if (command === undefined) {
    return Promise.resolve(ended("infra_error", null, "the agent has no command to run; give it one."));
  }
  // With a cgroup, the spawned program is the shell that joins it; a missing command must still be ours.
  if (containment.mechanism !== "process-scan") {
    const lookup = findExecutable(command, options.env.PATH ?? "", layout.code);
    if ("problem" in lookup)
      return Promise.resolve(ended("infra_error", null, cannotStart(command, lookup.problem)));
  }
  const spawned = containment.command([command, ...rest]);
  const child = spawn(spawned.file, spawned.args, {
    cwd: layout.code,
    env: options.env,
    detached: true, // its own process group (and session), so the group can be signalled as one
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(options.output, { end: false });
  child.stderr.pipe(options.output, { end: false });
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));

  return new Promise<AgentOutcome>((resolve) => {
    let stop: { endClass: StopClass; message: string } | null = null;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const watchers: { stop(): void }[] = [];
    const quiet = () => {
      for (const timer of timers) clearTimeout(timer);
      for (const watcher of watchers) watcher.stop();
      hooks.signal?.removeEventListener("abort", onAbort);
    };
    const settle = (outcome: AgentOutcome) => {
      if (settled) return;
      settled = true;
      quiet();
      resolve(outcome);
    };

    const stopPolitely = (endClass: StopClass, message: string) => {
      if (stop !== null) return;
      stop = { endClass, message };
      containment.terminate();
      timers.push(setTimeout(() => void containment.kill(), spec.limits.stopGraceMs));
    };
    const stopNow = (endClass: StopClass, message: string) => {
      if (stop !== null) return;
      stop = { endClass, message };
      void containment.kill();
    };
    const onAbort = () => stopPolitely("cancelled", "the run was cancelled");

    child.on("error", (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return; // only a failed spawn ends the run here; 'exit' does otherwise
      const code = error.code === "ENOENT" || error.code === "EACCES" ? error.code : null;
      settle(
        ended(
          "infra_error",
          null,
          code === null ? `the agent could not be started: ${error.message}` : cannotStart(command, code),
        ),
      );
    });

    child.on("spawn", () => {
      const pid = child.pid!;
      containment.adopt(pid);
      hooks.onStarted?.({ startedAtMs: options.startedAtMs, pid });
      timers.push(
        setTimeout(
          () =>
            stopPolitely(
              "timed_out",
              `the agent ran past its time limit of ${Math.round(spec.limits.timeLimitMs / 1000)} s and was stopped`,
            ),
          spec.limits.timeLimitMs,
        ),
      );
      const memory = watchMemory(
        () => containment.pids(),
        spec.limits.memoryBytes,
        (rss) =>
          stopNow(
            "out_of_memory",
            `the agent used ${(rss / 2 ** 20).toFixed(0)} MiB, above its ${(spec.limits.memoryBytes / 2 ** 20).toFixed(0)} MiB limit, and was killed`,
          ),
      );
      if (memory !== null) watchers.push(memory);
      watchers.push(
        watchFolders(
          writableFolders(spec, layout),
          (overrun) => stopNow("agent_error", overrunMessage(overrun)),
          options.folderPollMs,
        ),
      );
      if (hooks.signal?.aborted) onAbort();
      else hooks.signal?.addEventListener("abort", onAbort, { once: true });
    });

    child.on("exit", (code, signal) => {
      quiet();
      void (async () => {
        const notes: string[] = [];
        const leftBehind = containment.pids().length;
        await containment.kill();
        if (leftBehind > 0 && stop === null) {
          notes.push(`the agent left ${leftBehind} process(es) running when it exited; they were killed`);
        }
        // Once every writer is dead the pipes close at once; the wait only bounds a writer bench cannot see.
        await Promise.race([closed, new Promise((r) => setTimeout(r, options.logDrainMs).unref())]);
        child.stdout.destroy();
        child.stderr.destroy();
        const s = stop as { endClass: StopClass; message: string } | null;
        if (s !== null) return settle({ ...ended(s.endClass, code, s.message), notes });
        if (code === 0) return settle({ ...ended("completed", 0, "the agent exited normally"), notes });
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        settle({ ...ended("agent_error", code, `the agent ${how}; see agent.log`), notes });
      })();
    });
  });
}

function ended(endClass: RunEndClass, exitCode: number | null, message: string): AgentOutcome {
  return { endClass, exitCode, message, notes: [] };
}

function cannotStart(command: string, problem: "ENOENT" | "EACCES"): string {
  return problem === "ENOENT"
    ? `the agent's command "${command}" was not found on this machine (local runtime): install it or fix the agent's command.`
    : `the agent could not be started: spawn ${command} EACCES (the file is not executable)`;
}

function writableFolders(
  spec: RunSpec,
  layout: RunDirLayout,
): { folder: WritableFolder; dir: string; budget: FolderBudget }[] {
  const { artifacts } = spec.limits;
  return [
    { folder: "submission", dir: layout.submission, budget: artifacts.submission },
    { folder: "logs", dir: layout.logs, budget: artifacts.logs },
    { folder: "code", dir: layout.code, budget: artifacts.code },
  ];
}
