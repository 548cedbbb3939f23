// The one shape every report takes before it is printed: a title, tables (columns with units, rows of
// typed cells, footnotes), notes and the figures written beside it. Builders produce it from query
// results; the renderers in format/ turn it into a terminal table, Markdown, CSV or JSON, so that every
// report exists in all four formats without any report knowing about formats.

/** How a column's cells are typed, and so how renderers print them. */
export type ColumnKind =
  /** Free text (agent names, task ids). */
  | "text"
  /** A count. */
  | "integer"
  /** A number printed with `decimals` decimals (full precision in CSV and JSON). */
  | "number"
  /** A mean with its standard error: "16.9 ± 1.1". */
  | "mean-sem"
  /** An interval: "0.12 to 0.34". */
  | "interval";

export interface Column {
  /** Stable snake_case name: CSV header, JSON key. */
  key: string;
  /** Human header, without the unit. */
  label: string;
  kind: ColumnKind;
  /** Unit of the values, shown in headers: "%", "h", "points". */
  unit?: string;
  /** Decimals printed in the terminal and Markdown (CSV and JSON keep full precision). Default 1; 0 for integers. */
  decimals?: number;
}

export interface MeanSem {
  mean: number;
  sem: number;
}

export interface IntervalCell {
  low: number;
  high: number;
}

/** null prints as "-" (no value: not computed, or not applicable). */
export type CellValue = string | number | MeanSem | IntervalCell | null;

export type Row = Record<string, CellValue>;

export interface Table {
  /** Stable snake_case name, used for JSON and CSV sections. */
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Sentences printed under the table: what was left out and why, how to read it. */
  footnotes: string[];
}

/** A picture written beside the report (--plots). */
export interface Figure {
  title: string;
  /** Path as given to the user (relative to the working directory when it lies inside it). */
  path: string;
}

export interface Report {
  title: string;
  tables: Table[];
  /** Sentences about the whole report (e.g. a comparison's verdict). */
  notes: string[];
  figures: Figure[];
  /** Known issues of the report's competitions (reports/known-issues.ts); JSON prints them as known_issues. */
  knownIssues?: { competition_id: string; kind: string; text: string; ref: string | null }[];
}

export function isMeanSem(value: CellValue): value is MeanSem {
  return typeof value === "object" && value !== null && "mean" in value;
}

export function isInterval(value: CellValue): value is IntervalCell {
  return typeof value === "object" && value !== null && "low" in value;
}

/** A header with its unit: "Any medal (%)". */
export function headerText(column: Column): string {
  return column.unit ? `${column.label} (${column.unit})` : column.label;
}
