// Pairs each answers row with the submission row that has the same id. The reference sorts both
// tables by id and requires the sorted id arrays to be equal, which is the same as requiring equal
// multisets of ids; a hash join gives that verdict in linear time and, when it fails, the exact ids
// and rows to tell the user about. Ids compare with pandas' types: 800000 equals 800000.0, the
// number 5 never equals the text "5".

import { joinIdsOnBytes } from "./byte-id-join.js";
import {
  type Column,
  cellDisplay,
  isNumericColumn,
  isOutOfRangeInteger,
  parseNumberCell,
} from "./csv/column.js";
import type { Frame } from "./csv/frame.js";
import { textCells } from "./csv/text-cells.js";
import { joinIntegerIds } from "./integer-id-join.js";
import { InvalidSubmission } from "./invalid-submission.js";
import { columnOf, rowLabel } from "./submission-checks.js";

type Key = number | string | boolean;

const EXAMPLES = 3;

function keyAt(column: Column, row: number): Key | null {
  switch (column.kind) {
    case "int":
    case "float": {
      const v = column.values[row]!;
      return Number.isNaN(v) ? null : v;
    }
    case "bool":
      return column.values[row] === 1;
    case "object":
      return column.values[row] ?? null;
  }
}

function describeKind(column: Column): string {
  return isNumericColumn(column) ? "numbers" : column.kind === "bool" ? "True/False" : "text";
}

/** Explains an id column whose pandas type cannot match the answers' (numbers vs text). */
function typeMismatch(
  submission: Frame,
  column: Column,
  name: string,
  answersColumn: Column,
): InvalidSubmission {
  let example = "";
  if (isNumericColumn(answersColumn) && column.kind === "object") {
    const bad = column.values.findIndex((v) => typeof v === "string" && parseNumberCell(v) === undefined);
    const huge =
      bad >= 0 ? -1 : column.values.findIndex((v) => typeof v === "string" && isOutOfRangeInteger(v));
    if (bad >= 0)
      example = ` (${rowLabel(submission, bad)} has ${cellDisplay(column, bad)}, so every id was read as text)`;
    else if (huge >= 0)
      example = ` (${rowLabel(submission, huge)} has ${cellDisplay(column, huge)}, an integer beyond int64 and uint64, so every id was read as text)`;
  }
  return new InvalidSubmission(
    `${submission.source}: ids in column "${name}" are ${describeKind(column)}, but the answers' ids are ${describeKind(answersColumn)}${example}; no id can match.`,
  );
}

/**
 * True when both id columns hold the same ids in the same order, with no missing one: the common
 * case (agents usually keep the sample submission's order), checked in one linear pass. Duplicated
 * ids pass only when the answers repeat them at the same rows, which pairs them the same way.
 */
function sameOrder(answerIds: Column, submissionIds: Column, n: number, m: number): boolean {
  if (n !== m) return false;
  for (let r = 0; r < n; r++) {
    const key = keyAt(answerIds, r);
    if (key === null || key !== keyAt(submissionIds, r)) return false;
  }
  return true;
}

/**
 * Returns, for each answers row, the submission row with the same id. Throws InvalidSubmission
 * naming unknown, duplicated and missing ids (with rows) when the two id multisets differ.
 */
export function alignById(answers: Frame, submission: Frame, idColumn: string): Int32Array {
  // Text ids: compared as the bytes in the files, without decoding a million strings per column.
  const answerText = textCells(answers.rawCells(idColumn), answers.rowCount);
  const submissionText = answerText && textCells(submission.rawCells(idColumn), submission.rowCount);
  if (answerText && submissionText) {
    const joined = joinIdsOnBytes(answerText, submissionText);
    if (joined !== null) return joined;
  }
  const answerIds = columnOf(answers, idColumn);
  const submissionIds = columnOf(submission, idColumn);
  const numericA = isNumericColumn(answerIds);
  const numericS = isNumericColumn(submissionIds);
  if (
    numericA !== numericS ||
    (!numericA && (answerIds.kind === "bool") !== (submissionIds.kind === "bool"))
  ) {
    throw typeMismatch(submission, submissionIds, idColumn, answerIds);
  }

  const n = answers.rowCount;
  if (sameOrder(answerIds, submissionIds, n, submission.rowCount)) {
    return Int32Array.from({ length: n }, (_, i) => i);
  } else if (isNumericColumn(answerIds) && isNumericColumn(submissionIds)) {
    // Whole-number ids: a native sort of packed keys instead of a Map (integer-id-join.ts).
    const joined = joinIntegerIds(answerIds.values, submissionIds.values);
    if (joined !== null) return joined;
  }
  // head: the first answers row of each id; next: the following answers row with the same id
  // (duplicates exist in some answers files, e.g. repeated comment texts used as ids). Built back to
  // front so each chain is in file order with one map read and one write per row.
  const head = new Map<Key, number>();
  const next = new Int32Array(n).fill(-1);
  for (let r = n - 1; r >= 0; r--) {
    const key = keyAt(answerIds, r);
    if (key === null) continue;
    const following = head.get(key);
    if (following !== undefined) next[r] = following;
    head.set(key, r);
  }

  const pairedWith = new Int32Array(n).fill(-1);
  const unknown: string[] = [];
  const duplicated: number[] = [];
  const empty: string[] = [];
  let unknownCount = 0;
  let duplicatedCount = 0;
  let emptyCount = 0;

  for (let s = 0; s < submission.rowCount; s++) {
    const key = keyAt(submissionIds, s);
    if (key === null) {
      if (emptyCount++ < EXAMPLES) empty.push(rowLabel(submission, s));
      continue;
    }
    let r = head.get(key);
    if (r === undefined) {
      if (unknownCount++ < EXAMPLES)
        unknown.push(`${cellDisplay(submissionIds, s)} (${rowLabel(submission, s)})`);
      continue;
    }
    while (r !== -1 && pairedWith[r]! !== -1) r = next[r]!;
    if (r === -1) {
      if (duplicatedCount++ < EXAMPLES) duplicated.push(s);
      continue;
    }
    pairedWith[r] = s;
  }

  let missingCount = 0;
  const missing: string[] = [];
  for (let r = 0; r < n; r++) {
    if (pairedWith[r] === -1 && missingCount++ < EXAMPLES) missing.push(cellDisplay(answerIds, r));
  }
  if (unknownCount + duplicatedCount + emptyCount + missingCount === 0) return pairedWith;

  const parts: string[] = [];
  const more = (count: number) => (count > EXAMPLES ? `, and ${count - EXAMPLES} more` : "");
  if (duplicatedCount > 0) {
    // Only now, on the error path, find where each duplicated id first appeared.
    const examples = duplicated.map((s) => {
      const key = keyAt(submissionIds, s);
      let first = 0;
      while (first < s && keyAt(submissionIds, first) !== key) first++;
      return `${cellDisplay(submissionIds, s)} (${rowLabel(submission, s)}, first at row ${first + 1})`;
    });
    parts.push(`${duplicatedCount} duplicated id(s): ${examples.join("; ")}${more(duplicatedCount)}`);
  }
  if (unknownCount > 0)
    parts.push(`${unknownCount} id(s) not in the test set: ${unknown.join("; ")}${more(unknownCount)}`);
  if (emptyCount > 0)
    parts.push(`${emptyCount} row(s) without an id: ${empty.join("; ")}${more(emptyCount)}`);
  if (missingCount > 0)
    parts.push(`${missingCount} test id(s) missing: ${missing.join("; ")}${more(missingCount)}`);
  throw new InvalidSubmission(
    `${submission.source}: the ids in column "${idColumn}" must be exactly the test set's ${n} ids, once each. Found ${parts.join(". ")}.`,
  );
}

/** Reorders `values` (indexed by submission row) into answers-row order. */
export function permute(values: ArrayLike<number>, submissionRowOf: Int32Array): Float64Array {
  const out = new Float64Array(submissionRowOf.length);
  for (let r = 0; r < submissionRowOf.length; r++) out[r] = values[submissionRowOf[r]!]!;
  return out;
}
