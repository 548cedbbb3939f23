import { describe, expect, it } from "vitest";
import { type CocoBox, type CocoDetection, cocoIou, cocoMeanAveragePrecision } from "./coco-bbox-ap.js";

describe("cocoIou (maskUtils bbIou)", () => {
  it("reads boxes as [x, y, w, h]", () => {
    expect(cocoIou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 15);
    expect(cocoIou([0, 0, 1, 1], [2, 2, 1, 1])).toBe(0);
  });
});

describe("cocoMeanAveragePrecision (COCOeval bbox, stats[0])", () => {
  const gt = (id: number, image: number, bbox: [number, number, number, number]): CocoBox => ({
    id,
    image,
    category: 1,
    bbox,
    area: bbox[2] * bbox[3],
  });
  const dt = (
    id: number,
    image: number,
    score: number,
    bbox: [number, number, number, number],
  ): CocoDetection => ({
    ...gt(id, image, bbox),
    score,
  });

  it("gives 1 for perfect detections when no match uses id 0", () => {
    const truths = [gt(1, 0, [0, 0, 10, 10]), gt(2, 1, [5, 5, 10, 10])];
    const dets = [dt(1, 0, 0.9, [0, 0, 10, 10]), dt(2, 1, 0.8, [5, 5, 10, 10])];
    expect(cocoMeanAveragePrecision(truths, dets, [1], 2, 0.4)).toBe(1);
  });

  it("never counts a match with truth id 0 (pycocotools' id-0 quirk)", () => {
    const truths = [gt(0, 0, [0, 0, 10, 10]), gt(1, 1, [5, 5, 10, 10])];
    const dets = [dt(1, 0, 0.9, [0, 0, 10, 10]), dt(2, 1, 0.8, [5, 5, 10, 10])];
    // ranked: FP (matched id 0) then TP: recall reaches 0.5 at precision 0.5, never 1
    const q: number[] = Array.from({ length: 101 }, (_, j) => (j <= 50 ? 0.5 : 0));
    expect(cocoMeanAveragePrecision(truths, dets, [1], 2, 0.4)).toBeCloseTo(
      q.reduce((a, b) => a + b) / 101,
      15,
    );
  });

  it("returns -1 when no category has a truth", () => {
    expect(cocoMeanAveragePrecision([], [dt(1, 0, 0.5, [0, 0, 1, 1])], [1], 1, 0.4)).toBe(-1);
  });
});
