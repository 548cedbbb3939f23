// Reading RLE cells out of a parsed CSV column the way the segmentation graders do: pandas may have
// typed the column (all cells single integers make it int64, all cells blank make it float64 NaN), and
// rle_decode asserts that its input is a Python str. Each grader says what a missing cell means for it
// (most replace NaN with "" first, Vesuvius and contrails do not) and whether "-" means an empty mask.

import { type Column, cellDisplay } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { rowLabel } from "../submission-checks.js";
import { decodeRle, EMPTY_MASK, type RunMask } from "./rle-decode.js";

export interface RleCellRules {
  /** "empty": a missing cell is an empty mask (the grader's fillna("")); "invalid": it is an error. */
  readonly missing: "empty" | "invalid";
  /** Contrails: a cell that is exactly "-" is an empty mask. */
  readonly dashIsEmpty?: boolean;
}

/** A missing cell (pandas NaN). */
export const MISSING: unique symbol = Symbol("missing");
/** A cell pandas did not read as text (a number, True/False): not a Python str. */
export const NOT_TEXT: unique symbol = Symbol("not text");

/** The cell as the reference's Python receives it: its text, MISSING (NaN), or NOT_TEXT. */
export function rleText(column: Column, row: number): string | typeof MISSING | typeof NOT_TEXT {
  switch (column.kind) {
    case "object": {
      const v = column.values[row];
      if (v === null || v === undefined) return MISSING;
      return typeof v === "string" ? v : NOT_TEXT;
    }
    case "int":
    case "float":
      return Number.isNaN(column.values[row]!) ? MISSING : NOT_TEXT;
    case "bool":
      return NOT_TEXT;
  }
}

/**
 * Decodes the submission cell (column `name`, row `row`) onto `pixels` pixels; throws InvalidSubmission
 * naming the row, the id and what to fix.
 */
export function decodeSubmissionRle(
  frame: Frame,
  name: string,
  row: number,
  pixels: number,
  rules: RleCellRules,
  idText: string,
): RunMask {
  const column = frame.column(name)!;
  const where = `${frame.source}: column "${name}", ${rowLabel(frame, row)} (id ${idText})`;
  const text = rleText(column, row);
  if (text === MISSING) {
    if (rules.missing === "empty") return EMPTY_MASK;
    throw new InvalidSubmission(
      `${where} is empty; a blank cell is not accepted here: write ${rules.dashIsEmpty ? '"-"' : 'a single space (" ")'} for an empty mask.`,
    );
  }
  if (text === NOT_TEXT) {
    throw new InvalidSubmission(
      `${where} is ${cellDisplay(column, row)}, which was read as a ${column.kind === "bool" || column.kind === "object" ? "True/False value" : "number"}, not as RLE text (pandas reads a column whose cells are all single numbers as numbers); write "start length" pairs.`,
    );
  }
  if (rules.dashIsEmpty && text === "-") return EMPTY_MASK;
  const result = decodeRle(text, pixels);
  if (!result.ok) throw new InvalidSubmission(`${where}: the RLE cannot be decoded: ${result.reason}.`);
  return result.mask;
}

/** Decodes an answers cell; a failure means the answers file is broken, not the submission. */
export function decodeAnswerRle(
  frame: Frame,
  name: string,
  row: number,
  pixels: number,
  rules: RleCellRules,
): RunMask {
  const column = frame.column(name);
  if (column === undefined) throw new Error(`${frame.source}: the answers have no column "${name}"`);
  const text = rleText(column, row);
  if (text === MISSING || (rules.dashIsEmpty && text === "-")) return EMPTY_MASK;
  if (text === NOT_TEXT)
    throw new Error(`${frame.source}: ${rowLabel(frame, row)} of "${name}" is not RLE text`);
  const result = decodeRle(text, pixels);
  if (!result.ok) throw new Error(`${frame.source}: ${rowLabel(frame, row)} of "${name}": ${result.reason}`);
  return result.mask;
}
