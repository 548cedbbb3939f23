// `bench logs RUN [-f]`: a run's agent.log, cleaned of terminal control characters. With -f it follows
// the log while the run runs, and stops when the store says the run has ended (or its bench is gone),
// or on Ctrl-C. RUN is the full run id or a unique start of it or of its short id.

import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { type FollowState, printAgentLog } from "../../runtimes/agent-log-file.js";
import { runDirLayout } from "../../runtimes/run-dir.js";
import { isSessionAlive } from "../../runtimes/session.js";
import { resolveRunRef } from "../../store/run-lookup.js";
import { getRun } from "../../store/runs-repo.js";

/** How often -f looks for new lines and at the run's row. */
export const FOLLOW_POLL_MS = 500;

export function registerLogsCommand(program: Command): void {
  program
    .command("logs <run>")
    .description("Print a run's agent log; -f follows it while the run runs.")
    .option("-f, --follow", "keep printing what the agent writes until the run ends (Ctrl-C stops)")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .action(async (ref: string, flags: { follow?: boolean; db?: string }) => {
      const store = openReportStore(flags.db);
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      try {
        const { run, shortIds } = resolveRunRef(store.db, ref);
        const label = `${shortIds.of(run.id)} (${run.id})`;
        const active = run.status === "queued" || run.status === "running";
        if (run.workspace === null && !(flags.follow && active)) {
          throw new BenchError(
            "DATA_MISSING",
            active
              ? `run ${label} has not started yet, so it has no log.`
              : `run ${label} has no log: it has no run folder (imported results and runs recorded by bench grade have none).`,
            active ? { hint: `bench logs ${shortIds.of(run.id)} -f waits for it to start.` } : undefined,
          );
        }
        const write = (text: string) => {
          if (!process.stdout.write(text)) return once(process.stdout, "drain");
          return undefined;
        };
        const notice = (message: string) => process.stderr.write(`bench: ${message}\n`);
        if (!flags.follow || !active) {
          await printAgentLog(runDirLayout(run.workspace!).agentLog, { write, notice });
          return;
        }
        process.once("SIGINT", onInterrupt);
        let file: string | null = run.workspace === null ? null : runDirLayout(run.workspace).agentLog;
        if (file === null) {
          notice(`run ${label} is queued; waiting for it to start.`);
          file = await waitForWorkspace(store.db, run.id, abort.signal);
          if (file === null) return;
        }
        const reason = await printAgentLog(file, {
          write,
          notice,
          follow: {
            state: () => followState(store.db, run.id),
            pollMs: FOLLOW_POLL_MS,
            signal: abort.signal,
          },
        });
        if (reason !== "interrupted") notice(`${reason}; stopped following.`);
      } finally {
        process.removeListener("SIGINT", onInterrupt);
        store.close();
      }
    });
}

type Db = Parameters<typeof getRun>[0];

/** Whether the run may still write to its log, from its row in the store. */
function followState(db: Db, runId: string): FollowState {
  const run = getRun(db, runId);
  if (run === undefined) return { done: true, reason: "the run is no longer in the store" };
  if (run.status !== "queued" && run.status !== "running") {
    return { done: true, reason: `the run ended (${run.status})` };
  }
  if (run.sessionId !== null && !isSessionAlive(run.sessionId)) {
    return { done: true, reason: "the bench running this run is no longer alive" };
  }
  return { done: false };
}

/** The log file of a queued run once it starts; null when interrupted or the run ends unstarted. */
async function waitForWorkspace(db: Db, runId: string, signal: AbortSignal): Promise<string | null> {
  for (;;) {
    const run = getRun(db, runId);
    if (run?.workspace) return runDirLayout(run.workspace).agentLog;
    const state = followState(db, runId);
    if (state.done) {
      process.stderr.write(`bench: ${state.reason}; it has no log.\n`);
      return null;
    }
    try {
      await sleep(FOLLOW_POLL_MS, undefined, { signal });
    } catch {
      return null;
    }
  }
}
