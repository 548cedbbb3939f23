// The symmetric Hausdorff distance between two 3D voxel masks as UW-Madison's grader computes it
// (scipy.spatial.distance.directed_hausdorff both ways on voxel coordinates divided by the TRUE volume's
// shape, then divided by sqrt(3)), with its shortcuts: both empty -> NaN, identical arrays -> 0, exactly
// one empty -> 1, more than 10x the true voxel count predicted -> 1.
//
// scipy compares every pair of points (with an early exit); here each direction is an exact Euclidean
// distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas, one pass per in-plane
// axis, with the anisotropic spacings 1/height and 1/width) over the bounding box of both masks, which
// holds every nearest point, and for the slice axis a scan of the box's slices at each voxel of the
// other mask only: linear in the box's voxels plus (mask voxels × slices), instead of quadratic in the
// masks' sizes.

import type { RunMask } from "../blocks/rle-decode.js";

/** A stack of 2D masks, each a run list over a height × width image in column-major pixel order. */
export interface VoxelVolume {
  readonly depth: number;
  readonly height: number;
  readonly width: number;
  readonly slices: readonly RunMask[];
}

const SQRT3 = Math.sqrt(3);

export function voxelCount(v: VoxelVolume): number {
  let n = 0;
  for (const s of v.slices) n += s.area;
  return n;
}

/** numpy.array_equal: same shape and the same set voxels. */
function identical(a: VoxelVolume, b: VoxelVolume): boolean {
  if (a.depth !== b.depth || a.height !== b.height || a.width !== b.width) return false;
  for (let s = 0; s < a.depth; s++) {
    const x = a.slices[s]!.runs;
    const y = b.slices[s]!.runs;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** Calls visit(slice, row, column) for every set voxel. */
function forEachVoxel(v: VoxelVolume, visit: (s: number, r: number, c: number) => void): void {
  v.slices.forEach((mask, s) => {
    const runs = mask.runs;
    for (let i = 0; i < runs.length; i += 2) {
      for (let p = runs[i]!; p < runs[i + 1]!; p++) visit(s, p % v.height, Math.floor(p / v.height));
    }
  });
}

interface Box {
  readonly s0: number;
  readonly r0: number;
  readonly c0: number;
  readonly depth: number;
  readonly rows: number;
  readonly cols: number;
}

function boundingBox(volumes: readonly VoxelVolume[]): Box {
  let s0 = Infinity;
  let r0 = Infinity;
  let c0 = Infinity;
  let s1 = -1;
  let r1 = -1;
  let c1 = -1;
  for (const v of volumes) {
    forEachVoxel(v, (s, r, c) => {
      if (s < s0) s0 = s;
      if (s > s1) s1 = s;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  }
  return { s0, r0, c0, depth: s1 - s0 + 1, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/**
 * One pass of the squared distance transform along a line of `n` values read and written through
 * `data[offset + k * stride]`, grid spacing `h`. Scratch buffers are passed in to avoid allocation.
 */
function transformLine(
  data: Float64Array,
  offset: number,
  stride: number,
  n: number,
  h: number,
  f: Float64Array,
  v: Int32Array,
  z: Float64Array,
): void {
  for (let k = 0; k < n; k++) f[k] = data[offset + k * stride]!;
  let hull = -1;
  for (let q = 0; q < n; q++) {
    if (f[q] === Infinity) continue;
    const xq = q * h;
    while (hull >= 0) {
      const p = v[hull]!;
      const xp = p * h;
      const s = (f[q]! + xq * xq - (f[p]! + xp * xp)) / (2 * (xq - xp));
      if (s <= z[hull]!) hull--;
      else {
        hull++;
        v[hull] = q;
        z[hull] = s;
        break;
      }
    }
    if (hull < 0) {
      hull = 0;
      v[0] = q;
      z[0] = -Infinity;
    }
  }
  if (hull < 0) return; // no finite value on this line: it stays at infinity
  let k = 0;
  for (let q = 0; q < n; q++) {
    const x = q * h;
    while (k < hull && z[k + 1]! < x) k++;
    const p = v[k]!;
    const d = x - p * h;
    data[offset + q * stride] = d * d + f[p]!;
  }
}

/** max over voxels a of `from` of the distance to the nearest voxel of `to` (both non-empty). */
function directed(
  from: VoxelVolume,
  to: VoxelVolume,
  box: Box,
  spacing: readonly [number, number, number],
  grid: Float64Array,
): number {
  const { s0, r0, c0, depth, rows, cols } = box;
  grid.fill(Number.POSITIVE_INFINITY);
  const rowHas = new Uint8Array(depth * rows);
  const sliceHas = new Uint8Array(depth);
  forEachVoxel(to, (s, r, c) => {
    const line = (s - s0) * rows + (r - r0);
    grid[line * cols + (c - c0)] = 0;
    rowHas[line] = 1;
    sliceHas[s - s0] = 1;
  });
  const longest = Math.max(rows, cols);
  const f = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest);
  // In-plane distance transform of each slice that holds voxels of `to` (the others stay infinite).
  for (let s = 0; s < depth; s++) {
    if (!sliceHas[s]) continue;
    for (let r = 0; r < rows; r++)
      if (rowHas[s * rows + r]) transformLine(grid, (s * rows + r) * cols, 1, cols, spacing[2], f, v, z);
    for (let c = 0; c < cols; c++) transformLine(grid, s * rows * cols + c, cols, rows, spacing[1], f, v, z);
  }
  // The slice axis is only needed at the voxels of `from`: the nearest slices first, stopping once the
  // slice gap alone exceeds the best distance found.
  const plane = rows * cols;
  let worst = 0;
  forEachVoxel(from, (s, r, c) => {
    const offset = (r - r0) * cols + (c - c0);
    const here = s - s0;
    let best = Number.POSITIVE_INFINITY;
    for (let step = 0; step < depth; step++) {
      const gap = step * spacing[0];
      const gap2 = gap * gap;
      if (gap2 >= best) break;
      const below = here - step;
      if (below >= 0 && sliceHas[below]) {
        const d = gap2 + grid[below * plane + offset]!;
        if (d < best) best = d;
      }
      const above = here + step;
      if (step > 0 && above < depth && sliceHas[above]) {
        const d = gap2 + grid[above * plane + offset]!;
        if (d < best) best = d;
      }
    }
    if (best > worst) worst = best;
  });
  return Math.sqrt(worst);
}

/** The reference's hausdorff_distance(predicted, true), normalised to [0, 1] by sqrt(3). */
export function hausdorffDistance(pred: VoxelVolume, truth: VoxelVolume): number {
  const p = voxelCount(pred);
  const t = voxelCount(truth);
  if (p === 0 && t === 0) return Number.NaN;
  if (identical(pred, truth)) return 0;
  if (p === 0 || t === 0) return 1;
  if (p > 10 * t) return 1;
  const box = boundingBox([pred, truth]);
  const spacing = [1 / truth.depth, 1 / truth.height, 1 / truth.width] as const;
  const grid = new Float64Array(box.depth * box.rows * box.cols);
  const h = Math.max(directed(truth, pred, box, spacing, grid), directed(pred, truth, box, spacing, grid));
  return h / SQRT3;
}
