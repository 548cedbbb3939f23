// A cell as the value pandas parsed, for graders that compare cells across the two files by position
// (an id at the same row, a timestamp at the same epoch): numbers compare as numbers (800000 equals
// 800000.0), text as text, and a missing cell is null (never equal to anything, like NaN).

import type { Column } from "../csv/column.js";

export type CellKey = string | number | boolean | null;

export function cellKey(column: Column, row: number): CellKey {
  switch (column.kind) {
    case "object":
      return column.values[row] ?? null;
    case "bool":
      return column.values[row] === 1;
    case "int":
    case "float": {
      const v = column.values[row]!;
      return Number.isNaN(v) ? null : v;
    }
  }
}

export function cellKeys(column: Column): CellKey[] {
  return Array.from({ length: column.values.length }, (_, r) => cellKey(column, r));
}
