// Great-circle distance in metres (the Google Smartphone Decimeter notebook's haversine_distance, with
// numpy.deg2rad and a 6,371,000 m sphere), and numpy.quantile's default 'linear' method, which the
// competition's score takes at 0.5 and 0.95 of each trip's distances.

const HAVERSINE_RADIUS_M = 6_371_000;
const DEG_TO_RAD = Math.PI / 180;

/** Distance in metres between a predicted and a true point given in degrees (NaN in, NaN out). */
export function haversineMetres(latPred: number, lonPred: number, latTrue: number, lonTrue: number): number {
  const lat1 = latPred * DEG_TO_RAD;
  const lon1 = lonPred * DEG_TO_RAD;
  const lat2 = latTrue * DEG_TO_RAD;
  const lon2 = lonTrue * DEG_TO_RAD;
  const sLat = Math.sin((lat2 - lat1) / 2);
  const sLon = Math.sin((lon2 - lon1) / 2);
  const a = sLat * sLat + Math.cos(lat1) * Math.cos(lat2) * sLon * sLon;
  return 2 * HAVERSINE_RADIUS_M * Math.asin(Math.sqrt(a));
}

/**
 * numpy.quantile(values, q) with method 'linear' (numpy 1.26): sorted values, virtual index q*(n-1),
 * and numpy's _lerp, which interpolates from the upper neighbour when the fraction is >= 0.5. Any NaN
 * gives NaN. `sorted` must be ascending.
 */
export function quantileLinearSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (Number.isNaN(sorted[n - 1]!)) return Number.NaN;
  const index = q * (n - 1);
  const below = Math.floor(index);
  const above = Math.min(below + 1, n - 1);
  const t = index - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** numpy.quantile of unsorted values (copied and sorted; NaN sorts last, as numpy's sort). */
export function quantileLinear(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort(); // typed-array sort is numeric and puts NaN last
  return quantileLinearSorted(sorted, q);
}
