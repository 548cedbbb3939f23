#!/usr/bin/env node
// `npm run registry:snapshot`: writes competitions.snapshot.json, every manifest of bench's
// registry parsed from its YAML (src/registry/registry-snapshot.ts says why and how it is used). Run
// it after changing a competition.yaml or the manifest schema; a test fails until the file is current.
// Plain .mjs on the build in dist/, like the other scripts.

import { freshSnapshot } from "../dist/src/registry/fresh-snapshot.js";
import { defaultCompetitionsRoot } from "../dist/src/registry/package-root.js";
import { snapshotPath, writeSnapshot } from "../dist/src/registry/registry-snapshot.js";

const root = defaultCompetitionsRoot();
const entries = await freshSnapshot(root);
writeSnapshot(root, entries);
console.log(`wrote ${snapshotPath(root)}: ${entries.size} manifests`);
