// `bench sweeps list`: every sweep in the store, newest first, with its status, its runs by outcome,
// its agents and its competitions. (`bench sweep run` starts one; see run.ts.)

import type { Command } from "commander";
import { agentLabels } from "../../reports/agent-labels.js";
import { iso } from "../../reports/format/run-cells.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { selectAgents } from "../../reports/queries/store-catalog.js";
import { summarizeSweeps } from "../../store/sweeps-query.js";
import { formatTable, printJson } from "../output.js";

/** Most agents or competitions named in one cell before "+N more". */
const NAMED = 3;

export function registerSweepsCommand(program: Command): void {
  program
    .command("sweeps")
    .description("List sweeps.")
    .command("list")
    .description("Sweeps, newest first: created, status, runs by outcome, agents, competitions.")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((flags: { db?: string; json?: boolean }) => {
      const store = openReportStore(flags.db);
      try {
        const labels = agentLabels(selectAgents(store.db));
        const sweeps = summarizeSweeps(store.db).map((s) => ({
          ...s,
          agents: s.agentIds.map((id) => labels.get(id) ?? String(id)),
        }));
        if (flags.json) {
          return printJson(
            sweeps.map((s) => ({
              id: s.id,
              name: s.name,
              status: s.status,
              created_at: iso(s.createdAtMs),
              finished_at: iso(s.finishedAtMs),
              runs: s.runs,
              runs_by_status: s.runsByStatus,
              agents: s.agents,
              competitions: s.competitionIds,
            })),
          );
        }
        if (sweeps.length === 0) {
          process.stdout.write(
            "No sweep in the store yet. Start one with: bench run --agent FILE --competition ID\n",
          );
          return;
        }
        process.stdout.write(
          `${formatTable(
            ["sweep", "created (UTC)", "status", "runs", "agents", "competitions"],
            sweeps.map((s) => [
              s.name === s.id ? s.id : `${s.name} (${s.id})`,
              iso(s.createdAtMs)!.slice(0, 16).replace("T", " "),
              s.status,
              Object.entries(s.runsByStatus)
                .sort(([, a], [, b]) => b - a)
                .map(([status, n]) => `${n} ${status}`)
                .join(", ") || "none",
              named(s.agents),
              named(s.competitionIds),
            ]),
          )}\n`,
        );
      } finally {
        store.close();
      }
    });
}

/** "a, b, c" or "a, b, c +4 more". */
function named(names: readonly string[]): string {
  if (names.length === 0) return "-";
  const shown = names.slice(0, NAMED).join(", ");
  return names.length > NAMED ? `${shown} +${names.length - NAMED} more` : shown;
}
