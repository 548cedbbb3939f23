// The sweeps of the store with their dates, and which agents ran in each: what `bench compare` resolves
// `agent@sweep` and `@sweep` against, and what `bench report trend` orders its sweeps by.

import { asc, eq } from "drizzle-orm";
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

/** The ids of the agents with a run in a sweep (any status), by runs_sweep_id_idx. */
export function selectSweepAgentIds(db: StoreDb, sweepId: string): number[] {
  return db
    .selectDistinct({ agentId: runsTable.agentId })
    .from(runsTable)
    .where(eq(runsTable.sweepId, sweepId))
    .orderBy(asc(runsTable.agentId))
    .all()
    .map((row) => row.agentId);
}
