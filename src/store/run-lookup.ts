// Finding a run from what a user typed: its full id, a unique prefix of the id, or a unique prefix of
// its short id (run-short-id.ts). An ambiguous prefix is an error that lists a few of the runs it
// matches; an unknown one is an error with the closest ids, as misspelt competition ids are.

import { didYouMean, orList } from "../config/closest-match.js";
import { BenchError } from "../errors.js";
import { ShortRunIds } from "./run-short-id.js";
import { getRun, type RunRow } from "./runs-repo.js";
import { runsTable } from "./schema.js";
import type { StoreQueryable } from "./store-queryable.js";

/** A short-id prefix shorter than this is read only as the start of a full id ("a" is not a hash). */
export const MIN_HASH_PREFIX = 4;

/** How many matches an ambiguity error lists. */
const LISTED_MATCHES = 5;

/** Above this many runs, "did you mean" looks only at the ids sharing the longest start with the typo. */
const ALL_CANDIDATES_UP_TO = 10_000;
const NEAR_CANDIDATES = 1_000;

/** The short ids of every run in the store (reads every run id once). */
export function loadShortRunIds(db: StoreQueryable): ShortRunIds {
  return new ShortRunIds(
    db
      .select({ id: runsTable.id })
      .from(runsTable)
      .all()
      .map((row) => row.id),
  );
}

export interface ResolvedRun {
  run: RunRow;
  /** The store's short ids, for printing this run's and others'. */
  shortIds: ShortRunIds;
}

/** The run `ref` names; throws BenchError USAGE when it names none or several. */
export function resolveRunRef(db: StoreQueryable, ref: string): ResolvedRun {
  const needle = ref.trim();
  if (needle === "") {
    throw new BenchError("USAGE", "the run id is empty.", {
      hint: "`bench runs list` shows the runs with their short ids.",
    });
  }
  const shortIds = loadShortRunIds(db);
  // A full id wins even where it is also the start of another ("s:a:c:1" and "s:a:c:10").
  const exact = getRun(db, needle);
  if (exact !== undefined) return { run: exact, shortIds };

  const hashNeedle =
    needle.length >= MIN_HASH_PREFIX && /^[0-9a-f]+$/i.test(needle) ? needle.toLowerCase() : null;
  const matches: string[] = [];
  for (const [id, hash] of shortIds.entries()) {
    if (id.startsWith(needle) || (hashNeedle !== null && hash.startsWith(hashNeedle))) matches.push(id);
  }
  if (matches.length === 1) return { run: getRun(db, matches[0]!)!, shortIds };

  if (matches.length > 1) {
    matches.sort();
    const listed = matches.slice(0, LISTED_MATCHES).map((id) => `${shortIds.of(id)} ${id}`);
    const more = matches.length - listed.length;
    throw new BenchError(
      "USAGE",
      `run id "${needle}" is ambiguous: it matches ${matches.length} runs:\n    ${listed.join("\n    ")}${
        more > 0 ? `\n    … and ${more} more` : ""
      }`,
      { hint: "type more of the id, or the short id `bench runs list` shows." },
    );
  }

  throw new BenchError("USAGE", `no run "${needle}" in the results store${suggest(needle, shortIds)}.`, {
    hint:
      shortIds.size === 0
        ? "the store holds no runs yet: run or import results first."
        : "`bench runs list` shows the runs with their short ids (any unique start of either works).",
  });
}

/**
 * ` (did you mean ...?)`: the closest spellings, else the ids that share the longest start with what
 * was typed (a run id typed up to a wrong hash or seed is far from every id in spelling).
 */
function suggest(needle: string, shortIds: ShortRunIds): string {
  const spelled = didYouMean(needle, suggestionCandidates(needle, shortIds));
  if (spelled !== "") return spelled;
  let best = 0;
  let nearest: string[] = [];
  for (const [id] of shortIds.entries()) {
    const shared = sharedPrefix(id, needle);
    if (shared > best) {
      best = shared;
      nearest = [id];
    } else if (shared === best && shared > 0) {
      nearest.push(id);
    }
  }
  if (best < Math.max(MIN_HASH_PREFIX, Math.ceil(needle.length / 2))) return "";
  const listed = nearest.sort().slice(0, 3);
  return ` (did you mean ${orList(listed.map((id) => JSON.stringify(id)))}${nearest.length > 3 ? `, or ${nearest.length - 3} more like them` : ""}?)`;
}

/** Full and short ids to suggest from: all of them in a small store, the nearest by prefix in a big one. */
function suggestionCandidates(needle: string, shortIds: ShortRunIds): string[] {
  const entries = [...shortIds.entries()];
  let ids = entries.map(([id]) => id);
  if (ids.length > ALL_CANDIDATES_UP_TO) {
    const lower = needle.toLowerCase();
    ids = entries
      .map(([id, hash]) => ({ id, shared: Math.max(sharedPrefix(id, needle), sharedPrefix(hash, lower)) }))
      .sort((a, b) => b.shared - a.shared)
      .slice(0, NEAR_CANDIDATES)
      .map((entry) => entry.id);
  }
  return [...ids, ...ids.map((id) => shortIds.of(id))];
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
