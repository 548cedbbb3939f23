// `bench status`: what the store says about runs right now: queued, running (elapsed time, GPUs,
// owner alive or not) and finished ones by class.

import type { Command } from "commander";
import { desc, eq } from "drizzle-orm";
import { formatDuration } from "../../config/duration.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { isSessionAlive } from "../../runtimes/session.js";
import { agentsTable, runsTable, sweepsTable } from "../../store/schema.js";
import { formatTable, printJson } from "../output.js";

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description("Show queued, running and finished runs (of one sweep, or of the latest sweep).")
    .option("--sweep <id>", "the sweep (default: the most recent)")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((flags: { sweep?: string; db?: string; json?: boolean }) => {
      const store = openReportStore(flags.db);
      try {
        const sweep =
          flags.sweep ??
          store.db
            .select({ id: sweepsTable.id })
            .from(sweepsTable)
            .orderBy(desc(sweepsTable.createdAtMs))
            .get()?.id;
        if (sweep === undefined) {
          process.stdout.write(
            "No sweep in the store yet. Start one with: bench run --agent FILE --competition ID\n",
          );
          return;
        }
        const rows = store.db
          .select({
            id: runsTable.id,
            agent: agentsTable.name,
            competition: runsTable.competitionId,
            seed: runsTable.seed,
            status: runsTable.status,
            attempt: runsTable.attempt,
            gpus: runsTable.gpus,
            sessionId: runsTable.sessionId,
            startedAtMs: runsTable.startedAtMs,
            finishedAtMs: runsTable.finishedAtMs,
          })
          .from(runsTable)
          .innerJoin(agentsTable, eq(agentsTable.id, runsTable.agentId))
          .where(eq(runsTable.sweepId, sweep))
          .orderBy(runsTable.id)
          .all();
        const now = Date.now();
        const counts: Record<string, number> = {};
        for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
        const running = rows
          .filter((r) => r.status === "running")
          .map((r) => ({
            ...r,
            elapsed: r.startedAtMs ? formatDuration(now - r.startedAtMs) : "-",
            ownerAlive: r.sessionId ? isSessionAlive(r.sessionId) : false,
          }));
        if (flags.json) return printJson({ sweep, counts, running, runs: rows });
        process.stdout.write(`Sweep ${sweep}: ${rows.length} runs\n`);
        process.stdout.write(`${formatTable(["status", "runs"], Object.entries(counts))}\n`);
        if (running.length > 0) {
          process.stdout.write(
            `\nRunning:\n${formatTable(
              ["run", "elapsed", "gpus", "attempt", "bench alive"],
              running.map((r) => [r.id, r.elapsed, (r.gpus ?? []).join(",") || "-", r.attempt, r.ownerAlive]),
            )}\n`,
          );
          if (running.some((r) => !r.ownerAlive)) {
            process.stdout.write(
              "Runs whose bench is no longer alive will be marked interrupted and re-run when the sweep is run again.\n",
            );
          }
        }
      } finally {
        store.close();
      }
    });
}
