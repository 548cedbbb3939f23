// smartphone-decimeter-2022: mean over trips of (p50 + p95) / 2 of the haversine errors in metres (lower
// is better). Reference rules kept, in its order: tripId, UnixTimeMillis, LatitudeDegrees and
// LongitudeDegrees are required; the total row count and each trip's row count must equal the answers';
// coordinates must be numbers (a blank one gives a NaN score in both). The reference pairs each trip's
// rows by POSITION and never reads UnixTimeMillis; bench pairs them the same way only when the
// submission's timestamps are the answers' at every position, and otherwise rejects the file (rows
// reordered or mistimed are scored misaligned by the reference), giving the reference's number.

import { type CellKey, cellKeys } from "../src/grading/blocks/cell-key.js";
import { numericColumn } from "../src/grading/blocks/numeric-column.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { haversineMetres, quantileLinear } from "../src/grading/metrics/haversine.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import {
  columnOf,
  numericValues,
  requireColumns,
  requireRowCount,
  rowLabel,
} from "../src/grading/submission-checks.js";

const TRIP = "tripId";
const TIME = "UnixTimeMillis";
const LAT = "LatitudeDegrees";
const LON = "LongitudeDegrees";

/** Rows of each trip in file order, trips in order of first appearance (pandas unique()). */
function rowsByTrip(keys: readonly CellKey[]): Map<CellKey, number[]> {
  const trips = new Map<CellKey, number[]>();
  keys.forEach((k, r) => {
    const list = trips.get(k);
    if (list === undefined) trips.set(k, [r]);
    else list.push(r);
  });
  return trips;
}

function tripScore(latP: number[], lonP: number[], latT: number[], lonT: number[]): number {
  const d = latP.map((_, i) => haversineMetres(latP[i]!, lonP[i]!, latT[i]!, lonT[i]!));
  return (quantileLinear(d, 0.5) + quantileLinear(d, 0.95)) / 2;
}

export const grader: Grader = {
  id: "smartphone-decimeter-2022",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    for (const name of [TRIP, TIME, LAT, LON]) requireColumns(submission, [name]);
    requireRowCount(submission, answers.rowCount);
    const answerTrips = rowsByTrip(cellKeys(columnOf(answers, TRIP)));
    const submissionTrips = rowsByTrip(cellKeys(columnOf(submission, TRIP)));
    for (const [trip, rows] of answerTrips) {
      const got = submissionTrips.get(trip)?.length ?? 0;
      if (got !== rows.length) {
        throw new InvalidSubmission(
          `${submission.source}: trip ${JSON.stringify(trip)} has ${got} rows, expected ${rows.length} (one per epoch of the sample submission, in its order).`,
        );
      }
    }
    const latS = numericColumn(submission, LAT, "numbers (degrees)");
    const lonS = numericColumn(submission, LON, "numbers (degrees)");
    const latA = numericValues(answers, LAT);
    const lonA = numericValues(answers, LON);
    const timeA = cellKeys(columnOf(answers, TIME));
    const timeS = cellKeys(columnOf(submission, TIME));
    const scores: number[] = [];
    let misaligned: { row: number; expected: CellKey } | undefined;
    for (const [trip, rows] of answerTrips) {
      const sRows = submissionTrips.get(trip)!;
      rows.forEach((r, i) => {
        if (misaligned === undefined && timeS[sRows[i]!] !== timeA[r])
          misaligned = { row: sRows[i]!, expected: timeA[r]! };
      });
      scores.push(
        tripScore(
          sRows.map((s) => latS[s]!),
          sRows.map((s) => lonS[s]!),
          rows.map((r) => latA[r]!),
          rows.map((r) => lonA[r]!),
        ),
      );
    }
    const score = pairwiseMean(scores);
    if (misaligned !== undefined) {
      const { row, expected } = misaligned;
      throw new InvalidSubmission(
        `${submission.source}: ${rowLabel(submission, row)} has ${TIME} ${cellDisplay(columnOf(submission, TIME), row)} where the answers have ${String(expected)} at that position of the trip; keep each trip's rows in the sample submission's order, one per epoch.`,
        {
          referenceNote: `The reference pairs each trip's rows by position without reading ${TIME} and would report ${roundHalfEven(score, 5)}.`,
        },
      );
    }
    return { score, notes: [] };
  },
};
