// A results row's LLM usage (`--map tokens=COLUMN,cost_usd=COLUMN`): the run's total tokens and its
// cost in US dollars, either one may be empty. METR's RE-bench file has them as `total_tokens` and
// `dollar_equivalent` (for its human baselines, token-equivalents with fractions).

import { BenchError } from "../errors.js";
import type { CsvCells } from "./csv-cells.js";
import type { CsvMapping } from "./csv-mapping.js";

export interface CsvUsage {
  tokens: number | null;
  costUsd: number | null;
}

function amount(cells: CsvCells, row: number, column: string | undefined, what: string): number | null {
  if (column === undefined) return null;
  const value = cells.number(row, column);
  if (Number.isNaN(value)) return null;
  if (Number.isFinite(value) && value >= 0) return value;
  throw new BenchError("CSV_MALFORMED", `${cells.where(row, column)}: expected ${what}, got ${value}.`, {
    hint: "fix the cell, or leave it empty when the run's usage is unknown.",
  });
}

/** The row's usage, or null when the row gives none (or no usage column is mapped). */
export function usageOfRow(cells: CsvCells, row: number, mapping: CsvMapping): CsvUsage | null {
  const tokens = amount(cells, row, mapping.tokens, "a number of tokens, 0 or more");
  const costUsd = amount(cells, row, mapping.cost_usd, "a cost in US dollars, 0 or more");
  return tokens === null && costUsd === null ? null : { tokens, costUsd };
}
