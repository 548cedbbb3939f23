// The shape of one competition's seeded test data for the regression-and-ranking parity test, and the
// small helpers the per-competition specs share (see regression-and-ranking-cases.ts).

import type { Rng } from "../rng.js";
import { cells, type Table, withColumn, withRows } from "../table.js";

export type Expect = "same" | "bench-rejects" | "bench-notes";
/** A case: label, the submission (table or raw text), what to expect, and for "bench-notes" the twin's label. */
export type SpecialCase = [string, Table | string, Expect?, string?];

export interface ExtraCase {
  readonly label: string;
  readonly csv: string;
  readonly expect: Expect;
  /** Answers replacing the competition's default ones. */
  readonly answers?: string;
}

export interface Spec {
  readonly id: string;
  readonly idColumn: string;
  readonly target: string;
  answers(rng: Rng): Table;
  /** A valid submission with random predictions. */
  random(answers: Table, rng: Rng): Table;
  perfect(answers: Table): Table;
  sample(answers: Table): Table;
  unknownId: string;
  special(answers: Table, random: Table, rng: Rng): SpecialCase[];
  /** Generic cases the reference treats differently: label -> [expect, twin]. */
  readonly overrides?: Readonly<Record<string, readonly [Expect, string?]>>;
  /** Cases with their own answers. */
  extra?(answers: Table): ExtraCase[];
}

/** The cases every competition gets, plus its own. */
export const num = (x: number): string => String(x);
export const hex = (rng: Rng, n: number): string => rng.chars(n);
export const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

export function columnTable(columns: string[], rows: string[][]): Table {
  return { columns, rows };
}

/** Appends a copy of row `row` at the end (an id twice, no id missing). */
export function extraCopy(table: Table, row: number): Table {
  return withRows(table, [...table.rows, [...table.rows[row]!]]);
}

export function constant(table: Table, text: string): string[] {
  return table.rows.map(() => text);
}

/** The column's values written as floats ("7" -> "7.0"). */
export function asFloats(table: Table, column: string): Table {
  return withColumn(
    table,
    column,
    cells(table, column).map((v) => `${v}.0`),
  );
}

/** The "extra column" case: a column the grader ignores, holding `value` on every row. */
export function extraColumn(table: Table, name = "extra", value = "x"): SpecialCase {
  return ["extra column", withColumn(table, name, constant(table, value))];
}

/** The answers' ids (first column) beside one constant prediction: a sample submission. */
export function constantPredictions(answers: Table, columns: string[], value: string): Table {
  return columnTable(
    columns,
    answers.rows.map((r) => [r[0]!, value]),
  );
}
