// The filter flags every report shares (--agents, --since, --sweep, --run-group), checked against the
// store and turned into a RunFilter. Unknown names are errors that say what the store does hold: a
// filter that matches nothing would otherwise print an empty report that looks like a real one.

import { didYouMean } from "../config/closest-match.js";
import { tryParseDuration } from "../config/duration.js";
import { BenchError } from "../errors.js";
import type { StoreDb } from "../store/open-store.js";
import { agentLabels, resolveAgentNames, splitList } from "./agent-labels.js";
import type { RunFilter } from "./queries/run-filter.js";
import {
  type AgentRow,
  selectAgents,
  selectCompetitions,
  selectRunGroups,
  selectSweepIds,
} from "./queries/store-catalog.js";

export interface FilterFlags {
  agents?: string | undefined;
  since?: string | undefined;
  sweep?: string | undefined;
  runGroup?: string | undefined;
}

export interface ResolvedFilter {
  filter: RunFilter;
  agents: AgentRow[];
  /** Agent id → label, for every agent in the store. */
  labels: Map<number, string>;
  /** The filters as a sentence for footnotes, e.g. "agents a, b; since 2026-01-01". Empty when none. */
  description: string;
}

/**
 * --since: an ISO date ("2026-01-31", midnight UTC) or date-time ("2026-01-31T12:00", local time), a
 * duration back from now ("24h", "7d", "90min"), or "today" / "yesterday" (from midnight UTC).
 */
export function parseSince(text: string, now: number = Date.now()): number {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  const midnight = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  if (lower === "today") return midnight;
  if (lower === "yesterday") return midnight - 24 * 3_600_000;
  const back = tryParseDuration(trimmed);
  if (back !== undefined) return now - back;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? Date.parse(`${trimmed}T00:00:00Z`) : Date.parse(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || Number.isNaN(ms)) {
    throw new BenchError(
      "USAGE",
      `--since: expected a date like 2026-01-31 or 2026-01-31T12:00, a duration like 24h or 7d, or today / yesterday; got "${text.slice(0, 60)}".`,
      {
        hint: "dates are ISO 8601; a bare date means midnight UTC; a duration counts back from now.",
      },
    );
  }
  return ms;
}

export function resolveFilter(db: StoreDb, flags: FilterFlags): ResolvedFilter {
  const agents = selectAgents(db);
  const labels = agentLabels(agents);
  const filter: RunFilter = {};
  const parts: string[] = [];
  if (flags.agents !== undefined) {
    filter.agentIds = resolveAgentNames(splitList(flags.agents), agents);
    parts.push(`agents ${filter.agentIds.map((id) => labels.get(id)).join(", ")}`);
  }
  if (flags.since !== undefined) {
    filter.sinceMs = parseSince(flags.since);
    parts.push(`runs queued since ${new Date(filter.sinceMs).toISOString()}`);
  }
  if (flags.sweep !== undefined) {
    const sweeps = selectSweepIds(db);
    if (!sweeps.includes(flags.sweep)) {
      throw new BenchError(
        "USAGE",
        `no sweep "${flags.sweep}" in the results store${didYouMean(flags.sweep, sweeps)}.`,
        {
          hint:
            sweeps.length === 0
              ? "the store holds no sweeps yet."
              : `sweeps in the store: ${sweeps.slice(-10).join(", ")}.`,
        },
      );
    }
    filter.sweepId = flags.sweep;
    parts.push(`sweep ${flags.sweep}`);
  }
  if (flags.runGroup !== undefined) {
    const groups = selectRunGroups(db);
    if (!groups.includes(flags.runGroup)) {
      throw new BenchError(
        "USAGE",
        `no run group "${flags.runGroup}" in the results store${didYouMean(flags.runGroup, groups)}.`,
        {
          hint:
            groups.length === 0
              ? "no run in the store has a run group."
              : `run groups: ${groups.slice(0, 10).join(", ")}.`,
        },
      );
    }
    filter.runGroup = flags.runGroup;
    parts.push(`run group ${flags.runGroup}`);
  }
  return { filter, agents, labels, description: parts.join("; ") };
}

/**
 * Narrows a filter to the competitions the store tags with `split` (its copy of the registry's tags,
 * plus those of imported tasks). A tag that no competition carries is an error, not an empty report.
 */
export function withSplit(db: StoreDb, filter: RunFilter, split: string | undefined): RunFilter {
  if (split === undefined) return filter;
  const competitions = selectCompetitions(db);
  const ids = competitions.filter((c) => c.splits.includes(split)).map((c) => c.id);
  if (ids.length === 0) {
    const tags = [...new Set(competitions.flatMap((c) => c.splits))].sort();
    throw new BenchError(
      "USAGE",
      `--split: no competition in the results store carries the tag "${split}"${didYouMean(split, tags)}.`,
      {
        hint:
          tags.length === 0
            ? "the store's competitions carry no split tags."
            : `tags in the store: ${tags.join(", ")}.`,
      },
    );
  }
  return { ...filter, competitionIds: ids };
}
