// Which runs one performance profile may pool. AUP ranks methods within one pool, and a method's score on
// a task is the best of its runs, so pooling two result sets of one import (MLGym's three, imported with a
// `group=` mapping) would score each model by its best result across the sets: a number no one published
// (gpt-o1 1.434 pooled against 1.150 in its own set). The runs are kept apart by run group as soon as one
// agent has runs on one task in more than one group; run groups that never share an agent's task (one
// file per agent, or tasks split over files) are pieces of one result set and are pooled.

import type { AupScoreRow } from "../queries/aup-scores.js";
import { compareCodePoints } from "../stats/mlebench-aggregate.js";

export interface ResultSet {
  /** The run group of these runs, or null for runs without one (or for a pool of several groups). */
  runGroup: string | null;
  rows: AupScoreRow[];
}

export interface ResultSets {
  /** One set per run group when they are kept apart, else a single pool. */
  sets: ResultSet[];
  /** True when several run groups are reported apart. */
  separate: boolean;
  /** An agent and task with runs in several groups: why they are kept apart (for the report's footnote). */
  example?: { agentId: number; task: string; groups: (string | null)[] };
}

/** How a run group is named in reports: runs without one are "no run group". */
export function runGroupLabel(group: string | null): string {
  return group ?? "no run group";
}

export function splitResultSets(rows: readonly AupScoreRow[]): ResultSets {
  const groupsOfPair = new Map<string, (string | null)[]>();
  let example: ResultSets["example"];
  for (const row of rows) {
    const key = `${row.agentId}\u0000${row.competitionId}`;
    const groups = groupsOfPair.get(key) ?? [];
    if (!groups.includes(row.runGroup)) groups.push(row.runGroup);
    groupsOfPair.set(key, groups);
    if (example === undefined && groups.length > 1) {
      example = { agentId: row.agentId, task: row.competitionId, groups };
    }
  }
  const distinct = [...new Set(rows.map((row) => row.runGroup))];
  if (example === undefined) {
    return {
      sets: [{ runGroup: distinct.length === 1 ? distinct[0]! : null, rows: [...rows] }],
      separate: false,
    };
  }
  // Named groups in code-point order (as MLE-bench orders run groups), runs without a group last.
  const ordered = distinct.sort((a, b) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareCodePoints(a, b),
  );
  return {
    sets: ordered.map((runGroup) => ({ runGroup, rows: rows.filter((row) => row.runGroup === runGroup) })),
    separate: true,
    example,
  };
}
