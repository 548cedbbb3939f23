// Ranking the equal-budget comparison like with like: a mean over fewer (or other) tasks is a different
// quantity, not a worse or better score, so only rows whose means cover the same tasks are ranked.

import type { Row } from "../table-model.js";

export interface BudgetRow {
  name: string;
  row: Row;
  mean: number;
  tasks: string[];
}

/**
 * Ranks the rows that cover the same tasks: the report's full task set, or (when no row covers it)
 * the largest set most rows share. A mean over other tasks is a different quantity, not a lower score.
 */
export function rankLikeWithLike(
  rows: readonly BudgetRow[],
  total: number,
): { ranked: BudgetRow[]; others: BudgetRow[] } {
  const key = (row: BudgetRow) => [...row.tasks].sort().join("\u0000");
  const groups = new Map<string, BudgetRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  const reference = [...groups.values()].sort(
    (a, b) =>
      Number(b[0]!.tasks.length === total) - Number(a[0]!.tasks.length === total) ||
      b[0]!.tasks.length - a[0]!.tasks.length ||
      b.length - a.length,
  )[0];
  const byMean = (a: BudgetRow, b: BudgetRow) => b.mean - a.mean;
  const ranked = [...(reference ?? [])].sort(byMean);
  const others = rows.filter((row) => !ranked.includes(row)).sort(byMean);
  return { ranked, others };
}
