// siim-covid19-detection: mean over the answers' labels (negative, typical, indeterminate, atypical,
// none, opacity: every label is a class of its own) of scikit-learn's average precision, boxes matched at
// IoU > 0.5. Per row and label: predictions by confidence (descending, stable), each takes the unmatched
// truth box with the highest IoU above 0.5 (first on ties) -> (1, conf), else (0, conf); each unmatched
// truth box adds (1, 0); a row with neither adds (0, 0). Study and image rows feed every class alike.
// Reference rules kept, in its order: the row count, id and PredictionString, and the id multiset must
// match the answers'; every cell must be text (a blank cell is invalid) of whitespace-separated groups of 6
// tokens (label, confidence, xmin, ymin, xmax, ymax) whose numbers pass Python float(); a label's pairs
// must not all be positives; a NaN or infinite confidence on a scored label is rejected by scikit-learn.

import { alignAfterCountAndColumns } from "../src/grading/blocks/count-then-id-align.js";
import { pythonFloat } from "../src/grading/blocks/python-float.js";
import { splitWhitespace } from "../src/grading/blocks/python-split.js";
import { MISSING, NOT_TEXT, rleText } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { binaryAveragePrecision } from "../src/grading/metrics/binary-average-precision.js";
import { cornerBoxIou } from "../src/grading/metrics/box-iou.js";
import { compareCodePoints } from "../src/grading/metrics/classification-targets.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import { columnOf, rowLabel } from "../src/grading/submission-checks.js";

const ID = "id";
const TARGET = "PredictionString";
const IOU_THRESHOLD = 0.5;

interface Box {
  readonly label: string;
  readonly conf: number;
  readonly box: readonly [number, number, number, number];
}

/** parse_prediction_string: strip, split on whitespace, groups of 6. */
function parseBoxes(text: string, fail: (why: string) => never): Box[] {
  const tokens = splitWhitespace(text);
  if (tokens.length % 6 !== 0) {
    fail(`has ${tokens.length} tokens, not a multiple of 6 ("label confidence xmin ymin xmax ymax" per box)`);
  }
  const boxes: Box[] = [];
  for (let i = 0; i < tokens.length; i += 6) {
    const v = [1, 2, 3, 4, 5].map((k) => {
      const x = pythonFloat(tokens[i + k]!);
      if (x === undefined) fail(`token ${i + k + 1}, ${excerpt(tokens[i + k]!)}, is not a number`);
      return x;
    });
    boxes.push({ label: tokens[i]!, conf: v[0]!, box: [v[1]!, v[2]!, v[3]!, v[4]!] });
  }
  return boxes;
}

function cellBoxes(frame: Frame, row: number, answers: boolean): Box[] {
  const column = columnOf(frame, TARGET);
  const text = rleText(column, row);
  const fail = (why: string): never => {
    if (answers) throw new Error(`${frame.source}: ${rowLabel(frame, row)}: ${why}`);
    throw new InvalidSubmission(`${frame.source}: column "${TARGET}", ${rowLabel(frame, row)} ${why}.`);
  };
  if (text === MISSING)
    return fail('is empty; write "none 1 0 0 1 1" (or "negative 1 0 0 1 1") rather than a blank cell');
  if (text === NOT_TEXT) return fail(`is ${cellDisplay(column, row)}, which was not read as text`);
  return parseBoxes(text, fail);
}

/** The (y, score) pairs of one class over all rows, in the reference's order. */
function classPairs(
  label: string,
  predictions: readonly Box[][],
  truths: readonly Box[][],
): { y: number[]; s: number[] } {
  const y: number[] = [];
  const s: number[] = [];
  predictions.forEach((preds, r) => {
    const gts = truths[r]!.filter((b) => b.label === label);
    const matched = new Uint8Array(gts.length);
    let added = 0;
    for (const p of preds) {
      if (p.label !== label) continue;
      let best = -1;
      let bestIou = 0;
      gts.forEach((g, j) => {
        if (matched[j]) return;
        const iou = cornerBoxIou(...p.box, ...g.box);
        if (iou > bestIou && iou > IOU_THRESHOLD) {
          bestIou = iou;
          best = j;
        }
      });
      y.push(best >= 0 ? 1 : 0);
      s.push(p.conf);
      if (best >= 0) matched[best] = 1;
      added++;
    }
    for (let j = 0; j < gts.length; j++) {
      if (!matched[j]) {
        y.push(1);
        s.push(0);
        added++;
      }
    }
    if (added === 0) {
      y.push(0);
      s.push(0);
    }
  });
  return { y, s };
}

export const grader: Grader = {
  id: "siim-covid19-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignAfterCountAndColumns(submission, answers, ID, TARGET);
    const stable = (boxes: Box[]) =>
      boxes
        .map((b, i) => [b, i] as const)
        .sort((a, b) => b[0].conf - a[0].conf || a[1] - b[1])
        .map(([b]) => b);
    const predictions = Array.from({ length: answers.rowCount }, (_, r) =>
      stable(cellBoxes(submission, rowOf[r]!, false)),
    );
    const truths = Array.from({ length: answers.rowCount }, (_, r) => cellBoxes(answers, r, true));
    const classes = [...new Set(truths.flatMap((t) => t.map((b) => b.label)))].sort(compareCodePoints);
    const aps = classes.map((label) => {
      const { y, s } = classPairs(label, predictions, truths);
      if (y.every((v) => v === 1)) {
        throw new InvalidSubmission(
          `${submission.source}: every pair of label "${label}" is a true positive or a missed box, so its average precision is undefined (the reference fails on this); predict at least one box that is not a match, or leave a row without "${label}".`,
        );
      }
      const bad = s.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) {
        throw new InvalidSubmission(
          `${submission.source}: a "${label}" box has confidence ${s[bad]}; scikit-learn (and so the reference) rejects NaN and infinite scores.`,
        );
      }
      return binaryAveragePrecision(y, s);
    });
    return { score: aps.length === 0 ? 0 : pairwiseMean(aps), notes: [] };
  },
};
