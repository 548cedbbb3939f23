// The IceCube mean angular error (the competition host's angular_dist_score): the angle between two
// directions given as (azimuth, zenith) in radians, through the scalar product of their unit vectors,
// evaluated in the host's order so that the rounding is numpy's. The product is clipped to [-1, 1]
// before arccos against sine/cosine round-off.

import { pairwiseMean } from "./summation.js";

/** The angle in radians between directions (azTrue, zenTrue) and (azPred, zenPred). */
export function angularDistance(azTrue: number, zenTrue: number, azPred: number, zenPred: number): number {
  const sa1 = Math.sin(azTrue);
  const ca1 = Math.cos(azTrue);
  const sz1 = Math.sin(zenTrue);
  const cz1 = Math.cos(zenTrue);
  const sa2 = Math.sin(azPred);
  const ca2 = Math.cos(azPred);
  const sz2 = Math.sin(zenPred);
  const cz2 = Math.cos(zenPred);
  const product = sz1 * sz2 * (ca1 * ca2 + sa1 * sa2) + cz1 * cz2;
  return Math.abs(Math.acos(Math.min(1, Math.max(-1, product))));
}

/** The mean angular distance over paired arrays (numpy's pairwise mean). */
export function meanAngularError(
  azTrue: ArrayLike<number>,
  zenTrue: ArrayLike<number>,
  azPred: ArrayLike<number>,
  zenPred: ArrayLike<number>,
): number {
  const n = azTrue.length;
  const angles = new Float64Array(n);
  for (let i = 0; i < n; i++) angles[i] = angularDistance(azTrue[i]!, zenTrue[i]!, azPred[i]!, zenPred[i]!);
  return pairwiseMean(angles);
}
