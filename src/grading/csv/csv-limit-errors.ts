// The tokenizer's refusals of a file that is too big in one dimension (a field, the header, the
// table) or not a table at all (a row wider than the header). Each names the limit and where the
// file crossed it, and quotes the file's own text only through a short excerpt.

import { BenchError } from "../../errors.js";
import { excerpt, excerptJoined } from "../input-excerpt.js";
import { formatBytes } from "./csv-limits.js";

/** Where a field sits: the header (row 0) or a data row, and its 1-based column. */
export interface FieldPlace {
  readonly line: number;
  /** 1-based data row; 0 for the header. */
  readonly row: number;
  readonly column: number;
  /** The column's name, when the header is known. */
  readonly name: string | undefined;
}

function describePlace(place: FieldPlace): string {
  const column = `column ${place.column}${place.name === undefined ? "" : ` (${excerpt(place.name)})`}`;
  const row = place.row === 0 ? "the header" : `row ${place.row}`;
  return `${row}, ${column}, starting on line ${place.line}`;
}

export function fieldTooLong(source: string, place: FieldPlace, bytes: number, max: number): BenchError {
  return new BenchError(
    "CSV_MALFORMED",
    `${source}: the field in ${describePlace(place)} is ${formatBytes(bytes)}, above the ${formatBytes(max)} bench accepts in one field.`,
    {
      hint: "Check for an unclosed quote or a missing line break; BENCH_MAX_CSV_FIELD_BYTES raises the limit.",
    },
  );
}

export function tooManyColumns(source: string, max: number): BenchError {
  return new BenchError(
    "CSV_MALFORMED",
    `${source}: the header has more than ${max} columns, the most bench reads.`,
    { hint: "Check the separator (bench reads commas); BENCH_MAX_CSV_COLUMNS raises the limit." },
  );
}

export function tooManyCells(source: string, line: number, columns: number, max: number): BenchError {
  return new BenchError(
    "CSV_MALFORMED",
    `${source}: by line ${line} the table has more than ${max} cells (rows × ${columns} columns), the most bench reads.`,
    { hint: "Check that this is the right file; BENCH_MAX_CSV_CELLS raises the limit." },
  );
}

export function tooMuchPadding(source: string, line: number, columns: number, budget: number): BenchError {
  return new BenchError(
    "CSV_MALFORMED",
    `${source}: by line ${line} short rows need more than ${budget} empty cells to fill the header's ${columns} columns (bench fills at most one per byte of the file, or ${2 ** 20}).`,
    { hint: "Give every row one value per header column, as the sample submission does." },
  );
}

export function tooManyFields(
  source: string,
  line: number,
  fields: number,
  header: readonly string[],
): BenchError {
  return new BenchError(
    "CSV_MALFORMED",
    `${source}: line ${line} has ${fields} fields but the header has ${header.length} (${excerptJoined(header, ",")}).`,
    { hint: "Quote fields that contain commas, and give every row exactly one value per header column." },
  );
}
