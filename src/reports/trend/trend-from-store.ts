// `bench report trend --agent A`: one agent's metric across the sweeps that ran it, oldest first, read
// from the results store. A bare agent name follows the agent through its versions (a nightly agent
// changes between nights); a label (name@version) keeps to one. Only runs of sweeps count: imported
// results and `bench grade` runs belong to no sweep.

import { BenchError } from "../../errors.js";
import type { StoreDb } from "../../store/open-store.js";
import { resolveAgentNames } from "../agent-labels.js";
import { type CompareMetric, metricCompetitionKind, runValue } from "../compare/compare-metrics.js";
import type { PlotRequest } from "../plots/render-svg.js";
import { selectRunOutcomes } from "../queries/run-outcomes.js";
import { selectSweeps } from "../queries/sweep-catalog.js";
import { type ResolvedFilter, withSplit } from "../report-filters.js";
import type { Report } from "../table-model.js";
import { summarizeSweep, type TrendRun } from "./sweep-trend.js";
import { type TrendPoint, trendPlot, trendReport } from "./trend-report.js";

export interface TrendRequest {
  agent: string;
  metric: CompareMetric;
  filter: ResolvedFilter;
  split?: string | undefined;
}

export function trendFromStore(db: StoreDb, request: TrendRequest): { report: Report; plots: PlotRequest[] } {
  const agentIds = resolveAgentNames([request.agent], request.filter.agents);
  const filter = { ...withSplit(db, request.filter.filter, request.split), agentIds };
  // Per sweep, per competition: the runs in seed order (seed, then run id), whatever the version.
  const bySweep = new Map<string, { seed: number; runId: string; run: TrendRun }[]>();
  for (const row of selectRunOutcomes(db, filter)) {
    const value = runValue(row, request.metric);
    if (row.sweepId === null || value === undefined) continue;
    const runs = bySweep.get(row.sweepId) ?? [];
    runs.push({ seed: row.seed, runId: row.runId, run: { competition: row.competitionId, value } });
    bySweep.set(row.sweepId, runs);
  }
  const points: TrendPoint[] = [];
  for (const sweep of selectSweeps(db)) {
    const runs = bySweep.get(sweep.id);
    if (runs === undefined) continue;
    runs.sort((x, y) => x.seed - y.seed || (x.runId < y.runId ? -1 : x.runId > y.runId ? 1 : 0));
    points.push({
      sweep: sweep.id,
      startedAtMs: sweep.createdAtMs,
      competitionIds: [...new Set(runs.map((r) => r.run.competition))].sort(),
      ...summarizeSweep(runs.map((r) => r.run)),
    });
  }
  if (points.length === 0) {
    const kind =
      metricCompetitionKind(request.metric) === "rebench" ? "RE-bench task" : "MLE-bench competition";
    throw new BenchError(
      "DATA_MISSING",
      `agent ${request.agent} has no graded run of an ${kind} in any sweep under these filters.`,
      {
        hint:
          request.metric === "normalized_score"
            ? "for MLE-bench results use the default --metric any_medal."
            : "for RE-bench results use --metric normalized_score; imported results belong to no sweep.",
      },
    );
  }
  const agent = agentIds.length === 1 ? request.filter.labels.get(agentIds[0]!)! : request.agent;
  const input = { agent, metric: request.metric, points, filterText: request.filter.description };
  return { report: trendReport(input), plots: [trendPlot(input)] };
}
