// kuzushiji-recognition: micro F1 over all pages (Kaggle's kuzushiji metric). A predicted character
// (label x y) is a true positive when its point lies STRICTLY inside an unused truth box of the same
// label (X < x < X+W, Y < y < Y+H); each truth character takes the first such prediction in string
// order. Reference rules kept, in its order: the row count must equal the answers'; image_id and labels
// are required; the image_id multiset must equal the answers'; every non-blank labels cell must be text
// split on SINGLE spaces into a multiple of 3 tokens (double, leading or trailing spaces break it) whose
// x and y pass Python float(). A blank cell predicts nothing. The reference returns a Python float, so
// its 5-decimal rounding is Python's round() (scoreRounding "python"), not numpy's: the two differ on
// scores that sit on a 5th-decimal boundary.

import { alignById } from "../src/grading/align-by-id.js";
import { pythonFloat } from "../src/grading/blocks/python-float.js";
import { MISSING, NOT_TEXT, rleText } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { columnOf, requireColumns, requireRowCount, rowLabel } from "../src/grading/submission-checks.js";

const ID = "image_id";
const LABELS = "labels";

interface Prediction {
  readonly labels: string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** One submission cell: null when blank; throws where the reference's format check fails. */
function parsePrediction(frame: Frame, row: number): Prediction | null {
  const column = columnOf(frame, LABELS);
  const text = rleText(column, row);
  if (text === MISSING) return null;
  const where = `${frame.source}: column "${LABELS}", ${rowLabel(frame, row)}`;
  if (text === NOT_TEXT) {
    throw new InvalidSubmission(
      `${where} is ${cellDisplay(column, row)}, which was not read as text; write "label x y" triples separated by single spaces.`,
    );
  }
  const tokens = text.split(" ");
  if (tokens.length % 3 !== 0) {
    throw new InvalidSubmission(
      `${where} has ${tokens.length} space-separated tokens, not a multiple of 3 ("label x y" per character, separated by single spaces; a double, leading or trailing space adds an empty token).`,
    );
  }
  const n = tokens.length / 3;
  const prediction: Prediction = { labels: new Array(n), x: new Float64Array(n), y: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    prediction.labels[k] = tokens[3 * k]!;
    for (const [offset, target] of [
      [1, prediction.x],
      [2, prediction.y],
    ] as const) {
      const v = pythonFloat(tokens[3 * k + offset]!);
      if (v === undefined) {
        throw new InvalidSubmission(
          `${where}: the ${offset === 1 ? "x" : "y"} of character ${k + 1}, ${excerpt(tokens[3 * k + offset]!)}, is not a number.`,
        );
      }
      target[k] = v;
    }
  }
  return prediction;
}

/** tp, fp, fn of one page (the truth as the answers write it: "label X Y W H" groups). */
export function scorePage(prediction: Prediction | null, truth: string | null): [number, number, number] {
  if (truth === null) return [0, prediction === null ? 0 : prediction.labels.length, 0];
  const t = truth.split(" ");
  if (prediction === null) return [0, 0, Math.floor(t.length / 5)];
  if (t.length % 5 !== 0) throw new Error(`malformed answers labels: ${excerpt(truth)}`);
  const unused = new Uint8Array(prediction.labels.length).fill(1);
  let tp = 0;
  let fn = 0;
  for (let k = 0; k + 4 < t.length; k += 5) {
    const label = t[k]!;
    const xmin = Number(t[k + 1]);
    const ymin = Number(t[k + 2]);
    const xmax = xmin + Number(t[k + 3]);
    const ymax = ymin + Number(t[k + 4]);
    let match = -1;
    for (let p = 0; p < prediction.labels.length; p++) {
      const x = prediction.x[p]!;
      const y = prediction.y[p]!;
      if (unused[p] && xmin < x && xmax > x && ymin < y && ymax > y && prediction.labels[p] === label) {
        match = p;
        break;
      }
    }
    if (match < 0) fn++;
    else {
      tp++;
      unused[match] = 0;
    }
  }
  let fp = 0;
  for (const u of unused) fp += u;
  return [tp, fp, fn];
}

/** Micro F1 from the summed counts, 0 where precision or recall is undefined or zero. */
export function microF1(tp: number, fp: number, fn: number): number {
  if (tp + fp === 0 || tp + fn === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return precision > 0 && recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export const grader: Grader = {
  id: "kuzushiji-recognition",
  // 2: the score is rounded as Python rounds a float (was numpy's rounding).
  version: 2,
  scoreRounding: "python",
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireRowCount(submission, answers.rowCount);
    requireColumns(submission, [ID, LABELS]);
    const rowOf = alignById(answers, submission, ID);
    const predictions = Array.from({ length: submission.rowCount }, (_, s) => parsePrediction(submission, s));
    const truthColumn = columnOf(answers, LABELS);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let r = 0; r < answers.rowCount; r++) {
      const text = rleText(truthColumn, r);
      const [a, b, c] = scorePage(predictions[rowOf[r]!]!, typeof text === "string" ? text : null);
      tp += a;
      fp += b;
      fn += c;
    }
    return { score: microF1(tp, fp, fn), notes: [] };
  },
};
