// The leaderboard's per-competition matrix for one experiment (`bench report --sweep S`): a row per
// competition, and per agent its score (the mean over its runs with a valid submission) and its medals,
// so that the runs a sweep just made can be read competition by competition, not only as medal rates.

import type { CompetitionScoreRow } from "../queries/competition-scores.js";
import { compareCodePoints } from "../stats/mlebench-aggregate.js";
import type { Column, Row, Table } from "../table-model.js";

export interface MatrixAgent {
  agentId: number;
  label: string;
}

/** What the runs of one agent on one competition won: "gold" when every run did, else counts. */
export function medalText(row: CompetitionScoreRow): string {
  const noMedal = row.valid - row.gold - row.silver - row.bronze;
  const kinds: [string, number][] = [
    ["gold", row.gold],
    ["silver", row.silver],
    ["bronze", row.bronze],
    ["no medal", Math.max(0, noMedal)],
    ["invalid", row.runs - row.valid],
  ];
  const present = kinds.filter(([, n]) => n > 0);
  if (present.length === 1) return present[0]![0];
  return present.map(([kind, n]) => `${n} ${kind}`).join(", ");
}

function columnKey(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "agent";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

function direction(rows: readonly CompetitionScoreRow[]): string | null {
  const stored = rows.find((row) => row.direction !== null)?.direction;
  if (stored) return stored;
  const flag = rows.find((row) => row.lowerBetterMax !== null)?.lowerBetterMax;
  return flag === undefined || flag === null ? null : flag ? "lower" : "higher";
}

/**
 * Competitions (the given ones that have runs) by agents (in leaderboard order): score and medals.
 */
export function competitionMatrix(
  rows: readonly CompetitionScoreRow[],
  agents: readonly MatrixAgent[],
  competitionIds: readonly string[],
): Table {
  const wanted = new Set(competitionIds);
  const shownAgents = agents.filter((agent) => rows.some((row) => row.agentId === agent.agentId));
  const byCompetition = new Map<string, CompetitionScoreRow[]>();
  for (const row of rows) {
    if (!wanted.has(row.competitionId)) continue;
    byCompetition.set(row.competitionId, [...(byCompetition.get(row.competitionId) ?? []), row]);
  }
  const taken = new Set(["competition", "better"]);
  const keys = shownAgents.map((agent) => columnKey(agent.label, taken));
  const columns: Column[] = [
    { key: "competition", label: "Competition", kind: "text" },
    { key: "better", label: "Better", kind: "text" },
    ...shownAgents.flatMap((agent, i): Column[] => [
      { key: `${keys[i]}_score`, label: `${agent.label} score`, kind: "number", decimals: 5 },
      { key: `${keys[i]}_medal`, label: `${agent.label} medal`, kind: "text" },
    ]),
  ];
  const table: Row[] = [...byCompetition.keys()].sort(compareCodePoints).map((id) => {
    const cells = byCompetition.get(id)!;
    const row: Row = { competition: id, better: direction(cells) };
    shownAgents.forEach((agent, i) => {
      const cell = cells.find((c) => c.agentId === agent.agentId);
      row[`${keys[i]}_score`] = cell?.scoreMean ?? null;
      row[`${keys[i]}_medal`] = cell === undefined ? null : medalText(cell);
    });
    return row;
  });
  return {
    id: "competition_scores",
    title: "Per competition: score (mean over seeds) and medals",
    columns,
    rows: table,
    footnotes: [
      "Score: the mean over the agent's runs with a valid submission (- when none has one).",
      'Medal: the medal every run won, or how many runs won each where they differ ("1 gold, 1 no medal"); invalid: no valid submission.',
    ],
  };
}
