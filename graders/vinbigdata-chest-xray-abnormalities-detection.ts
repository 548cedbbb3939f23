// vinbigdata-chest-xray-abnormalities-detection: pycocotools COCOeval 'bbox' mAP at IoU 0.4 (stats[0]:
// 101 recall points, area 'all', 100 detections per image and class), with the reference's quirks: boxes
// are stored as corners but read as [x, y, w, h] (each box becomes [x_min, x_min + x_max] × [y_min,
// y_min + y_max]); annotation and detection ids count from 0 in file order, and pycocotools treats a match
// recorded with id 0 as no match, so the answers' first row can never be a true positive and the
// submission's first box never makes a truth unavailable. Reference rules kept: PredictionString and
// image_id are required; the image_id set must equal the answers'; each cell is split on SINGLE spaces,
// every token must pass Python float(), the count must be a multiple of 6 ("class score x_min y_min x_max
// y_max"), and the class must convert to an int (truncated: 3.9 is class 3; nan or inf fail); unknown
// classes are ignored. Rows repeating an image_id are pooled by the reference: bench rejects them and
// reports the reference's number.

import { cellKey } from "../src/grading/blocks/cell-key.js";
import { pythonFloat } from "../src/grading/blocks/python-float.js";
import { MISSING, NOT_TEXT, rleText } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import {
  type CocoBox,
  type CocoDetection,
  cocoMeanAveragePrecision,
} from "../src/grading/metrics/coco-bbox-ap.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

const ID = "image_id";
const TARGET = "PredictionString";
const IOU_THRESHOLD = 0.4;

function parseRow(frame: Frame, row: number): number[][] {
  const column = columnOf(frame, TARGET);
  const where = `${frame.source}: column "${TARGET}", ${rowLabel(frame, row)}`;
  const text = rleText(column, row);
  if (text === MISSING)
    throw new InvalidSubmission(`${where} is empty; write "14 1 0 0 1 1" for an image with no finding.`);
  if (text === NOT_TEXT)
    throw new InvalidSubmission(`${where} is ${cellDisplay(column, row)}, which was not read as text.`);
  const tokens = text.split(" ");
  const values = tokens.map((t, i) => {
    const v = pythonFloat(t);
    if (v === undefined) {
      throw new InvalidSubmission(
        `${where}: token ${i + 1}, ${excerpt(t)}, is not a number (tokens are separated by single spaces; a double, leading or trailing space makes an empty token).`,
      );
    }
    return v;
  });
  if (values.length % 6 !== 0) {
    throw new InvalidSubmission(
      `${where} has ${values.length} numbers, not a multiple of 6 ("class score x_min y_min x_max y_max" per box).`,
    );
  }
  const boxes: number[][] = [];
  for (let i = 0; i < values.length; i += 6) {
    if (!Number.isFinite(values[i]!)) {
      throw new InvalidSubmission(
        `${where}: box ${i / 6 + 1} has class ${values[i]}, which is not a whole class id.`,
      );
    }
    boxes.push(values.slice(i, i + 6));
  }
  return boxes;
}

export const grader: Grader = {
  id: "vinbigdata-chest-xray-abnormalities-detection",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, [TARGET, ID]);
    const answerIds = columnOf(answers, ID);
    const imageIndex = new Map<unknown, number>();
    for (let r = 0; r < answers.rowCount; r++) {
      const k = cellKey(answerIds, r);
      if (!imageIndex.has(k)) imageIndex.set(k, imageIndex.size);
    }
    const subIds = columnOf(submission, ID);
    const seen = new Map<unknown, number>();
    let repeated: number | undefined;
    for (let s = 0; s < submission.rowCount; s++) {
      const k = cellKey(subIds, s);
      if (!imageIndex.has(k)) {
        throw new InvalidSubmission(
          `${submission.source}: column "${ID}", ${rowLabel(submission, s)}: ${cellDisplay(subIds, s)} is not an image of the test set; the image_id set must equal the sample submission's.`,
        );
      }
      if (seen.has(k) && repeated === undefined) repeated = s;
      seen.set(k, s);
    }
    if (seen.size !== imageIndex.size) {
      const missing = [...imageIndex.keys()].filter((k) => !seen.has(k));
      throw new InvalidSubmission(
        `${submission.source}: ${missing.length} image(s) of the test set have no row, e.g. ${JSON.stringify(missing[0])}; give one row per image_id of the sample submission.`,
      );
    }
    // The answers: one box per row, ids in image order then file order.
    const xs = ["x_min", "y_min", "x_max", "y_max"].map((c) => numericValues(answers, c));
    const classes = numericValues(answers, "class_id");
    const byImage: number[][] = Array.from({ length: imageIndex.size }, () => []);
    for (let r = 0; r < answers.rowCount; r++) byImage[imageIndex.get(cellKey(answerIds, r))!]!.push(r);
    const truths: CocoBox[] = [];
    byImage.forEach((rows, image) => {
      for (const r of rows) {
        const [x0, y0, x1, y1] = xs.map((col) => col[r]!) as [number, number, number, number];
        truths.push({
          image,
          category: classes[r]!,
          bbox: [x0, y0, x1, y1],
          area: (x1 - x0) * (y1 - y0),
          id: truths.length,
        });
      }
    });
    const detections: CocoDetection[] = [];
    for (let s = 0; s < submission.rowCount; s++) {
      const image = imageIndex.get(cellKey(subIds, s))!;
      for (const [c, score, x0, y0, x1, y1] of parseRow(submission, s)) {
        detections.push({
          image,
          category: Math.trunc(c!),
          score: score!,
          bbox: [x0!, y0!, x1!, y1!],
          area: (x1! - x0!) * (y1! - y0!),
          id: detections.length,
        });
      }
    }
    const categories = [...new Set(classes)].sort((a, b) => a - b);
    const score = cocoMeanAveragePrecision(truths, detections, categories, imageIndex.size, IOU_THRESHOLD);
    if (repeated !== undefined) {
      throw new InvalidSubmission(
        `${submission.source}: image_id ${cellDisplay(subIds, repeated)} appears in more than one row (${rowLabel(submission, repeated)}); give one row per image, with all its boxes in one PredictionString.`,
        {
          referenceNote: `The reference pools the boxes of repeated rows and would report ${roundHalfEven(score, 5)}.`,
        },
      );
    }
    return { score, notes: [] };
  },
};
