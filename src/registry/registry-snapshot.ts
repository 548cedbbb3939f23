// bench's registry, parsed ahead of time: competitions.snapshot.json (beside the competitions folder, not
// in it: everything in that folder is a competition) holds every manifest as
// its schema parsed it, under the SHA-256 of the competition.yaml it came from. Reading a manifest
// (manifest-file.ts) still reads the file, and takes the snapshot's copy only when the file's hash
// matches: an edited, added or removed manifest is read from its YAML as before, so the snapshot can be
// stale and never wrong. It saves parsing 92 YAML files in every command that lists the registry
// (about 150 ms of a 1.2 s `bench report` on a cold process). `npm run registry:snapshot` writes it;
// a test fails while the committed one is not what the manifests parse to.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompetitionManifest } from "../config/competition-schema.js";

/** The snapshot of the competitions folder `root`: `<root>.snapshot.json` beside it. */
export function snapshotPath(root: string): string {
  const resolved = path.resolve(root);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.snapshot.json`);
}
/** Bumped with the snapshot's shape; a snapshot of another version is not read. */
export const SNAPSHOT_VERSION = 1;

export interface SnapshotEntry {
  /** SHA-256 (hex) of the competition.yaml the manifest was parsed from. */
  sha256: string;
  manifest: CompetitionManifest;
}

export function manifestHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The snapshots read so far, by competitions folder: each is read once per process. */
const loaded = new Map<string, ReadonlyMap<string, SnapshotEntry>>();

/** The snapshot of the competitions folder `root`; empty when it has none or it cannot be read. */
export function registrySnapshot(root: string): ReadonlyMap<string, SnapshotEntry> {
  let snapshot = loaded.get(root);
  if (snapshot === undefined) {
    snapshot = readSnapshot(root);
    loaded.set(root, snapshot);
  }
  return snapshot;
}

function readSnapshot(root: string): ReadonlyMap<string, SnapshotEntry> {
  try {
    const data = JSON.parse(readFileSync(snapshotPath(root), "utf8")) as {
      version?: unknown;
      manifests?: Record<string, SnapshotEntry>;
    };
    if (data.version !== SNAPSHOT_VERSION || typeof data.manifests !== "object" || data.manifests === null)
      return new Map();
    return new Map(Object.entries(data.manifests));
  } catch {
    // No snapshot (a registry of the user's own), or a damaged one: every manifest is parsed.
    return new Map();
  }
}

/**
 * The snapshot's manifest for the competition.yaml at `file` whose text is `text`, when the snapshot
 * of its folder has one for exactly that text; undefined otherwise.
 */
export function snapshotManifest(file: string, text: string): CompetitionManifest | undefined {
  const dir = path.dirname(path.resolve(file));
  const entry = registrySnapshot(path.dirname(dir)).get(path.basename(dir));
  if (entry === undefined || entry.sha256 !== manifestHash(text)) return undefined;
  // A copy: callers may not change the manifest every later reader gets.
  return structuredClone(entry.manifest);
}

/** The snapshot's text for these manifests (id order), as written to the snapshot file. */
export function snapshotText(entries: ReadonlyMap<string, SnapshotEntry>): string {
  const manifests = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: SNAPSHOT_VERSION, manifests }, null, 1)}\n`;
}

export function writeSnapshot(root: string, entries: ReadonlyMap<string, SnapshotEntry>): void {
  writeFileSync(snapshotPath(root), snapshotText(entries));
  loaded.delete(root);
}
