// Short run ids for people. A sweep's run id (`nightly:copy-sample-1a2b3c4d:spaceship-titanic:3`) is
// long and its runs share most of it, so a prefix of the id does not tell them apart. The short id is
// instead the start of the sha256 of the full id, in hex, as git shortens commit hashes: stable (the
// same run has the same short id on every machine and in every version of bench), and made just long
// enough that no two runs of the store share it.

import { createHash } from "node:crypto";

/** Shortest short id shown; longer only where the store holds two runs whose hashes start alike. */
export const MIN_SHORT_ID_LENGTH = 8;

/** The full hash a short id is a prefix of: sha256 of the run id, lower-case hex. */
export function runIdHash(runId: string): string {
  return createHash("sha256").update(runId).digest("hex");
}

/**
 * The short-id length for a store with these run hashes: at least MIN_SHORT_ID_LENGTH, and one past
 * the longest prefix any two of them share, so every run's short id is unique.
 */
export function shortIdLength(hashes: readonly string[]): number {
  const sorted = [...hashes].sort();
  let shared = 0;
  for (let i = 1; i < sorted.length; i++) {
    // Sorted: the hash sharing the longest prefix with another is next to it.
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    let same = 0;
    while (same < a.length && a[same] === b[same]) same++;
    shared = Math.max(shared, same);
  }
  return Math.max(MIN_SHORT_ID_LENGTH, shared + 1);
}

/** Short ids for a set of run ids: each run's hash cut to the length that keeps them all apart. */
export class ShortRunIds {
  readonly length: number;
  readonly #hashes: Map<string, string>;

  constructor(runIds: Iterable<string>) {
    this.#hashes = new Map();
    for (const id of runIds) this.#hashes.set(id, runIdHash(id));
    this.length = shortIdLength([...this.#hashes.values()]);
  }

  /** The run's short id (for a run outside the set: its hash cut to the same length). */
  of(runId: string): string {
    return (this.#hashes.get(runId) ?? runIdHash(runId)).slice(0, this.length);
  }

  /** Every run id of the set with its full hash. */
  entries(): IterableIterator<[string, string]> {
    return this.#hashes.entries();
  }

  get size(): number {
    return this.#hashes.size;
  }
}
