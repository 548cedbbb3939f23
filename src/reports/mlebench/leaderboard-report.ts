// The MLE-bench leaderboard as tables: the public leaderboard's view (any medal, mean ± SEM per split),
// every percentage per agent and split, and pass@k of any medal.

import { countText } from "../format/count-text.js";
import type { MlebenchMetric } from "../stats/mlebench-aggregate.js";
import type { Column, Report, Row, Table } from "../table-model.js";
import { type Leaderboard, type LeaderboardEntry, rankingSplit } from "./leaderboard.js";

const DETAIL_METRICS: readonly [MlebenchMetric, string][] = [
  ["any_medal", "Any medal"],
  ["gold_medal", "Gold"],
  ["silver_medal", "Silver"],
  ["bronze_medal", "Bronze"],
  ["above_median", "Above median"],
  ["valid_submission", "Valid submission"],
  ["submission_exists", "Submission made"],
];

function snake(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "_");
}

function list(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function seedRule(board: Leaderboard): string {
  return board.padMissing
    ? "Seeds: padded to the largest run count of a split's competitions; a missing run counts as no submission (--pad-missing)."
    : "Seeds: complete seeds only, i.e. the smallest run count among a split's competitions; later runs are left out (--pad-missing pads instead).";
}

function incompleteNotes(board: Leaderboard): string[] {
  return board.entries
    .filter((entry) => entry.aggregate === null)
    .map(
      (entry) =>
        `${entry.agent}, ${entry.split}: no graded run on ${entry.missing.length} of ${entry.competitions} ` +
        `competitions (${list(entry.missing)})${board.padMissing ? "" : "; shown as - (use --pad-missing to count them as no submission)"}.`,
    );
}

function byAgent(board: Leaderboard): LeaderboardEntry[][] {
  const groups = new Map<number, LeaderboardEntry[]>();
  for (const entry of board.entries) groups.set(entry.agentId, [...(groups.get(entry.agentId) ?? []), entry]);
  return [...groups.values()];
}

function summaryTable(board: Leaderboard): Table {
  const columns: Column[] = [
    { key: "rank", label: "Rank", kind: "integer" },
    { key: "agent", label: "Agent", kind: "text" },
    ...board.splits.map(
      (split): Column => ({ key: snake(split.name), label: split.name, kind: "mean-sem", unit: "%" }),
    ),
    { key: "seeds", label: "Seeds", kind: "text" },
  ];
  let rank = 0;
  const ranking = rankingSplit(board.splits);
  const rows = byAgent(board).map((entries): Row => {
    const ranked = entries[ranking] !== undefined && entries[ranking].aggregate !== null;
    const row: Row = { rank: ranked ? ++rank : null, agent: entries[0]!.agent };
    for (const entry of entries) {
      const metric = entry.aggregate?.metrics.any_medal;
      row[snake(entry.split)] = metric ? { mean: metric.mean, sem: metric.sem } : null;
    }
    const seeds = entries.map((entry) => (entry.aggregate ? String(entry.aggregate.seeds) : "-"));
    row.seeds = new Set(seeds).size === 1 ? seeds[0]! : seeds.join(" / ");
    return row;
  });
  const splitSizes = board.splits.map((s) => `${s.name} ${new Set(s.competitionIds).size}`).join(", ");
  return {
    id: "leaderboard",
    title: "MLE-bench leaderboard: any medal (mean ± SEM over seeds)",
    columns,
    rows,
    footnotes: [
      `Competitions per split: ${splitSizes}. Each seed's percentage counts its medals over all of the split's competitions.`,
      seedRule(board),
      ...(rows.some((row) => String(row.seeds).includes("/"))
        ? [
            `Seeds lists one count per split (${board.splits.map((s) => s.name).join(" / ")}) where they differ.`,
          ]
        : []),
      ...incompleteNotes(board),
    ],
  };
}

function detailTable(board: Leaderboard): Table {
  const columns: Column[] = [
    { key: "agent", label: "Agent", kind: "text" },
    { key: "split", label: "Split", kind: "text" },
    { key: "seeds", label: "Seeds", kind: "integer" },
    { key: "competitions", label: "Competitions", kind: "integer" },
    ...DETAIL_METRICS.map(([key, label]): Column => ({ key, label, kind: "mean-sem", unit: "%" })),
    { key: "exceeds_humans", label: "Exceeds humans", kind: "mean-sem", unit: "%" },
  ];
  const rows = board.entries.map((entry): Row => {
    const row: Row = {
      agent: entry.agent,
      split: entry.split,
      seeds: entry.aggregate?.seeds ?? null,
      competitions: entry.competitions,
    };
    for (const [key] of DETAIL_METRICS) {
      const metric = entry.aggregate?.metrics[key];
      row[key] = metric ? { mean: metric.mean, sem: metric.sem } : null;
    }
    const exceeds = entry.exceedsHumans?.summary;
    row.exceeds_humans = exceeds ? { mean: exceeds.mean, sem: exceeds.sem } : null;
    return row;
  });
  const withoutValue = board.entries.reduce(
    (sum, entry) => sum + (entry.exceedsHumans?.withoutValue ?? 0),
    0,
  );
  return {
    id: "detail",
    title: "MLE-bench per agent and split (mean ± SEM over seeds)",
    columns,
    rows,
    footnotes: [
      "Any medal is recomputed as gold or silver or bronze, as the reference does.",
      "Exceeds humans: per seed, the mean over the split's competitions of the share of the real Kaggle leaderboard's entries a run's score strictly beats (ties beat nobody); a run without a valid score, or on a competition without a leaderboard, counts as 0.",
      ...(withoutValue > 0
        ? [
            `${countText(withoutValue, "counted run")} had no exceeds-humans percentage (no valid score or no leaderboard) and count as 0.`,
          ]
        : []),
    ],
  };
}

function passAtKTable(board: Leaderboard): Table {
  const ks = [...new Set(board.entries.flatMap((entry) => entry.passAtK.map((point) => point.k)))].sort(
    (a, b) => a - b,
  );
  const columns: Column[] = [
    { key: "agent", label: "Agent", kind: "text" },
    { key: "split", label: "Split", kind: "text" },
    { key: "seeds", label: "n", kind: "integer" },
    ...ks.map((k): Column => ({ key: `pass_at_${k}`, label: `pass@${k}`, kind: "number", unit: "%" })),
  ];
  const rows = board.entries
    .filter((entry) => entry.aggregate !== null)
    .map((entry): Row => {
      const row: Row = { agent: entry.agent, split: entry.split, seeds: entry.aggregate!.seeds };
      for (const k of ks) row[`pass_at_${k}`] = null;
      for (const point of entry.passAtK) row[`pass_at_${point.k}`] = point.value * 100;
      return row;
    });
  return {
    id: "pass_at_k",
    title: "pass@k of any medal (k runs per competition, averaged over competitions)",
    columns,
    rows,
    footnotes: [
      "pass@k = 1 − C(n−c, k)/C(n, k) per competition with c medals in n runs (n = seeds), then the mean over competitions.",
      "k runs from 1 to n: every k up to 8 (all of them for n ≤ 16), then powers of two, and n itself.",
    ],
  };
}

export function leaderboardReport(board: Leaderboard): Report {
  return {
    title: "MLE-bench leaderboard",
    tables: [summaryTable(board), detailTable(board), passAtKTable(board)],
    notes: board.entries.length === 0 ? ["No graded MLE-bench run matches the filters."] : [],
    figures: [],
  };
}
