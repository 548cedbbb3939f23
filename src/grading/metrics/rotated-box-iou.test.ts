import { describe, expect, it } from "vitest";
import { boxIou3d, convexIntersectionArea, groundBox, yawCosSin } from "./rotated-box-iou.js";

const box = (cx: number, cy: number, cz: number, width: number, length: number, height: number, yaw = 0) =>
  groundBox({ cx, cy, cz, width, length, height, yaw })!;

describe("3D box IoU (Lyft Box3D)", () => {
  it("builds the rotation from the yaw quaternion", () => {
    const [c, s] = yawCosSin(Math.PI / 2);
    expect(c).toBeCloseTo(0, 15);
    expect(s).toBeCloseTo(1, 15);
  });

  it("scores axis-aligned overlaps exactly", () => {
    // 2x4x2 boxes shifted by 1 along the length: base overlap 2*3, height overlap 2 -> 12 / (16+16-12)
    expect(boxIou3d(box(0, 0, 0, 2, 4, 2), box(1, 0, 0, 2, 4, 2))).toBeCloseTo(12 / 20, 12);
    // half the height overlaps
    expect(boxIou3d(box(0, 0, 0, 2, 2, 2), box(0, 0, 1, 2, 2, 2))).toBeCloseTo(4 / 12, 12);
    expect(boxIou3d(box(0, 0, 0, 1, 1, 1), box(5, 5, 0, 1, 1, 1))).toBe(0);
  });

  it("treats a square turned by 90 degrees as the same box, and by 45 degrees as an octagon overlap", () => {
    expect(boxIou3d(box(0, 0, 0, 2, 2, 1, Math.PI / 2), box(0, 0, 0, 2, 2, 1))).toBeCloseTo(1, 12);
    const octagon = 8 * (Math.SQRT2 - 1); // intersection of two unit-half-side squares at 45 degrees
    expect(boxIou3d(box(0, 0, 0, 2, 2, 1, Math.PI / 4), box(0, 0, 0, 2, 2, 1))).toBeCloseTo(
      octagon / (8 - octagon),
      12,
    );
  });

  it("clips convex polygons whatever their orientation", () => {
    const a = Float64Array.of(0, 0, 2, 0, 2, 2, 0, 2);
    const clockwise = Float64Array.of(1, 1, 1, 3, 3, 3, 3, 1);
    expect(convexIntersectionArea(a, clockwise)).toBeCloseTo(1, 15);
  });

  it("fails the corner check as the reference does on absurdly large boxes", () => {
    expect(
      groundBox({ cx: 1e9, cy: 1e9, cz: 0, width: 1e7, length: 3e7, height: 1, yaw: 0.3 }),
    ).toBeUndefined();
  });
});
