// pycocotools' COCOeval for iouType 'bbox' at one IoU threshold, reduced to what stats[0] reports (area
// 'all' = [0, 1e10], maxDets 100): per (image, category) detections by score (descending, stable) and
// cut to 100; greedy matching in that order, each detection taking the LAST best truth with IoU >= the
// threshold among the available ones (a truth stays available while its recorded match id is 0); truths
// with an area outside the range are "ignored" and sorted last; an unmatched detection with an area
// outside the range is ignored. Then per category the detections of all images by score (stable), cumulative
// true and false positives, precision made non-increasing, sampled at the 101 recall thresholds (first
// index whose recall reaches each, 0 beyond the last), and the mean over every sample of every category
// that has a non-ignored truth (-1 when none has).
//
// Boxes are given as pycocotools reads them, [x, y, w, h]; callers pass whatever their reference stores
// there (VinBigData stores corners and so inflates every box). Match ids are the callers' annotation ids:
// pycocotools treats a recorded id of 0 as "no match", a quirk kept here.

import { cMax, cMin } from "./first-argument-min-max.js";
import { pairwiseSum } from "./summation.js";

export interface CocoBox {
  readonly image: number;
  readonly category: number;
  /** [x, y, w, h] as pycocotools reads bbox. */
  readonly bbox: readonly [number, number, number, number];
  /** The 'area' field, used only for the area range. */
  readonly area: number;
  readonly id: number;
}

export interface CocoDetection extends CocoBox {
  readonly score: number;
}

const AREA_MIN = 0;
const AREA_MAX = 1e10;
const MAX_DETS = 100;
const EPS = 2.220446049250313e-16;
/** numpy.linspace(0, 1, 101): j * 0.01, the last exactly 1. */
const RECALL_THRESHOLDS = Array.from({ length: 101 }, (_, j) => (j === 100 ? 1 : j * 0.01));

/** maskUtils.iou (bbIou) for two [x, y, w, h] boxes, no crowd; NaN coordinates give NaN as in C. */
export function cocoIou(d: readonly number[], g: readonly number[]): number {
  const w = cMin(d[0]! + d[2]!, g[0]! + g[2]!) - cMax(d[0]!, g[0]!);
  if (w <= 0) return 0;
  const h = cMin(d[1]! + d[3]!, g[1]! + g[3]!) - cMax(d[1]!, g[1]!);
  if (h <= 0) return 0;
  const i = w * h;
  return i / (d[2]! * d[3]! + g[2]! * g[3]! - i);
}

/** numpy.argsort(-scores, kind='mergesort'): descending, stable, NaN last. */
function byScore<T extends { score: number }>(items: readonly T[]): T[] {
  const key = (x: T) => (Number.isNaN(x.score) ? Number.POSITIVE_INFINITY : -x.score);
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const ka = key(a.item);
      const kb = key(b.item);
      return ka < kb ? -1 : ka > kb ? 1 : a.i - b.i;
    })
    .map(({ item }) => item);
}

const outsideArea = (area: number) => area < AREA_MIN || area > AREA_MAX;

interface ImageResult {
  readonly scores: number[];
  readonly matched: boolean[];
  readonly ignored: boolean[];
  readonly truthIgnored: boolean[];
}

/** evaluateImg for one (image, category) at one threshold. */
function evaluateImage(
  truths: readonly CocoBox[],
  detections: readonly CocoDetection[],
  threshold: number,
): ImageResult {
  const flagged = truths.map((g) => ({ g, ignore: outsideArea(g.area) }));
  const gt = [...flagged.filter((x) => !x.ignore), ...flagged.filter((x) => x.ignore)];
  const dt = byScore(detections).slice(0, MAX_DETS);
  const gtMatch = new Float64Array(gt.length);
  const dtMatch = new Float64Array(dt.length);
  const dtIgnore: boolean[] = dt.map(() => false);
  const limit = Math.min(threshold, 1 - 1e-10);
  dt.forEach((d, di) => {
    let iou = limit;
    let m = -1;
    for (let gi = 0; gi < gt.length; gi++) {
      if (gtMatch[gi]! > 0) continue;
      if (m > -1 && !gt[m]!.ignore && gt[gi]!.ignore) break;
      const o = cocoIou(d.bbox, gt[gi]!.g.bbox);
      if (o < iou) continue;
      iou = o;
      m = gi;
    }
    if (m === -1) return;
    dtIgnore[di] = gt[m]!.ignore;
    dtMatch[di] = gt[m]!.g.id;
    gtMatch[m] = d.id;
  });
  return {
    scores: dt.map((d) => d.score),
    matched: Array.from(dtMatch, (x) => x !== 0),
    ignored: dt.map((d, di) => dtIgnore[di]! || (dtMatch[di] === 0 && outsideArea(d.area))),
    truthIgnored: gt.map((x) => x.ignore),
  };
}

/** The 101 interpolated precisions of one category, or undefined when it has no non-ignored truth. */
function categoryPrecisions(results: readonly ImageResult[]): number[] | undefined {
  const truthCount = results.reduce((n, r) => n + r.truthIgnored.filter((x) => !x).length, 0);
  if (truthCount === 0) return undefined;
  const all = results.flatMap((r) =>
    r.scores.map((score, i) => ({ score, matched: r.matched[i]!, ignored: r.ignored[i]! })),
  );
  const sorted = byScore(all);
  const recall: number[] = [];
  const precision: number[] = [];
  let tp = 0;
  let fp = 0;
  for (const d of sorted) {
    if (!d.ignored) {
      if (d.matched) tp++;
      else fp++;
    }
    recall.push(tp / truthCount);
    precision.push(tp / (fp + tp + EPS));
  }
  for (let i = precision.length - 1; i > 0; i--)
    if (precision[i]! > precision[i - 1]!) precision[i - 1] = precision[i]!;
  const q = new Array<number>(RECALL_THRESHOLDS.length).fill(0);
  let k = 0;
  for (let j = 0; j < RECALL_THRESHOLDS.length; j++) {
    while (k < recall.length && recall[k]! < RECALL_THRESHOLDS[j]!) k++;
    if (k >= recall.length) break;
    q[j] = precision[k]!;
  }
  return q;
}

/** COCOeval(...).stats[0] with iouThrs = [threshold]; `categories` sorted ascending. */
export function cocoMeanAveragePrecision(
  truths: readonly CocoBox[],
  detections: readonly CocoDetection[],
  categories: readonly number[],
  imageCount: number,
  threshold: number,
): number {
  const key = (image: number, category: number) => image * categories.length + categories.indexOf(category);
  const gts = new Map<number, CocoBox[]>();
  const dts = new Map<number, CocoDetection[]>();
  const known = new Set(categories);
  for (const g of truths) {
    const k = key(g.image, g.category);
    const list = gts.get(k);
    if (list === undefined) gts.set(k, [g]);
    else list.push(g);
  }
  for (const d of detections) {
    if (!known.has(d.category)) continue;
    const k = key(d.image, d.category);
    const list = dts.get(k);
    if (list === undefined) dts.set(k, [d]);
    else list.push(d);
  }
  const perCategory: (number[] | undefined)[] = categories.map((category) => {
    const results: ImageResult[] = [];
    for (let image = 0; image < imageCount; image++) {
      const g = gts.get(key(image, category)) ?? [];
      const d = dts.get(key(image, category)) ?? [];
      if (g.length === 0 && d.length === 0) continue;
      results.push(evaluateImage(g, d, threshold));
    }
    return results.length === 0 ? undefined : categoryPrecisions(results);
  });
  // The reference's mean over precision[t, r, k] > -1 in C order: recall threshold outer, category inner.
  const values: number[] = [];
  for (let j = 0; j < RECALL_THRESHOLDS.length; j++)
    for (const q of perCategory) if (q !== undefined) values.push(q[j]!);
  return values.length === 0 ? -1 : pairwiseSum(values) / values.length;
}
