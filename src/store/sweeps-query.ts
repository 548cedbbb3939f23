// Every sweep in the store with what it holds (`bench sweeps list`): its runs by status, its agents and
// its competitions. Three grouped queries over the runs' sweep index, however many runs there are.

import { count, desc, isNotNull } from "drizzle-orm";
import { type RunStatus, runsTable, sweepsTable } from "./schema.js";
import type { StoreQueryable } from "./store-queryable.js";

export interface SweepSummary {
  id: string;
  name: string;
  status: "running" | "finished" | "interrupted" | "failed";
  createdAtMs: number;
  finishedAtMs: number | null;
  runs: number;
  runsByStatus: Partial<Record<RunStatus, number>>;
  agentIds: number[];
  competitionIds: string[];
}

/** All sweeps, newest first. */
export function summarizeSweeps(db: StoreQueryable): SweepSummary[] {
  const sweeps = db
    .select()
    .from(sweepsTable)
    .orderBy(desc(sweepsTable.createdAtMs), desc(sweepsTable.id))
    .all();
  const summaries = new Map<string, SweepSummary>(
    sweeps.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.name,
        status: s.status,
        createdAtMs: s.createdAtMs,
        finishedAtMs: s.finishedAtMs,
        runs: 0,
        runsByStatus: {},
        agentIds: [],
        competitionIds: [],
      },
    ]),
  );
  const withSweep = isNotNull(runsTable.sweepId);
  for (const row of db
    .select({ sweepId: runsTable.sweepId, status: runsTable.status, n: count() })
    .from(runsTable)
    .where(withSweep)
    .groupBy(runsTable.sweepId, runsTable.status)
    .all()) {
    const summary = summaries.get(row.sweepId!);
    if (summary === undefined) continue;
    summary.runs += row.n;
    summary.runsByStatus[row.status] = row.n;
  }
  for (const row of db
    .selectDistinct({ sweepId: runsTable.sweepId, agentId: runsTable.agentId })
    .from(runsTable)
    .where(withSweep)
    .orderBy(runsTable.agentId)
    .all()) {
    summaries.get(row.sweepId!)?.agentIds.push(row.agentId);
  }
  for (const row of db
    .selectDistinct({ sweepId: runsTable.sweepId, competitionId: runsTable.competitionId })
    .from(runsTable)
    .where(withSweep)
    .orderBy(runsTable.competitionId)
    .all()) {
    summaries.get(row.sweepId!)?.competitionIds.push(row.competitionId);
  }
  return [...summaries.values()];
}
