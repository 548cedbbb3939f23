// Which splits a leaderboard shows when the user names none: the splits its runs cover. The public
// leaderboard's four (Low = Lite, Medium, High, All) are the candidates, with the registry's other tags
// (dev, demo, ...) that the runs' competitions carry; a split is covered when some agent has runs on
// every one of its competitions. Lite-only runs show the Low column alone, demo runs the demo split,
// a full run all four, instead of columns of "-" that say nothing.

import type { CompetitionRow } from "../queries/store-catalog.js";
import { compareCodePoints } from "../stats/mlebench-aggregate.js";
import { LEADERBOARD_SPLITS, type Leaderboard, type LeaderboardSplit } from "./leaderboard.js";

const PUBLIC_NAMES: ReadonlySet<string> = new Set(LEADERBOARD_SPLITS.map((split) => split.name));
/** Tags that name a public split already (or its alias); never a column of their own. */
const PUBLIC_TAGS: ReadonlySet<string> = new Set(["low", "lite", "medium", "high", "all", "split75"]);

export function isPublicSplit(split: LeaderboardSplit): boolean {
  return PUBLIC_NAMES.has(split.name);
}

/** The other split tags of the Kaggle-style competitions the runs touch, sorted. */
export function otherSplitTags(
  competitionIds: Iterable<string>,
  competitions: readonly CompetitionRow[],
): string[] {
  const touched = new Set(competitionIds);
  const tags = new Set<string>();
  for (const competition of competitions) {
    if (competition.kind !== "kaggle" || !touched.has(competition.id)) continue;
    for (const tag of competition.splits) if (!PUBLIC_TAGS.has(tag)) tags.add(tag);
  }
  return [...tags].sort(compareCodePoints);
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  const members = new Set(large);
  return small.every((id) => members.has(id));
}

export interface CoveredSplits {
  shown: LeaderboardSplit[];
  /** Public splits with runs that are left out because no agent covers them (for a footnote). */
  hidden: string[];
}

/** Picks the splits to show from a leaderboard built over every candidate split. */
export function coveredSplits(board: Leaderboard): CoveredSplits {
  const entriesOf = (split: LeaderboardSplit) => board.entries.filter((entry) => entry.split === split.name);
  const touched = (split: LeaderboardSplit) =>
    entriesOf(split).some((entry) => entry.missing.length < entry.competitions);
  const covered = board.splits.filter((split) =>
    entriesOf(split).some((entry) => entry.missing.length === 0),
  );
  let shown = covered;
  if (shown.length === 0) {
    // No split is covered: show where the runs are, so that the footnotes say what is missing.
    const withRuns = board.splits.filter(touched);
    const publicWithRuns = withRuns.filter(isPublicSplit);
    shown = publicWithRuns.length > 0 ? publicWithRuns : withRuns;
  }
  if (shown.length === 0) shown = board.splits.filter(isPublicSplit);
  // Another tag inside a split already shown (spaceship-titanic inside dev) adds a column, not news.
  const inside = (split: LeaderboardSplit, other: LeaderboardSplit) =>
    other !== split &&
    isSubset(split.competitionIds, other.competitionIds) &&
    // Of two tags with the same competitions, the first is kept.
    (!isSubset(other.competitionIds, split.competitionIds) || shown.indexOf(other) < shown.indexOf(split));
  shown = shown.filter((split) => isPublicSplit(split) || !shown.some((other) => inside(split, other)));
  const hidden = board.splits.filter(
    (split) => isPublicSplit(split) && !shown.includes(split) && touched(split),
  );
  return { shown, hidden: hidden.map((split) => split.name) };
}
