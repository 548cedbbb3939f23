// Counts in prose: "1 run", "2 runs", "1 competition is". One place, so no message says "1 runs".

/** `count` and the noun, singular for exactly one: countText(1, "run") = "1 run". */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
