// What `npm run registry:snapshot` (scripts/registry-snapshot.mjs) writes to competitions.snapshot.json:
// every competition.yaml of the registry parsed from its YAML. Run it after changing a manifest or the
// manifest schema; registry-snapshot.test.ts fails until the committed snapshot is current.

import { readFileSync } from "node:fs";
import path from "node:path";
import { listCompetitionIds, MANIFEST_FILE } from "./competition-registry.js";
import { parseManifestText } from "./manifest-file.js";
import { manifestHash, type SnapshotEntry } from "./registry-snapshot.js";

/** Every manifest under `root`, parsed from its YAML, with the hash of its text. */
export async function freshSnapshot(root: string): Promise<Map<string, SnapshotEntry>> {
  const entries = new Map<string, SnapshotEntry>();
  for (const id of await listCompetitionIds({ root })) {
    const file = path.join(root, id, MANIFEST_FILE);
    const text = readFileSync(file, "utf8");
    entries.set(id, {
      sha256: manifestHash(text),
      manifest: parseManifestText(file, text, { expectedId: id }),
    });
  }
  return entries;
}
