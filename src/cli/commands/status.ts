// `bench status`: what the store says about a sweep right now: its runs by status, the running ones
// (elapsed time, GPUs, owner alive or not), the failed ones with their errors, and when it should be
// done.

import type { Command } from "commander";
import { desc, eq } from "drizzle-orm";
import { agentLabels } from "../../reports/agent-labels.js";
import { countText } from "../../reports/format/count-text.js";
import { humanDuration, iso } from "../../reports/format/run-cells.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { selectAgents } from "../../reports/queries/store-catalog.js";
import { capLine, cleanLogLine } from "../../runtimes/log-text.js";
import { isSessionAlive } from "../../runtimes/session.js";
import { loadShortRunIds } from "../../store/run-lookup.js";
import { type RunListRow, selectSweepRuns } from "../../store/runs-query.js";
import { type RunStatus, sweepsTable } from "../../store/schema.js";
import { formatTable, printJson } from "../output.js";
import { requireSweep } from "./run-filter-flags.js";
import { type Eta, estimateSweepEta } from "./sweep-eta.js";

/** Runs that ended badly: the agent's failures (a spent budget included) and bench's own. */
export const FAILED_STATUSES: readonly RunStatus[] = [
  "agent_error",
  "timed_out",
  "out_of_memory",
  "over_budget",
  "infra_error",
  "interrupted",
];

/** Most failed runs listed; `bench runs list --status ...` shows them all. */
export const LISTED_FAILURES = 20;
const ERROR_CHARS = 80;

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description(
      "A sweep's progress: runs by status, the running and failed ones, an ETA (default: the latest sweep).",
    )
    .option("--sweep <id>", "the sweep (default: the most recent)")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((flags: { sweep?: string; db?: string; json?: boolean }) => {
      const store = openReportStore(flags.db);
      try {
        const sweepRow =
          flags.sweep === undefined
            ? store.db.select().from(sweepsTable).orderBy(desc(sweepsTable.createdAtMs)).get()
            : store.db
                .select()
                .from(sweepsTable)
                .where(eq(sweepsTable.id, requireSweep(store.db, flags.sweep)))
                .get();
        if (sweepRow === undefined) {
          process.stdout.write(
            "No sweep in the store yet. Start one with: bench run --agent FILE --competition ID\n",
          );
          return;
        }
        const sweep = sweepRow.id;
        const rows = selectSweepRuns(store.db, sweep);
        const labels = agentLabels(selectAgents(store.db));
        const shortIds = loadShortRunIds(store.db);
        const now = Date.now();
        const counts: Record<string, number> = {};
        for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
        const describe = (r: RunListRow) => ({
          id: r.id,
          short_id: shortIds.of(r.id),
          agent: labels.get(r.agentId) ?? null,
          competition: r.competitionId,
          seed: r.seed,
          status: r.status,
          attempt: r.attempt,
        });
        const running = rows
          .filter((r) => r.status === "running")
          .map((r) => ({
            ...describe(r),
            gpus: r.gpus ?? [],
            started_at: iso(r.startedAtMs),
            elapsed_ms: r.startedAtMs === null ? null : now - r.startedAtMs,
            // A Slurm job without a handle yet waits in Slurm's queue: its time so far is queue time.
            queued_in_slurm: r.runtime === "slurm" && !r.handle,
            owner_alive: r.sessionId ? isSessionAlive(r.sessionId) : false,
          }));
        const failed = rows
          .filter((r) => FAILED_STATUSES.includes(r.status))
          .sort((a, b) => (b.finishedAtMs ?? 0) - (a.finishedAtMs ?? 0))
          .map((r) => ({ ...describe(r), finished_at: iso(r.finishedAtMs), error: r.error }));
        const concurrency = (sweepRow.config as { concurrency?: unknown } | null)?.concurrency;
        const eta = estimateSweepEta(rows, now, typeof concurrency === "number" ? concurrency : undefined);
        if (flags.json) {
          return printJson({
            sweep,
            sweep_status: sweepRow.status,
            counts,
            eta: {
              remaining_ms: eta.remainingMs,
              left: eta.left,
              mean_run_ms: eta.meanMs,
              parallel: eta.parallel,
            },
            running,
            failed,
            runs: rows.map(describe),
          });
        }
        let out = `Sweep ${sweep}: ${countText(rows.length, "run")}, ${etaText(eta)}\n`;
        out += `${formatTable(["status", "runs"], Object.entries(counts))}\n`;
        if (running.length > 0) {
          out += `\nRunning:\n${formatTable(
            ["short id", "agent", "competition", "seed", "elapsed", "gpus", "attempt", "bench alive"],
            running.map((r) => [
              r.short_id,
              r.agent,
              r.competition,
              r.seed,
              r.elapsed_ms === null
                ? "-"
                : `${humanDuration(r.elapsed_ms)}${r.queued_in_slurm ? " queued in Slurm" : ""}`,
              r.gpus.join(",") || "-",
              r.attempt,
              r.owner_alive,
            ]),
          )}\n`;
          if (running.some((r) => !r.owner_alive)) {
            out +=
              "Runs whose bench is no longer alive will be marked interrupted and re-run when the sweep is run again.\n";
          }
        }
        if (failed.length > 0) {
          const listed = failed.slice(0, LISTED_FAILURES);
          out += `\nFailed:\n${formatTable(
            ["short id", "agent", "competition", "seed", "outcome", "error"],
            listed.map((r) => [
              r.short_id,
              r.agent,
              r.competition,
              r.seed,
              r.status,
              r.error === null ? null : capLine(cleanLogLine(r.error.replace(/\s+/g, " ")), ERROR_CHARS),
            ]),
          )}\n`;
          if (failed.length > listed.length) {
            out += `… and ${failed.length - listed.length} more: bench runs list --sweep ${sweep} --status ${FAILED_STATUSES.join(",")}\n`;
          }
        }
        process.stdout.write(out);
      } finally {
        store.close();
      }
    });
}

function etaText(eta: Eta): string {
  if (eta.left === 0) return "all finished";
  const left = `${eta.left} left`;
  if (eta.remainingMs === null) return `${left}, ETA unknown (no run has finished yet)`;
  return `${left}, ETA about ${humanDuration(eta.remainingMs)} (mean run ${humanDuration(eta.meanMs!)}, ${eta.parallel} at a time)`;
}
