// The flags that pick runs in `bench runs list` and `bench status` (--sweep, --agent, --status,
// --competition, --limit), checked against the store. A name the store does not hold is an error with
// the closest names it does hold: a filter that matched nothing would print an empty list that looks
// like a real answer.

import { didYouMean } from "../../config/closest-match.js";
import { BenchError } from "../../errors.js";
import { resolveAgentNames, splitList } from "../../reports/agent-labels.js";
import type { AgentRow } from "../../reports/queries/store-catalog.js";
import { selectCompetitions, selectSweepIds } from "../../reports/queries/store-catalog.js";
import type { StoreDb } from "../../store/open-store.js";
import { RUN_STATUSES, type RunStatus } from "../../store/schema.js";

export function requireSweep(db: StoreDb, sweep: string): string {
  const sweeps = selectSweepIds(db);
  if (sweeps.includes(sweep)) return sweep;
  throw new BenchError("USAGE", `no sweep "${sweep}" in the results store${didYouMean(sweep, sweeps)}.`, {
    hint:
      sweeps.length === 0
        ? "the store holds no sweeps yet: start one with bench run or bench sweep run."
        : "`bench sweeps list` shows the sweeps in the store.",
  });
}

export function requireCompetition(db: StoreDb, competition: string): string {
  const ids = selectCompetitions(db).map((c) => c.id);
  if (ids.includes(competition)) return competition;
  throw new BenchError(
    "USAGE",
    `no competition "${competition}" in the results store${didYouMean(competition, ids)}.`,
    {
      hint:
        ids.length === 0
          ? "the store holds no runs yet."
          : "the store knows the competitions it holds runs of; `bench sweeps list` shows them by sweep.",
    },
  );
}

/** --agent: one or more comma-separated names or labels (name@version, name#hash). */
export function requireAgents(agents: readonly AgentRow[], names: string): number[] {
  return resolveAgentNames(splitList(names), agents);
}

/** --status: one or more comma-separated run statuses. */
export function parseStatuses(text: string): RunStatus[] {
  const statuses = splitList(text);
  if (statuses.length === 0) {
    throw new BenchError("USAGE", "--status names no status.", {
      hint: `one of ${RUN_STATUSES.join(", ")}.`,
    });
  }
  for (const status of statuses) {
    if (!(RUN_STATUSES as readonly string[]).includes(status)) {
      throw new BenchError(
        "USAGE",
        `--status: "${status}" is not a run status${didYouMean(status, RUN_STATUSES)}.`,
        { hint: `run statuses: ${RUN_STATUSES.join(", ")}.` },
      );
    }
  }
  return statuses as RunStatus[];
}

/** A whole-number flag such as --limit, at least `min`. */
export function parseCount(text: string, flag: string, min: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new BenchError("USAGE", `${flag}: expected a whole number of at least ${min}, got "${text}".`);
  }
  return value;
}
