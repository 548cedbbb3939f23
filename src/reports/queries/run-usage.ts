// One run's LLM usage as `bench runs show` prints it: the totals, the lines of its field table, and
// the usage per model. Reads the store's run_usage rows (usage-repo.ts).

import type { StoreQueryable } from "../../store/store-queryable.js";
import { readRunUsage, type UsageTotals, usageTotals } from "../../store/usage-repo.js";
import { countText } from "../format/count-text.js";

export interface RunUsageView {
  totals: UsageTotals;
  byModel: {
    model: string | null;
    calls: number | null;
    input_tokens: number | null;
    output_tokens: number | null;
    tokens: number | null;
    cost_usd: number | null;
    unpriced_calls: number;
  }[];
}

/** The run's usage, or null when it recorded none. */
export function selectRunUsage(db: StoreQueryable, runId: string): RunUsageView | null {
  const rows = readRunUsage(db, runId);
  const totals = usageTotals(rows);
  if (totals === null) return null;
  return {
    totals,
    byModel: rows.map((row) => ({
      model: row.model,
      calls: row.calls,
      input_tokens: row.inputTokens,
      output_tokens: row.outputTokens,
      tokens: row.tokens,
      cost_usd: row.costUsd,
      unpriced_calls: row.unpricedCalls,
    })),
  };
}

const count = (value: number) => Math.round(value).toLocaleString("en-US");

/** Dollars with cents, or four decimals below a dollar (a run of small calls costs fractions of cents). */
export function usdText(value: number): string {
  return `$${value >= 1 ? value.toFixed(2) : value.toFixed(4)}`;
}

/** The `tokens` and `cost` lines of a run's field table. */
export function usageFields(totals: UsageTotals): [string, string][] {
  const parts = [
    totals.inputTokens === null ? null : `input ${count(totals.inputTokens)}`,
    totals.outputTokens === null ? null : `output ${count(totals.outputTokens)}`,
  ].filter((part) => part !== null);
  const calls = totals.calls === null ? "" : `${parts.length > 0 ? "; " : ""}${count(totals.calls)} calls`;
  const detail = parts.length > 0 || calls !== "" ? ` (${parts.join(", ")}${calls})` : "";
  const tokens = totals.tokens === null ? "-" : `${count(totals.tokens)}${detail}`;
  const unknown =
    totals.unpricedCalls > 0
      ? `${countText(totals.unpricedCalls, "call")} of unknown cost left out`
      : "part of it of unknown cost, left out";
  const cost =
    totals.costUsd === null
      ? "unknown"
      : totals.costIncomplete
        ? `${usdText(totals.costUsd)} (${unknown})`
        : usdText(totals.costUsd);
  return [
    ["tokens", tokens],
    ["cost", cost],
  ];
}
