// The JSON the live part of the sweep and run pages polls (live-script.ts): a sweep's status and its
// runs counted by outcome, or one run's outcome, each with whether it is finished (the script stops
// polling then). Outcomes come with what they count as, from the same outcomeClass the pages use, so
// that the script only copies text and never decides anything.

import type { Store } from "../store/open-store.js";
import { getRun } from "../store/runs-repo.js";
import { RUN_STATUSES, type RunStatus } from "../store/schema.js";
import { PageNotFound } from "./pages/page-not-found.js";
import { outcomeClass } from "./pages/runs-table.js";
import { getSweep, sweepStatusCounts } from "./viewer-queries.js";

export interface OutcomeState {
  status: RunStatus;
  /** The stylesheet's class of the outcome. */
  cls: string;
  /** What the outcome counts as. */
  label: string;
}

export interface SweepLiveStatus {
  sweep: string;
  status: string;
  finished: boolean;
  counts: (OutcomeState & { runs: number })[];
  total: number;
}

export interface RunLiveStatus {
  run: string;
  finished: boolean;
  outcome: OutcomeState;
}

/** A sweep is live while its process says it runs; a run while it is queued or running. */
export const sweepIsLive = (status: string) => status === "running";
export const runIsLive = (status: RunStatus) => status === "queued" || status === "running";

function outcomeState(status: RunStatus): OutcomeState {
  const { cls, label } = outcomeClass(status);
  return { status, cls, label };
}

export function sweepLiveStatus(store: Store, id: string): SweepLiveStatus {
  const sweep = getSweep(store.db, id);
  if (sweep === undefined) throw new PageNotFound(`there is no sweep "${id}" in the store.`);
  const counts = sweepStatusCounts(store.db, id);
  const rows = RUN_STATUSES.filter((status) => counts[status] !== undefined).map((status) => ({
    ...outcomeState(status),
    runs: counts[status]!,
  }));
  return {
    sweep: id,
    status: sweep.status,
    finished: !sweepIsLive(sweep.status),
    counts: rows,
    total: rows.reduce((sum, row) => sum + row.runs, 0),
  };
}

export function runLiveStatus(store: Store, id: string): RunLiveStatus {
  const run = getRun(store.db, id);
  if (run === undefined) throw new PageNotFound(`there is no run "${id}" in the store.`);
  return { run: id, finished: !runIsLive(run.status), outcome: outcomeState(run.status) };
}
