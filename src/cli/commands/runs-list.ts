// `bench runs list`: the runs of the store, newest first, a page at a time, with the short ids that
// `bench runs show` and `bench logs` accept.

import type { Command } from "commander";
import { agentLabels } from "../../reports/agent-labels.js";
import { countText } from "../../reports/format/count-text.js";
import { durationText, iso, runDurationMs, scoreCell } from "../../reports/format/run-cells.js";
import { openReportStore } from "../../reports/open-report-store.js";
import { selectAgents } from "../../reports/queries/store-catalog.js";
import { loadShortRunIds } from "../../store/run-lookup.js";
import { queryRunList, type RunListFilter } from "../../store/runs-query.js";
import { countValidations } from "../../store/validations-repo.js";
import { formatTable, printJson } from "../output.js";
import {
  parseCount,
  parseStatuses,
  requireAgents,
  requireCompetition,
  requireSweep,
} from "./run-filter-flags.js";

export const DEFAULT_LIST_LIMIT = 50;

interface ListFlags {
  sweep?: string;
  agent?: string;
  status?: string;
  competition?: string;
  limit: string;
  offset: string;
  db?: string;
  json?: boolean;
}

export function registerRunsListCommand(runs: Command): void {
  runs
    .command("list")
    .description("Runs, newest first: short id, agent, competition, seed, outcome, score, duration.")
    .option("--sweep <id>", "only runs of this sweep")
    .option("--agent <names>", "only runs of these agents (comma-separated names or labels)")
    .option(
      "--status <statuses>",
      "only runs with these statuses (comma-separated, e.g. agent_error,timed_out)",
    )
    .option("--competition <id>", "only runs of this competition")
    .option("--limit <n>", "most runs to show", String(DEFAULT_LIST_LIMIT))
    .option("--offset <n>", "runs to skip first (the next page)", "0")
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .option("--json", "print JSON")
    .action((flags: ListFlags) => {
      const limit = parseCount(flags.limit, "--limit", 1);
      const offset = parseCount(flags.offset, "--offset", 0);
      const store = openReportStore(flags.db);
      try {
        const agents = selectAgents(store.db);
        const labels = agentLabels(agents);
        const filter: RunListFilter = {
          sweepId: flags.sweep === undefined ? undefined : requireSweep(store.db, flags.sweep),
          agentIds: flags.agent === undefined ? undefined : requireAgents(agents, flags.agent),
          statuses: flags.status === undefined ? undefined : parseStatuses(flags.status),
          competitionId:
            flags.competition === undefined ? undefined : requireCompetition(store.db, flags.competition),
        };
        const { total, rows } = queryRunList(store.db, filter, { limit, offset });
        const shortIds = loadShortRunIds(store.db);
        const now = Date.now();
        const more = Math.max(0, total - offset - rows.length);
        if (flags.json) {
          // How often each run's agent checked its submission (in-run validation).
          const validations = countValidations(
            store.db,
            rows.map((r) => r.id),
          );
          return printJson({
            total,
            offset,
            limit,
            more,
            runs: rows.map((r) => ({
              id: r.id,
              short_id: shortIds.of(r.id),
              sweep: r.sweepId,
              agent: labels.get(r.agentId) ?? null,
              competition: r.competitionId,
              seed: r.seed,
              status: r.status,
              score: r.score,
              valid_submission: r.validSubmission,
              started_at: iso(r.startedAtMs),
              finished_at: iso(r.finishedAtMs),
              duration_ms: runDurationMs(r, now),
              validations: validations.get(r.id) ?? 0,
            })),
          });
        }
        if (rows.length === 0) {
          process.stdout.write(
            total === 0
              ? "No runs match.\n"
              : `No runs past --offset ${offset}: ${countText(total, "run")} match${total === 1 ? "es" : ""} in all.\n`,
          );
          return;
        }
        const table = formatTable(
          ["short id", "agent", "competition", "seed", "outcome", "score", "duration"],
          rows.map((r) => [
            shortIds.of(r.id),
            labels.get(r.agentId) ?? "-",
            r.competitionId,
            r.seed,
            r.status,
            scoreCell(r),
            durationText(r, now),
          ]),
        );
        const shown = `runs ${offset + 1}–${offset + rows.length} of ${total}, newest first`;
        const next =
          more > 0 ? `; ${more} more: add --offset ${offset + rows.length} (or a larger --limit)` : "";
        process.stdout.write(`${table}\n(${shown}${next})\n`);
      } finally {
        store.close();
      }
    });
}
