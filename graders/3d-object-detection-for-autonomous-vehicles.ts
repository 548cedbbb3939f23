// 3d-object-detection-for-autonomous-vehicles: mean over samples and over the 10 IoU thresholds 0.5,
// 0.55, ..., 0.95 of the sample's mean AP over the classes in its answers (Lyft's mAP_evaluation.py; AP
// is 0 for a class the sample's predictions lack). Objects are "confidence cx cy cz width length height
// yaw class" (9 tokens, split on SINGLE spaces). Reference rules kept, in its order: row count, Id and
// PredictionString, and the Id multiset must match the answers'; a blank cell means no objects; the token
// count must be a multiple of 9 and the 8 numbers must pass Python float(); an infinite yaw fails
// (pyquaternion uses math.cos) whatever the class; an object whose class is among its sample's answer
// classes must have no NaN coordinate, size or yaw and a positive size. Objects of other classes are
// ignored. Predictions are ranked by confidence, stably.

import { cellKey } from "../src/grading/blocks/cell-key.js";
import { alignAfterCountAndColumns } from "../src/grading/blocks/count-then-id-align.js";
import { pythonFloat } from "../src/grading/blocks/python-float.js";
import { stripWhitespace } from "../src/grading/blocks/python-split.js";
import { MISSING, NOT_TEXT, rleText } from "../src/grading/blocks/rle-decode-cells.js";
import { cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { excerpt } from "../src/grading/input-excerpt.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { compareCodePoints } from "../src/grading/metrics/classification-targets.js";
import { lyftAveragePrecision } from "../src/grading/metrics/lyft-average-precision.js";
import { boxIou3d, type GroundBox, groundBox } from "../src/grading/metrics/rotated-box-iou.js";
import { pairwiseMean } from "../src/grading/metrics/summation.js";
import { columnOf, rowLabel } from "../src/grading/submission-checks.js";

const ID = "Id";
const TARGET = "PredictionString";
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const FIELDS = ["confidence", "center_x", "center_y", "center_z", "width", "length", "height", "yaw"];

interface Detection {
  readonly score: number;
  /** cx cy cz width length height yaw */
  readonly v: Float64Array;
  readonly name: string;
}

function parseObjects(frame: Frame, row: number, fail: (why: string) => never): Detection[] {
  const column = columnOf(frame, TARGET);
  const text = rleText(column, row);
  if (text === MISSING) return [];
  if (text === NOT_TEXT) return fail(`is ${cellDisplay(column, row)}, which was not read as text`);
  if (stripWhitespace(text) === "") return [];
  const tokens = text.split(" ");
  if (tokens.length % 9 !== 0) {
    fail(
      `has ${tokens.length} space-separated tokens, not a multiple of 9 ("confidence center_x center_y center_z width length height yaw class" per object, single spaces only)`,
    );
  }
  const out: Detection[] = [];
  for (let i = 0; i < tokens.length; i += 9) {
    const v = new Float64Array(8);
    for (let k = 0; k < 8; k++) {
      const x = pythonFloat(tokens[i + k]!);
      if (x === undefined)
        fail(`object ${i / 9 + 1}: ${FIELDS[k]} ${excerpt(tokens[i + k]!)} is not a number`);
      v[k] = x!;
    }
    if (!Number.isFinite(v[7]!) && !Number.isNaN(v[7]!))
      fail(
        `object ${i / 9 + 1}: yaw is ${v[7]}; the reference's quaternion (math.cos) fails on an infinite angle`,
      );
    out.push({ score: v[0]!, v: v.subarray(1), name: tokens[i + 8]! });
  }
  return out;
}

function toGround(d: Detection, fail: (why: string) => never, k: number): GroundBox {
  const [cx, cy, cz, width, length, height, yaw] = d.v;
  if ([cx, cy, cz, width, length, height, yaw].some((x) => Number.isNaN(x)))
    fail(`object ${k + 1} (${d.name}) has a NaN coordinate, size or yaw`);
  if (!(width! > 0 && length! > 0 && height! > 0))
    fail(`object ${k + 1} (${d.name}) has a size that is not positive`);
  const box = groundBox({
    cx: cx!,
    cy: cy!,
    cz: cz!,
    width: width!,
    length: length!,
    height: height!,
    yaw: yaw!,
  });
  if (box === undefined)
    fail(`object ${k + 1} (${d.name}) is too large for the reference's corner check to pass`);
  return box!;
}

/** The 10 per-threshold mAPs of one sample. */
function sampleMaps(
  truth: Detection[],
  preds: Detection[],
  failPred: (k: number) => (why: string) => never,
): number[] {
  const classes = [...new Set(truth.map((d) => d.name))].sort(compareCodePoints);
  const perClass = classes.map((name) => {
    const gts = truth.filter((d) => d.name === name);
    const mine = preds
      .map((d, k) => ({ d, k }))
      .filter(({ d }) => d.name === name)
      .sort((a, b) => (b.d.score > a.d.score ? 1 : b.d.score < a.d.score ? -1 : 0) || a.k - b.k);
    if (mine.length === 0) return THRESHOLDS.map(() => 0);
    const gtBoxes = gts.map((d, k) =>
      toGround(
        d,
        (why) => {
          throw new Error(`answers: ${why}`);
        },
        k,
      ),
    );
    const ious = mine.map(({ d, k }) => {
      const box = toGround(d, failPred(k), k);
      return Float64Array.from(gtBoxes, (g) => boxIou3d(box, g));
    });
    return THRESHOLDS.map((t) => lyftAveragePrecision(ious, gts.length, t));
  });
  return THRESHOLDS.map((_, t) => pairwiseMean(perClass.map((aps) => aps[t]!)));
}

export const grader: Grader = {
  id: "3d-object-detection-for-autonomous-vehicles",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    const rowOf = alignAfterCountAndColumns(submission, answers, ID, TARGET);
    const subFail =
      (row: number) =>
      (why: string): never => {
        throw new InvalidSubmission(
          `${submission.source}: column "${TARGET}", ${rowLabel(submission, row)}: ${why}.`,
        );
      };
    const preds = Array.from({ length: submission.rowCount }, (_, s) =>
      parseObjects(submission, s, subFail(s)),
    );
    const ids = columnOf(answers, ID);
    const order = Array.from({ length: answers.rowCount }, (_, r) => r).sort((a, b) =>
      compareCodePoints(String(cellKey(ids, a)), String(cellKey(ids, b))),
    );
    const maps: number[] = [];
    for (const r of order) {
      const truth = parseObjects(answers, r, (why) => {
        throw new Error(`${answers.source}: ${rowLabel(answers, r)}: ${why}`);
      });
      const s = rowOf[r]!;
      maps.push(...sampleMaps(truth, preds[s]!, () => subFail(s)));
    }
    return { score: pairwiseMean(maps), notes: [] };
  },
};
