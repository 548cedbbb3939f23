// `bench report` (the MLE-bench leaderboard): one grouped query over the store, the registry's split
// memberships, the pure builder, and the pass@k pictures for --plots. Without --split it shows the
// splits the runs cover (covered-splits.ts); for one experiment (--sweep) it adds the per-competition
// matrix of scores and medals.

import { statSync } from "node:fs";
import { didYouMean } from "../../config/closest-match.js";
import { BenchError } from "../../errors.js";
import type { StoreDb } from "../../store/open-store.js";
import { countText } from "../format/count-text.js";
import {
  footnoteKnownIssues,
  issuesOf,
  type KnownIssue,
  type KnownIssuesLookup,
  leakingIds,
} from "../known-issues.js";
import { lineChartSpec } from "../plots/line-chart-spec.js";
import type { PlotRequest } from "../plots/render-svg.js";
import { scatterChartSpec } from "../plots/scatter-chart-spec.js";
import { selectCompetitionScores } from "../queries/competition-scores.js";
import {
  type SeedFlagsRow,
  selectSeedFlags,
  selectSeedFlagsInParallel,
} from "../queries/mlebench-seed-flags.js";
import { selectCompetitions } from "../queries/store-catalog.js";
import type { ResolvedFilter } from "../report-filters.js";
import type { Report } from "../table-model.js";
import { type AgentUsageRow, agentUsage } from "./agent-usage.js";
import { competitionMatrix } from "./competition-matrix.js";
import { coveredSplits, otherSplitTags } from "./covered-splits.js";
import {
  buildLeaderboard,
  LEADERBOARD_SPLITS,
  type Leaderboard,
  type LeaderboardSplit,
} from "./leaderboard.js";
import { leaderboardReport } from "./leaderboard-report.js";
import { usageTable } from "./usage-table.js";

/** The registry lookup the leaderboard needs: the competition ids carrying a split tag. */
export type SplitMembers = (tag: string) => Promise<readonly string[]>;

export interface LeaderboardRequest {
  /** low, medium, high or all (also lite = low, split75 = all); default: all four. */
  split?: string | undefined;
  padMissing: boolean;
  filter: ResolvedFilter;
  splitMembers: SplitMembers;
  /** The store's file: from PARALLEL_MIN_BYTES on, the query is split over two threads. */
  storeFile?: string | undefined;
  /** Default PARALLEL_MIN_BYTES. */
  parallelMinBytes?: number;
  /** Add the per-competition matrix (score and medals per agent). Default: when the filter names a sweep. */
  competitionMatrix?: boolean;
  /** The registry's known issues: the report notes those of its competitions. Default: none known. */
  knownIssues?: KnownIssuesLookup;
  /** Leave the competitions with a known `leak` out of every split (needs `knownIssues`). */
  excludeKnownLeaks?: boolean;
}

/** Below this size a worker thread costs more to start than it saves (about 100,000 runs). */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const SPLIT_ALIASES: Record<string, string> = {
  low: "Low",
  lite: "Low",
  medium: "Medium",
  high: "High",
  all: "All",
  split75: "All",
};

/**
 * The leaderboard splits asked for: the public leaderboard's four by default, one of them by name
 * (lite = low, split75 = all), or any other split tag of the registry (dev, demo ...) as its own
 * column, so results on those sets get the same table.
 */
export function leaderboardSplitNames(split: string | undefined): string[] {
  if (split === undefined) return LEADERBOARD_SPLITS.map((s) => s.name);
  const tag = split.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(tag)) {
    throw new BenchError("USAGE", `--split: "${split}" is not a split tag.`, {
      hint: `the leaderboard's splits are low, medium, high and all; any other registry tag (like dev or demo) works too${didYouMean(split, Object.keys(SPLIT_ALIASES))}.`,
    });
  }
  return [SPLIT_ALIASES[tag] ?? tag];
}

export async function resolveLeaderboardSplits(
  split: string | undefined,
  members: SplitMembers,
): Promise<LeaderboardSplit[]> {
  const names = leaderboardSplitNames(split);
  const splits: LeaderboardSplit[] = [];
  for (const { name, tag } of LEADERBOARD_SPLITS) {
    if (!names.includes(name)) continue;
    const competitionIds = await members(tag);
    if (competitionIds.length === 0) {
      throw new BenchError(
        "CONFIG_INVALID",
        `no competition in the registry carries the split tag "${tag}" (${name}).`,
        {
          hint: "regenerate the registry (node scripts/generate-registry.mjs) or check the competitions folder.",
        },
      );
    }
    splits.push({ name, tag, competitionIds });
  }
  const custom = names.filter((name) => !LEADERBOARD_SPLITS.some((s) => s.name === name));
  for (const tag of custom) {
    const competitionIds = await members(tag);
    if (competitionIds.length === 0) {
      throw new BenchError(
        "USAGE",
        `--split: no competition in the registry carries the split tag "${tag}".`,
        {
          hint: `use low, medium, high or all, or a tag that \`bench competitions list --json\` shows${didYouMean(tag, Object.keys(SPLIT_ALIASES))}.`,
        },
      );
    }
    splits.push({ name: tag, tag, competitionIds });
  }
  return splits;
}

/** Medal rate against cost per run, one point per agent with a known cost (none when no agent has one). */
export function scoreVsCostPlots(
  rows: readonly AgentUsageRow[],
  labels: ReadonlyMap<number, string>,
): PlotRequest[] {
  const points = rows
    .filter((row) => row.costUsd !== null && row.runsWithUsage > 0 && row.runs > 0)
    .map((row) => ({
      name: labels.get(row.agentId) ?? `agent ${row.agentId}`,
      x: row.costUsd! / row.runsWithUsage,
      y: (100 * row.medals) / row.runs,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (points.length === 0) return [];
  return [
    {
      name: "mlebench-score-vs-cost",
      title: "Medal rate against LLM cost per run",
      spec: scatterChartSpec({
        title: "Medal rate against LLM cost per run",
        subtitle:
          "one point per agent: the runs of the leaderboard above; cost over the runs that reported usage",
        xTitle: "known LLM cost per run (USD)",
        yTitle: "runs with any medal (%)",
        yDomain: [0, 100],
        points,
      }),
    },
  ];
}

function passAtKPlots(board: Leaderboard): PlotRequest[] {
  return board.splits.flatMap((split): PlotRequest[] => {
    const entries = board.entries.filter((entry) => entry.split === split.name && entry.passAtK.length > 0);
    if (entries.length === 0) return [];
    return [
      {
        name: `mlebench-pass-at-k-${split.name.toLowerCase()}`,
        title: `pass@k of any medal, ${split.name} split`,
        spec: lineChartSpec({
          title: `pass@k of any medal: ${split.name} split`,
          subtitle: `${new Set(split.competitionIds).size} competitions; k runs per competition`,
          xTitle: "k (runs per competition)",
          yTitle: "pass@k (%)",
          xScale: "log",
          xInteger: true,
          yDomain: [0, 100],
          showPoints: true,
          series: entries.map((entry) => ({
            name: entry.agent,
            points: entry.passAtK.map((point) => ({ x: point.k, y: point.value * 100 })),
          })),
        }),
      },
    ];
  });
}

export async function leaderboardFromStore(
  db: StoreDb,
  request: LeaderboardRequest,
): Promise<{ report: Report; plots: PlotRequest[] }> {
  leaderboardSplitNames(request.split); // a mistyped --split fails before any query starts
  // Loaded with the splits, while the worker thread (if any) reads the store.
  let known: ReadonlyMap<string, readonly KnownIssue[]> = new Map();
  // --exclude-known-leaks: every split without its leaking competitions, and the ids left out.
  const excluded = new Set<string>();
  const splitMembers: SplitMembers = request.excludeKnownLeaks
    ? async (tag) => {
        const ids = await request.splitMembers(tag);
        const leaks = new Set(leakingIds(known, ids));
        for (const id of leaks) excluded.add(id);
        return ids.filter((id) => !leaks.has(id));
      }
    : request.splitMembers;
  let splits: LeaderboardSplit[] = [];
  const loadSplits = async () => {
    if (request.knownIssues) known = await request.knownIssues();
    splits = await resolveLeaderboardSplits(request.split, splitMembers);
  };
  const { filter, agents } = request.filter;
  const file = request.storeFile;
  let rows: SeedFlagsRow[];
  if (file !== undefined && fileSize(file) >= (request.parallelMinBytes ?? PARALLEL_MIN_BYTES)) {
    const agentIds = filter.agentIds ?? agents.map((agent) => agent.id);
    rows = await selectSeedFlagsInParallel(db, filter, { file, agentIds, meanwhile: loadSplits });
  } else {
    await loadSplits();
    rows = selectSeedFlags(db, filter);
  }
  const options = { padMissing: request.padMissing };
  let hidden: string[] = [];
  let candidates: Leaderboard | undefined;
  if (request.split === undefined) {
    // The registry's other tags on the runs' competitions (dev, demo ...) are candidates too.
    const tags = otherSplitTags(
      rows.map((row) => row.competitionId),
      selectCompetitions(db),
    );
    for (const tag of tags) {
      const competitionIds = await splitMembers(tag);
      if (competitionIds.length > 0) splits.push({ name: tag, tag, competitionIds });
    }
    candidates = buildLeaderboard(rows, request.filter.labels, splits, options);
    const covered = coveredSplits(candidates);
    if (covered.shown.length < splits.length) candidates = undefined;
    splits = covered.shown;
    hidden = covered.hidden;
  }
  const board = candidates ?? buildLeaderboard(rows, request.filter.labels, splits, options);
  const report = leaderboardReport(board);
  const summary = report.tables[0]!;
  if (hidden.length > 0) {
    summary.footnotes.push(
      `Not shown: ${hidden.join(", ")}, where no agent has runs on every competition (--split NAME shows a split anyway).`,
    );
  }
  if (request.filter.description) summary.footnotes.push(`Filters: ${request.filter.description}.`);
  const ids = [...new Set(splits.flatMap((split) => split.competitionIds))];
  const shownExcluded = [...excluded].sort();
  if (request.excludeKnownLeaks) {
    summary.footnotes.push(
      shownExcluded.length > 0
        ? `--exclude-known-leaks: ${countText(shownExcluded.length, "competition")} with a known leak left out of every split (${shownExcluded.join(", ")}); each split's percentages are over its remaining competitions.`
        : "--exclude-known-leaks: no competition of these splits has a known leak; nothing was left out.",
    );
  }
  footnoteKnownIssues(report, issuesOf(known, [...ids, ...shownExcluded]), {
    excluded: shownExcluded,
    excludeHint: true,
  });
  if (request.competitionMatrix ?? filter.sweepId !== undefined) {
    const agents = [
      ...new Map(board.entries.map((e) => [e.agentId, { agentId: e.agentId, label: e.agent }])).values(),
    ];
    report.tables.splice(1, 0, competitionMatrix(selectCompetitionScores(db, filter), agents, ids));
  }
  // Tokens and cost of the same runs, when any of them reported usage.
  const usageRows = agentUsage(rows, ids);
  const usage = usageTable(usageRows, request.filter.labels);
  if (usage !== null) report.tables.push(usage);
  return { report, plots: [...passAtKPlots(board), ...scoreVsCostPlots(usageRows, request.filter.labels)] };
}
