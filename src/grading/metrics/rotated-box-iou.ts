// 3D IoU of boxes whose base is parallel to the ground (Lyft's mAP_evaluation.py Box3D): the base is a
// rectangle rotated by yaw about the z axis, built from pyquaternion's rotation matrix of the quaternion
// (cos(yaw/2), 0, 0, sin(yaw/2)); intersection volume = the exact area of the two rectangles' overlap
// (convex polygon clipping here, GEOS/shapely there) times the overlap of their height ranges; IoU =
// inter / (vol1 + vol2 - inter), clipped to [0, 1]. Box3D asserts that the corners it built are
// orthogonal (numpy.isclose(dot, 0), absolute tolerance 1e-8): huge boxes can fail it through rounding.

import { pyMax, pyMin } from "./first-argument-min-max.js";

export interface Box3D {
  readonly cx: number;
  readonly cy: number;
  readonly cz: number;
  readonly width: number;
  readonly length: number;
  readonly height: number;
  readonly yaw: number;
}

export interface GroundBox {
  /** Corners P0..P3, counter-clockwise: x0, y0, x1, y1, ... */
  readonly corners: Float64Array;
  readonly minZ: number;
  readonly maxZ: number;
  readonly volume: number;
}

/** pyquaternion: Quaternion(axis=[0, 0, 1], radians=yaw), then rotation_matrix entries [0,0] and [1,0]. */
export function yawCosSin(yaw: number): [number, number] {
  let w = Math.cos(yaw / 2);
  let z = Math.sin(yaw / 2);
  const squares = w * w + z * z;
  if (!(Math.abs(1 - squares) < 1e-14)) {
    const norm = Math.sqrt(squares);
    if (norm > 0) {
      w /= norm;
      z /= norm;
    }
  }
  return [w * w - z * z, z * w + w * z];
}

const orthogonal = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.abs((bx - ax) * (cx - ax) + (by - ay) * (cy - ay)) <= 1e-8;

/** The box's base and height range, or undefined where Box3D's orthogonality assertion fails. */
export function groundBox(b: Box3D): GroundBox | undefined {
  const [c, s] = yawCosSin(b.yaw);
  const l2 = b.length / 2;
  const w2 = b.width / 2;
  const x0 = b.cx + l2 * c + w2 * s;
  const y0 = b.cy + l2 * s - w2 * c;
  const x1 = b.cx + l2 * c - w2 * s;
  const y1 = b.cy + l2 * s + w2 * c;
  const x2 = b.cx - l2 * c - w2 * s;
  const y2 = b.cy - l2 * s + w2 * c;
  const x3 = b.cx - l2 * c + w2 * s;
  const y3 = b.cy - l2 * s - w2 * c;
  if (
    !orthogonal(x0, y0, x1, y1, x3, y3) ||
    !orthogonal(x1, y1, x0, y0, x2, y2) ||
    !orthogonal(x2, y2, x1, y1, x3, y3) ||
    !orthogonal(x3, y3, x0, y0, x2, y2)
  ) {
    return undefined;
  }
  return {
    corners: Float64Array.of(x0, y0, x1, y1, x2, y2, x3, y3),
    minZ: b.cz - b.height / 2,
    maxZ: b.cz + b.height / 2,
    volume: b.width * b.length * b.height,
  };
}

function signedArea(p: Float64Array | number[]): number {
  let twice = 0;
  const n = p.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    twice += p[2 * i]! * p[2 * j + 1]! - p[2 * j]! * p[2 * i + 1]!;
  }
  return twice / 2;
}

/** Area of the intersection of two convex polygons (Sutherland–Hodgman clipping of `a` by `b`). */
export function convexIntersectionArea(a: Float64Array, b: Float64Array): number {
  // Clip against b's edges in counter-clockwise order (flip b if it is clockwise).
  const ccw = signedArea(b) >= 0;
  let poly: number[] = Array.from(a);
  const m = b.length / 2;
  for (let e = 0; e < m && poly.length > 0; e++) {
    const i = ccw ? e : m - 1 - e;
    const j = ccw ? (e + 1) % m : (m - 2 - e + m) % m;
    const ax = b[2 * i]!;
    const ay = b[2 * i + 1]!;
    const ex = b[2 * j]! - ax;
    const ey = b[2 * j + 1]! - ay;
    const side = (x: number, y: number) => ex * (y - ay) - ey * (x - ax);
    const out: number[] = [];
    const n = poly.length / 2;
    for (let k = 0; k < n; k++) {
      const px = poly[2 * k]!;
      const py = poly[2 * k + 1]!;
      const qx = poly[2 * ((k + 1) % n)]!;
      const qy = poly[2 * ((k + 1) % n) + 1]!;
      const sp = side(px, py);
      const sq = side(qx, qy);
      if (sp >= 0) out.push(px, py);
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        out.push(px + t * (qx - px), py + t * (qy - py));
      }
    }
    poly = out;
  }
  return poly.length < 6 ? 0 : Math.abs(signedArea(poly));
}

/** Box3D.get_iou: clipped to [0, 1]; NaN stays NaN (numpy.clip). */
export function boxIou3d(pred: GroundBox, gt: GroundBox): number {
  const heightOverlap = pyMax(0, pyMin(gt.maxZ, pred.maxZ) - pyMax(gt.minZ, pred.minZ));
  const inter = heightOverlap * convexIntersectionArea(pred.corners, gt.corners);
  const iou = inter / (pred.volume + gt.volume - inter);
  return Number.isNaN(iou) ? iou : Math.min(1, Math.max(0, iou));
}
