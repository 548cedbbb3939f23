// The sweeps of the store with their dates, and which agents ran in each: what `bench compare` resolves
// `agent@sweep` and `@sweep` against, and what `bench report trend` orders its sweeps by.

import { asc, isNotNull } from "drizzle-orm";
import type { StoreDb } from "../../store/open-store.js";
import { runsTable, sweepsTable } from "../../store/schema.js";

export interface SweepRow {
  id: string;
  status: "running" | "finished" | "interrupted" | "failed";
  createdAtMs: number;
  finishedAtMs: number | null;
}

/** Every sweep, oldest first (ties by id). */
export function selectSweeps(db: StoreDb): SweepRow[] {
  return db
    .select({
      id: sweepsTable.id,
      status: sweepsTable.status,
      createdAtMs: sweepsTable.createdAtMs,
      finishedAtMs: sweepsTable.finishedAtMs,
    })
    .from(sweepsTable)
    .orderBy(asc(sweepsTable.createdAtMs), asc(sweepsTable.id))
    .all();
}

/** Sweep id → the ids of the agents with a run in it (any status). */
export function selectSweepAgentIds(db: StoreDb): Map<string, number[]> {
  const rows = db
    .selectDistinct({ sweepId: runsTable.sweepId, agentId: runsTable.agentId })
    .from(runsTable)
    .where(isNotNull(runsTable.sweepId))
    .orderBy(asc(runsTable.sweepId), asc(runsTable.agentId))
    .all();
  const bySweep = new Map<string, number[]>();
  for (const { sweepId, agentId } of rows) {
    bySweep.set(sweepId!, [...(bySweep.get(sweepId!) ?? []), agentId]);
  }
  return bySweep;
}
