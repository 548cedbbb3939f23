// The registry's snapshot (registry-snapshot.ts): the committed one is what the manifests parse to; a
// manifest is taken from it only while its file is the one the snapshot was made from; a missing or
// damaged snapshot only means every manifest is parsed.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listCompetitions, MANIFEST_FILE } from "./competition-registry.js";
import { freshSnapshot } from "./fresh-snapshot.js";
import { defaultCompetitionsRoot } from "./package-root.js";
import { manifestHash, snapshotPath, snapshotText, writeSnapshot } from "./registry-snapshot.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A competitions folder with copies of two of bench's competitions. */
function smallRegistry(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "bench-registry-snapshot-"));
  made.push(parent);
  const root = path.join(parent, "competitions");
  for (const id of ["spaceship-titanic", "aerial-cactus-identification"])
    cpSync(path.join(defaultCompetitionsRoot(), id), path.join(root, id), { recursive: true });
  return root;
}

describe("the registry's snapshot", () => {
  it("is committed as what every manifest parses to (npm run registry:snapshot writes it)", async () => {
    const root = defaultCompetitionsRoot();
    const committed = readFileSync(snapshotPath(root), "utf8");
    expect(committed === snapshotText(await freshSnapshot(root)), "run npm run registry:snapshot").toBe(true);
  });

  it("gives a manifest only for the very file it was made from; an edited one is read from its YAML", async () => {
    const root = smallRegistry();
    const entries = await freshSnapshot(root);
    // Marked, to tell where each manifest came from.
    for (const entry of entries.values()) entry.manifest.name = `${entry.manifest.name} (snapshot)`;
    writeSnapshot(root, entries);
    const edited = path.join(root, "spaceship-titanic", MANIFEST_FILE);
    const text = readFileSync(edited, "utf8");
    writeFileSync(edited, text.replace(/^name: .*$/m, "name: Edited by hand"));
    expect(manifestHash(readFileSync(edited, "utf8"))).not.toBe(entries.get("spaceship-titanic")!.sha256);
    const byId = new Map((await listCompetitions({ root })).map((c) => [c.id, c.manifest.name]));
    expect(byId.get("spaceship-titanic")).toBe("Edited by hand");
    expect(byId.get("aerial-cactus-identification")).toMatch(/ \(snapshot\)$/);
    // Each reader gets its own copy.
    const [first] = await listCompetitions({ root });
    first!.manifest.name = "changed by a caller";
    expect((await listCompetitions({ root })).map((c) => c.manifest.name)).not.toContain(
      "changed by a caller",
    );
  });

  it("is not needed: without one, or with a damaged one, every manifest is parsed", async () => {
    const root = smallRegistry();
    const parsed = (await listCompetitions({ root })).map((c) => c.manifest);
    writeFileSync(snapshotPath(root), "{ not json");
    const other = path.join(mkdtempSync(path.join(tmpdir(), "bench-registry-snapshot-")), "competitions");
    made.push(path.dirname(other));
    cpSync(root, other, { recursive: true });
    writeFileSync(snapshotPath(other), "{ not json");
    expect((await listCompetitions({ root: other })).map((c) => c.manifest)).toEqual(parsed);
  });
});
