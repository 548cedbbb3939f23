// The reference's set-then-merge alignment (champs-scalar-coupling, predict-volcanic-eruptions-ingv-oe):
// the set of submission ids must equal the answers' set, with NO row-count check, then
// answers.merge(submission[[id, target]], on=id) pairs every answers row with EVERY submission row
// carrying its id (an inner join, answers order kept, copies of one id in file order). So a submission
// that repeats an id is accepted and that answers row is scored once per copy.
//
// Bench pairs each answers row with exactly one submission row and rejects repeated ids (policy 2);
// `mergedPairs` gives the reference's pairs, so that the grader can state the number the reference
// would have reported.

import { alignById } from "../align-by-id.js";
import { type Column, cellDisplay, isNumericColumn } from "../csv/column.js";
import type { Frame } from "../csv/frame.js";
import { InvalidSubmission } from "../invalid-submission.js";
import { MetricInputError } from "../metrics/metric-input-error.js";
import { columnOf, requireColumns, rowLabel } from "../submission-checks.js";
import { alignDenseIntegerIds } from "./dense-id-align.js";

type Key = number | string | boolean;

function keyAt(column: Column, row: number): Key | null {
  if (column.kind === "object") return column.values[row] ?? null;
  const v = column.values[row]!;
  if (column.kind === "bool") return v === 1;
  return Number.isNaN(v) ? null : v;
}

/** The reference's inner-merge pairs: answers row i with submission row j, in merged order. */
export interface MergedPairs {
  readonly answerRows: Int32Array;
  readonly submissionRows: Int32Array;
}

/** answers.merge(submission, on=id), assuming the id sets are equal (every answers row pairs at least once). */
export function mergedPairs(submission: Frame, answers: Frame, idColumn: string): MergedPairs {
  const ids = columnOf(submission, idColumn);
  const byId = new Map<Key, number[]>();
  for (let s = 0; s < submission.rowCount; s++) {
    const key = keyAt(ids, s);
    if (key === null) continue;
    const list = byId.get(key);
    if (list === undefined) byId.set(key, [s]);
    else list.push(s);
  }
  const answerIds = columnOf(answers, idColumn);
  const a: number[] = [];
  const s: number[] = [];
  for (let r = 0; r < answers.rowCount; r++) {
    const key = keyAt(answerIds, r);
    for (const row of (key === null ? undefined : byId.get(key)) ?? []) {
      a.push(r);
      s.push(row);
    }
  }
  return { answerRows: Int32Array.from(a), submissionRows: Int32Array.from(s) };
}

/** True when set(submission ids) == set(answers ids), as Python compares them (NaN never matches). */
function sameIdSet(submission: Frame, answers: Frame, idColumn: string): boolean {
  const sub = columnOf(submission, idColumn);
  const ans = columnOf(answers, idColumn);
  if (isNumericColumn(sub) !== isNumericColumn(ans))
    return submission.rowCount === 0 && answers.rowCount === 0;
  const answerSet = new Set<Key>();
  for (let r = 0; r < answers.rowCount; r++) {
    const key = keyAt(ans, r);
    if (key === null) return false;
    answerSet.add(key);
  }
  const seen = new Set<Key>();
  for (let s = 0; s < submission.rowCount; s++) {
    const key = keyAt(sub, s);
    if (key === null || !answerSet.has(key)) return false;
    seen.add(key);
  }
  return seen.size === answerSet.size;
}

/**
 * The target and id columns, then the id set; returns, for each answers row, its submission row.
 * Repeated ids (accepted by the reference) are rejected with `referenceNote(pairs)` as the note: the
 * caller computes the reference's number from the merged pairs.
 */
export function alignBySetThenMerge(
  submission: Frame,
  answers: Frame,
  columns: { readonly idColumn: string; readonly targetColumn: string },
  referenceNote: (pairs: MergedPairs) => string,
): Int32Array {
  const { idColumn, targetColumn } = columns;
  requireColumns(submission, [targetColumn]);
  requireColumns(submission, [idColumn]);
  const fast = alignDenseIntegerIds(columnOf(answers, idColumn), columnOf(submission, idColumn));
  if (fast !== undefined) return fast;
  if (submission.rowCount === answers.rowCount || !sameIdSet(submission, answers, idColumn)) {
    // Equal row counts: equal sets then mean the same ids once each, which is alignById's verdict.
    return alignById(answers, submission, idColumn);
  }
  // Equal sets, more rows than ids: some ids are repeated, which the reference accepts.
  const ids = columnOf(submission, idColumn);
  const first = new Map<Key, number>();
  let example = "";
  for (let s = 0; s < submission.rowCount && example === ""; s++) {
    const key = keyAt(ids, s)!;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, s);
    else example = `${cellDisplay(ids, s)} at ${rowLabel(submission, s)} (first at row ${earlier + 1})`;
  }
  throw new InvalidSubmission(
    `${submission.source}: has ${submission.rowCount} rows for the test set's ${answers.rowCount} ids: id ${example} is repeated; write each "${idColumn}" once.`,
    { referenceNote: referenceNote(mergedPairs(submission, answers, idColumn)) },
  );
}

/**
 * The reference note of a file with repeated ids: the number the reference, which scores each copy,
 * would report (`score()`, computed from the merged pairs), or, when `score` throws MetricInputError or
 * InvalidSubmission, that the reference would still reject the file and why.
 */
export function repeatedIdsNote(score: () => number): string {
  const how =
    "The reference accepts repeated ids (it checks the id set, not the row count) and scores each copy";
  try {
    return `${how}: it would report ${score()}.`;
  } catch (error) {
    if (error instanceof MetricInputError || error instanceof InvalidSubmission)
      return `${how}; here it would still reject the file (${error.message}).`;
    throw error;
  }
}
