// Helpers for the sets-and-text parity cases: CSV text from rows, the mutations every competition gets
// (row order, missing/duplicated/unknown ids, missing columns), and small row editors.

import type { Rng } from "../rng.js";

export interface FamilyCase {
  readonly label: string;
  readonly csv: string;
  /** "same": verdict and score equal; "bench-rejects": policy 2 (bench rejects, note has the number). */
  readonly expect: "same" | "bench-rejects";
}

export interface FamilyCompetition {
  readonly id: string;
  readonly answersName: string;
  readonly answers: string;
  readonly cases: readonly FamilyCase[];
}

export type Cell = string | null;
export type Row = Cell[];

function quote(cell: Cell): string {
  if (cell === null) return "";
  return /[",\n\r]/.test(cell) || cell === "" ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toCsv(header: readonly string[], rows: readonly Row[]): string {
  return `${[header.map(quote).join(","), ...rows.map((r) => r.map(quote).join(","))].join("\n")}\n`;
}

export interface Table {
  readonly header: string[];
  readonly rows: Row[];
}

export const csvOf = (t: Table): string => toCsv(t.header, t.rows);

/** A two-column table: each id beside the cell `pick` gives its row. */
export function idTable(
  header: readonly [string, string],
  ids: readonly string[],
  pick: (i: number) => Cell,
): Table {
  return { header: [...header], rows: ids.map((x, i) => [x, pick(i)]) };
}

/** The mutations every competition gets: row order, missing/duplicated/unknown ids, missing columns. */
export function genericCases(
  rng: Rng,
  t: Table,
  idIndex: number,
  targetIndex: number,
  unknownId: string,
): FamilyCase[] {
  const csv = csvOf;
  const shuffled = [...t.rows].sort(() => rng.next() - 0.5);
  const dropColumn = (i: number): Table => ({
    header: t.header.filter((_, c) => c !== i),
    rows: t.rows.map((r) => r.filter((_, c) => c !== i)),
  });
  const duplicated = t.rows.map((r) => [...r]);
  duplicated[1] = [...duplicated[0]!];
  const unknown = t.rows.map((r) => [...r]);
  unknown[2]![idIndex] = unknownId;
  return [
    { label: "shuffled rows", csv: csv({ header: t.header, rows: shuffled }), expect: "same" },
    { label: "target column missing", csv: csv(dropColumn(targetIndex)), expect: "same" },
    { label: "id column missing", csv: csv(dropColumn(idIndex)), expect: "same" },
    { label: "one row missing", csv: csv({ header: t.header, rows: t.rows.slice(1) }), expect: "same" },
    { label: "one id duplicated", csv: csv({ header: t.header, rows: duplicated }), expect: "same" },
    { label: "unknown id", csv: csv({ header: t.header, rows: unknown }), expect: "same" },
    { label: "header only", csv: `${t.header.join(",")}\n`, expect: "same" },
  ];
}

export function withColumn(t: Table, name: string, value: (row: number) => Cell): Table {
  return { header: [...t.header, name], rows: t.rows.map((r, i) => [...r, value(i)]) };
}

export function setTarget(t: Table, target: number, value: (row: number, old: Cell) => Cell): Table {
  return { header: t.header, rows: t.rows.map((r, i) => r.map((c, j) => (j === target ? value(i, c) : c))) };
}

export function valid(label: string, t: Table): FamilyCase {
  return { label, csv: csvOf(t), expect: "same" };
}

/** An extra column "x" (graded the same), then the generic mutations; ids in column 0, the target in 1. */
export function closingCases(rng: Rng, t: Table, unknownId: string, extraValue = "1"): FamilyCase[] {
  return [
    valid(
      "extra column",
      withColumn(t, "x", () => extraValue),
    ),
    ...genericCases(rng, t, 0, 1, unknownId),
  ];
}

export const hex = (rng: Rng, n: number) => {
  let s = rng.chars(n);
  if (/^\d+$/.test(s)) s = `a${s.slice(1)}`;
  return s;
};

export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}
