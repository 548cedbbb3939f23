// The competition registry: every folder `<root>/<id>/` holding a `competition.yaml` is a competition.
// Looks competitions up by id (with "did you mean" suggestions for unknown ids) and lists them by split
// tag, in competition-id order (plain code-point order, as the reference sorts ids: "AI4Code" first).

import type { Dirent } from "node:fs";
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { didYouMean } from "../config/closest-match.js";
import type { CompetitionManifest } from "../config/competition-schema.js";
import { BenchError } from "../errors.js";
import { readManifestFile } from "./manifest-file.js";
import { defaultCompetitionsRoot, displayPath } from "./package-root.js";

export const MANIFEST_FILE = "competition.yaml";

/** A competition as loaded from the registry. */
export interface Competition {
  id: string;
  /** Absolute path of the competition's folder. */
  dir: string;
  manifestPath: string;
  manifest: CompetitionManifest;
  /** Absolute path of the leaderboard CSV, or null when the competition has none. */
  leaderboardPath: string | null;
}

export interface RegistryOptions {
  /** The competitions folder. Default: `competitions/` at bench's package root. */
  root?: string;
}

export interface ListOptions extends RegistryOptions {
  /** Only competitions carrying this split tag (low, medium, high, dev, split75, rebench, demo ...). */
  split?: string;
  kind?: CompetitionManifest["kind"];
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Ids of every competition under `root` (folders holding a competition.yaml), sorted. */
export async function listCompetitionIds(options: RegistryOptions = {}): Promise<string[]> {
  const root = path.resolve(options.root ?? defaultCompetitionsRoot());
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new BenchError("CONFIG_INVALID", `cannot read the competitions folder ${displayPath(root)}`, {
      hint: "pass the folder that holds <id>/competition.yaml, or omit it to use bench's own",
      cause: error,
    });
  }
  const ids: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(path.join(root, entry.name, MANIFEST_FILE))))
      ids.push(entry.name);
  }
  return ids.sort(byCodePoint);
}

/** Loads one competition; unknown ids give BenchError COMPETITION_UNKNOWN with the closest ids. */
export async function loadCompetition(id: string, options: RegistryOptions = {}): Promise<Competition> {
  const root = path.resolve(options.root ?? defaultCompetitionsRoot());
  const dir = path.join(root, id);
  const manifestPath = path.join(dir, MANIFEST_FILE);
  // An id is a single folder name: "../x" or "a/b" must not reach outside the registry.
  const isFolderName = id !== "" && id !== "." && id !== ".." && !/[\\/]/.test(id);
  if (!isFolderName || !(await exists(manifestPath))) {
    const known = await listCompetitionIds({ root });
    throw new BenchError("COMPETITION_UNKNOWN", `unknown competition "${id}"${didYouMean(id, known)}`, {
      hint: `competition ids are the folder names in ${displayPath(root)} (case-sensitive)`,
    });
  }
  const manifest = await readManifestFile(manifestPath, { expectedId: id });
  let leaderboardPath: string | null = null;
  if (manifest.leaderboard !== null) {
    leaderboardPath = path.join(dir, manifest.leaderboard);
    if (!(await exists(leaderboardPath))) {
      throw new BenchError(
        "CONFIG_INVALID",
        `${displayPath(manifestPath)}: leaderboard: "${manifest.leaderboard}" does not exist beside the manifest`,
        { hint: "add the leaderboard CSV, or set leaderboard: null with a leaderboard_note saying why" },
      );
    }
  }
  return { id, dir, manifestPath, manifest, leaderboardPath };
}

/** Loads every competition (optionally one split tag or kind), in competition-id order. */
export async function listCompetitions(options: ListOptions = {}): Promise<Competition[]> {
  const root = path.resolve(options.root ?? defaultCompetitionsRoot());
  const ids = await listCompetitionIds({ root });
  const all = await Promise.all(ids.map((id) => loadCompetition(id, { root })));
  const ofKind = options.kind === undefined ? all : all.filter((c) => c.manifest.kind === options.kind);
  const { split } = options;
  if (split === undefined) return ofKind;
  const selected = ofKind.filter((competition) => competition.manifest.splits.includes(split));
  if (selected.length === 0) {
    const tags = new Set(all.flatMap((competition) => competition.manifest.splits));
    // An empty selection is almost always a misspelt tag; an empty benchmark run would only hide it.
    throw new BenchError("USAGE", `no competition has the split tag "${split}"${didYouMean(split, tags)}`, {
      hint: `known split tags: ${[...tags].sort(byCodePoint).join(", ")}`,
    });
  }
  return selected;
}

/** bench's own registry, read once per process by the reports that need all of it (see bundledRegistry). */
let bundled: Promise<Competition[]> | undefined;

/**
 * Every competition of bench's own registry, read once per process and shared: a report asks for the
 * splits, the known issues and the RE-bench rules, which each needed every manifest (92 YAML files
 * read twice made a fifth of `bench report`'s time). A failed read (a damaged manifest, fixed since)
 * is tried again on the next call. The registry does not change while bench runs.
 */
export function bundledRegistry(): Promise<Competition[]> {
  bundled ??= listCompetitions().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

/** The same lookups bound to one competitions folder, with loaded manifests cached. */
export class CompetitionRegistry {
  readonly root: string;
  readonly #cache = new Map<string, Promise<Competition>>();

  constructor(options: RegistryOptions = {}) {
    this.root = path.resolve(options.root ?? defaultCompetitionsRoot());
  }

  get(id: string): Promise<Competition> {
    let loading = this.#cache.get(id);
    if (loading === undefined) {
      loading = loadCompetition(id, { root: this.root });
      // Do not cache failures: the user may fix the file and ask again in the same process.
      loading.catch(() => this.#cache.delete(id));
      this.#cache.set(id, loading);
    }
    return loading;
  }

  ids(): Promise<string[]> {
    return listCompetitionIds({ root: this.root });
  }

  list(options: Omit<ListOptions, "root"> = {}): Promise<Competition[]> {
    return listCompetitions({ ...options, root: this.root });
  }
}
