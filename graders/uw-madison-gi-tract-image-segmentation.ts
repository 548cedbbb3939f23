// uw-madison-gi-tract-image-segmentation: 0.4 · mean 2D Dice + 0.6 · (1 − mean 3D Hausdorff), both
// skipping the pairs where both masks are empty (nanmean). Reference rules kept: id, class and predicted
// are required (class is never read); a blank predicted cell is an empty mask; submission row i is decoded
// on the answers' row-i image size and paired with answers row i BY POSITION for Dice; for Hausdorff each
// file's masks are grouped by its own ids into one volume per case-day (masks of one slice ORed, slices in
// sorted-id order; different shapes inside a slice or a case-day are an error) and the volumes are paired
// by position. Where that pairing is not by id (rows reordered, missing, repeated, or a class swapped), the
// reference still gives a number: bench rejects such a file and reports that number. A file whose masks
// are all empty on empty answers would give NaN in both.

import { cellKey } from "../src/grading/blocks/cell-key.js";
import { intersectionArea, type RunMask, unionMask } from "../src/grading/blocks/rle-decode.js";
import { decodeAnswerRle, decodeSubmissionRle } from "../src/grading/blocks/rle-decode-cells.js";
import { type Column, cellDisplay } from "../src/grading/csv/column.js";
import type { Frame } from "../src/grading/csv/frame.js";
import type { Grader } from "../src/grading/grader.js";
import { type GradeOutcome, InvalidSubmission } from "../src/grading/invalid-submission.js";
import { compareCodePoints } from "../src/grading/metrics/classification-targets.js";
import { hausdorffDistance, type VoxelVolume } from "../src/grading/metrics/hausdorff.js";
import { roundHalfEven } from "../src/grading/metrics/round-score.js";
import { pairwiseSum } from "../src/grading/metrics/summation.js";
import { columnOf, numericValues, requireColumns, rowLabel } from "../src/grading/submission-checks.js";

interface Slice {
  readonly mask: RunMask;
  readonly height: number;
  readonly width: number;
}

/** numpy.nanmean: the sum with NaN counted as 0, over the count of non-NaN values (NaN when none). */
function nanMean(values: readonly number[]): number {
  const filled = Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v));
  const count = values.filter((v) => !Number.isNaN(v)).length;
  return count === 0 ? Number.NaN : pairwiseSum(filled) / count;
}

/** The reference's group_masks_by_day: one volume per case-day, in sorted-id order. */
function volumesByDay(frame: Frame, ids: Column, slices: readonly Slice[]): VoxelVolume[] {
  const texts: string[] = [];
  for (let i = 0; i < slices.length; i++) {
    const id = ids.kind === "object" ? ids.values[i] : null;
    if (typeof id !== "string") {
      throw new InvalidSubmission(
        `${frame.source}: column "id", ${rowLabel(frame, i)} is ${cellDisplay(ids, i)}; every id must be text such as "case123_day20_slice_0001".`,
      );
    }
    texts.push(id);
  }
  const order = Array.from(slices.keys()).sort((a, b) => compareCodePoints(texts[a]!, texts[b]!) || a - b);
  const days = new Map<string, { masks: RunMask[]; height: number; width: number; rows: number[] }>();
  for (let k = 0; k < order.length; ) {
    const id = texts[order[k]!]!;
    const group: number[] = [];
    while (k < order.length && texts[order[k]!] === id) group.push(order[k++]!);
    const { height, width } = slices[group[0]!]!;
    const odd = group.find((i) => slices[i]!.height !== height || slices[i]!.width !== width);
    if (odd !== undefined) {
      throw new InvalidSubmission(
        `${frame.source}: the masks of slice ${JSON.stringify(id)} (${group.map((i) => rowLabel(frame, i)).join(", ")}) fall on rows whose answers images differ in size (${height}×${width} and ${slices[odd]!.height}×${slices[odd]!.width}), so the reference cannot combine them; keep the sample submission's rows in its order.`,
      );
    }
    const day = id.split("_slice_")[0]!;
    const entry = days.get(day) ?? { masks: [], height, width, rows: [] };
    if (entry.height !== height || entry.width !== width) {
      throw new InvalidSubmission(
        `${frame.source}: the slices of ${JSON.stringify(day)} fall on rows whose answers images differ in size (${entry.height}×${entry.width} and ${height}×${width}, ${rowLabel(frame, group[0]!)}), so the reference cannot stack them; keep the sample submission's rows in its order.`,
      );
    }
    entry.masks.push(unionMask(group.map((i) => slices[i]!.mask)));
    entry.rows.push(group[0]!);
    days.set(day, entry);
  }
  return [...days.values()].map((d) => ({
    depth: d.masks.length,
    height: d.height,
    width: d.width,
    slices: d.masks,
  }));
}

/** What the reference computes: rows paired by position, volumes by position. */
function referenceScore(submission: Frame, answers: Frame): number {
  const n = Math.min(submission.rowCount, answers.rowCount);
  const heights = numericValues(answers, "image_height");
  const widths = numericValues(answers, "image_width");
  const subSlices: Slice[] = [];
  const ansSlices: Slice[] = [];
  const dice: number[] = [];
  const answerIds = columnOf(answers, "id");
  for (let i = 0; i < n; i++) {
    const height = Math.trunc(heights[i]!);
    const width = Math.trunc(widths[i]!);
    const pixels = height * width;
    const pred = decodeSubmissionRle(
      submission,
      "predicted",
      i,
      pixels,
      { missing: "empty" },
      cellDisplay(answerIds, i),
    );
    const truth = decodeAnswerRle(answers, "predicted", i, pixels, { missing: "empty" });
    subSlices.push({ mask: pred, height, width });
    ansSlices.push({ mask: truth, height, width });
    const total = pred.area + truth.area;
    dice.push(total === 0 ? Number.NaN : (2 * intersectionArea(pred, truth)) / total);
  }
  const predVolumes = volumesByDay(submission, columnOf(submission, "id"), subSlices);
  const truthVolumes = volumesByDay(answers, answerIds, ansSlices);
  const distances: number[] = [];
  for (let k = 0; k < Math.min(predVolumes.length, truthVolumes.length); k++)
    distances.push(hausdorffDistance(predVolumes[k]!, truthVolumes[k]!));
  return 0.4 * nanMean(dice) + 0.6 * (1 - nanMean(distances));
}

/** The first row where the submission's (id, class) differs from the answers' at the same position. */
function firstMisaligned(submission: Frame, answers: Frame): number | undefined {
  const n = Math.max(submission.rowCount, answers.rowCount);
  for (const name of ["id", "class"]) {
    const s = columnOf(submission, name);
    const a = columnOf(answers, name);
    for (let r = 0; r < n; r++) {
      if (r >= submission.rowCount || r >= answers.rowCount) return r;
      if (cellKey(s, r) !== cellKey(a, r) || cellKey(s, r) === null) return r;
    }
  }
  return undefined;
}

export const grader: Grader = {
  id: "uw-madison-gi-tract-image-segmentation",
  version: 1,
  grade(submission: Frame, answers: Frame): GradeOutcome {
    requireColumns(submission, ["id", "class", "predicted"]);
    const score = referenceScore(submission, answers);
    const row = firstMisaligned(submission, answers);
    if (row !== undefined) {
      const what =
        row >= submission.rowCount
          ? `has ${submission.rowCount} rows, the answers ${answers.rowCount}`
          : row >= answers.rowCount
            ? `has ${submission.rowCount} rows, more than the answers' ${answers.rowCount}`
            : `${rowLabel(submission, row)} is (${cellDisplay(columnOf(submission, "id"), row)}, ${cellDisplay(columnOf(submission, "class"), row)}) where the answers' row ${row + 1} is (${cellDisplay(columnOf(answers, "id"), row)}, ${cellDisplay(columnOf(answers, "class"), row)})`;
      throw new InvalidSubmission(
        `${submission.source}: ${what}; rows are matched by position, so give one row per (id, class) of the sample submission, in its order.`,
        {
          referenceNote: `The reference pairs rows by position without reading id or class for Dice, and would report ${roundHalfEven(score, 5)}.`,
        },
      );
    }
    return { score, notes: [] };
  },
};
