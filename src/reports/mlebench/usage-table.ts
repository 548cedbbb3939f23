// The leaderboard's usage table: per agent, the LLM tokens and cost of the runs the leaderboard counts,
// and what a medal cost. Shown only when some run has usage (reported by its agent through
// $BENCH_USAGE_FILE, or given by an imported file).

import { countText } from "../format/count-text.js";
import type { Row, Table } from "../table-model.js";
import type { AgentUsageRow } from "./agent-usage.js";

/** The table, or null when no run has usage. Agents are named by `labels`, sorted by name. */
export function usageTable(
  rows: readonly AgentUsageRow[],
  labels: ReadonlyMap<number, string>,
): Table | null {
  if (!rows.some((row) => row.runsWithUsage > 0)) return null;
  const label = (row: AgentUsageRow) => labels.get(row.agentId) ?? `agent ${row.agentId}`;
  const sorted = [...rows].sort((a, b) => (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
  const tableRows = sorted.map(
    (row): Row => ({
      agent: label(row),
      runs: row.runs,
      runs_with_usage: row.runsWithUsage,
      tokens: row.tokens,
      cost_usd: row.costUsd,
      medals: row.medals,
      cost_per_medal_usd: row.costUsd !== null && row.medals > 0 ? row.costUsd / row.medals : null,
    }),
  );
  const unknown = sorted.filter((row) => row.runsWithUnknownCost > 0);
  return {
    id: "usage",
    title: "LLM usage per agent (the runs above)",
    columns: [
      { key: "agent", label: "Agent", kind: "text" },
      { key: "runs", label: "Runs", kind: "integer" },
      { key: "runs_with_usage", label: "With usage", kind: "integer" },
      { key: "tokens", label: "Tokens", kind: "number", decimals: 0 },
      { key: "cost_usd", label: "Cost", kind: "number", unit: "USD", decimals: 2 },
      { key: "medals", label: "Medals", kind: "integer" },
      { key: "cost_per_medal_usd", label: "Cost per medal", kind: "number", unit: "USD", decimals: 2 },
    ],
    rows: tableRows,
    footnotes: [
      "Tokens are input plus output; cost is the known cost: reported per call, or priced from the agent file's prices. Runs without usage count in Runs only.",
      ...(unknown.length === 0
        ? []
        : [
            `Part of the usage has no known cost (no cost_usd and no price) in ${unknown.map((row) => `${countText(row.runsWithUnknownCost, "run")} of ${label(row)}`).join(", ")}: cost and cost per medal leave it out there.`,
          ]),
    ],
  };
}
