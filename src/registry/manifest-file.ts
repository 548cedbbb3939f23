// Reads one `competition.yaml` from disk: YAML syntax errors and schema errors both become BenchError
// CONFIG_INVALID messages that name the file (and the line, for syntax errors).

import { readFile } from "node:fs/promises";
import { type CompetitionManifest, parseCompetitionManifest } from "../config/competition-schema.js";
import { parseYamlText } from "../config/yaml-text.js";
import { displayPath } from "./package-root.js";
import { snapshotManifest } from "./registry-snapshot.js";

/** @deprecated import it from src/config/yaml-text.ts; kept so existing importers keep working. */
export { parseYamlText };

/**
 * Reads and validates a competition manifest. With `expectedId` (the folder name) the manifest's `id`
 * must match it. Read errors (e.g. ENOENT) propagate unchanged so callers can turn them into their own
 * errors.
 */
export async function readManifestFile(
  file: string,
  options: { expectedId?: string } = {},
): Promise<CompetitionManifest> {
  const text = await readFile(file, "utf8");
  // bench's own manifests come parsed from the registry's snapshot when the file is the one parsed.
  const parsed = snapshotManifest(file, text);
  if (parsed !== undefined && (options.expectedId === undefined || parsed.id === options.expectedId))
    return parsed;
  return parseManifestText(file, text, options);
}

/** A manifest's text parsed and validated from its YAML (never from the snapshot). */
export function parseManifestText(
  file: string,
  text: string,
  options: { expectedId?: string } = {},
): CompetitionManifest {
  const shown = displayPath(file);
  return parseCompetitionManifest(parseYamlText(text, shown), { file: shown, ...options });
}
