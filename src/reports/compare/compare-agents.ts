// `bench compare A B`: is B worse (or better) than A by more than seed noise? Each side is an agent, an
// agent in one sweep, or a whole sweep (compare-sides.ts). Runs are paired by competition and seed
// (pair-runs.ts); on the paired runs only:
// - per competition, the difference of the two sides' means (a flag as 0 or 100, or RE-bench's
//   normalized score), then stats/paired-comparison: bootstrap interval over competitions, permutation
//   and sign tests, one plain sentence;
// - the regression gate over the paired runs themselves (stats/regression-test.ts), which decides
//   `--fail-on-regression`.

import { BenchError } from "../../errors.js";
import type { StoreDb } from "../../store/open-store.js";
import type { RunFilter } from "../queries/run-filter.js";
import { selectRunValues } from "../queries/run-outcomes.js";
import { selectSweepAgentIds, selectSweeps } from "../queries/sweep-catalog.js";
import { type ResolvedFilter, withSplit } from "../report-filters.js";
import { type CompetitionScores, comparePaired, type PairedComparison } from "../stats/paired-comparison.js";
import { type RegressionTest, testRegression } from "../stats/regression-test.js";
import {
  type CompareMetric,
  metricCompetitionKind,
  metricDisplay,
  metricValueSql,
} from "./compare-metrics.js";
import { type CompareSide, resolveSide } from "./compare-sides.js";
import { type Pairing, pairRuns, type SideRun } from "./pair-runs.js";

export interface CompareRequest {
  a: string;
  b: string;
  metric: CompareMetric;
  filter: ResolvedFilter;
  split?: string | undefined;
  /** Seed of the bootstrap and Monte Carlo permutations. Default 0. */
  seed?: number;
  /** Significance level of the verdict and the regression gate. Default 0.05. */
  alpha?: number | undefined;
  /** Smallest drop of B below A, in the metric's units, that counts as a regression. Default 0. */
  minEffect?: number | undefined;
}

export interface AgentComparison {
  nameA: string;
  nameB: string;
  sideA: CompareSide;
  sideB: CompareSide;
  metric: CompareMetric;
  unit: string;
  /** Counted runs of each side that the metric applies to, paired or not. */
  runsA: number;
  runsB: number;
  /** Competition-level statistics over the paired runs. */
  comparison: PairedComparison;
  pairing: Pairing;
  regression: RegressionTest;
  alpha: number;
}

function sideFilter(base: RunFilter, side: CompareSide): RunFilter {
  if (side.sweepId !== undefined && base.sweepId !== undefined && side.sweepId !== base.sweepId) {
    throw new BenchError(
      "USAGE",
      `--sweep ${base.sweepId} and ${side.spec} (sweep ${side.sweepId}) select no run in common.`,
      { hint: `drop --sweep: ${side.spec} already picks its sweep.` },
    );
  }
  // A whole sweep keeps the filter's agents; an agent side is its agents (all sweeps unless it names one).
  const agentIds = side.kind === "sweep" ? base.agentIds : side.agentIds;
  return { ...base, agentIds, sweepId: side.sweepId ?? base.sweepId };
}

function sameIds(x: readonly number[], y: readonly number[]): boolean {
  return x.length === y.length && x.every((id) => y.includes(id));
}

function sideRuns(db: StoreDb, filter: RunFilter, metric: CompareMetric): SideRun[] {
  return selectRunValues(db, filter, metricCompetitionKind(metric), metricValueSql(metric)).map((row) => ({
    agent: row.agentName,
    competition: row.competitionId,
    seed: row.seed,
    value: row.value,
  }));
}

function nothingPaired(request: CompareRequest, sideA: CompareSide, sideB: CompareSide, pairing: Pairing) {
  const kind =
    metricCompetitionKind(request.metric) === "rebench" ? "RE-bench task" : "MLE-bench competition";
  const seedsOnly = pairing.unpaired.some((u) => !u.wholeUnit);
  return new BenchError(
    "DATA_MISSING",
    seedsOnly
      ? `${sideA.label} and ${sideB.label} ran the same competitions but share no seed: no run can be paired.`
      : `${sideA.label} and ${sideB.label} share no graded ${kind} under these filters.`,
    {
      hint: seedsOnly
        ? "runs are paired by competition and seed; compare sweeps that ran the same seeds."
        : request.metric === "normalized_score"
          ? "compare MLE-bench results with the default --metric any_medal."
          : "for RE-bench results use --metric normalized_score.",
    },
  );
}

export function compareAgents(db: StoreDb, request: CompareRequest): AgentComparison {
  const catalog = {
    agents: request.filter.agents,
    sweeps: selectSweeps(db).map((sweep) => sweep.id),
    sweepAgents: (sweep: string) => selectSweepAgentIds(db, sweep),
  };
  const sideA = resolveSide(request.a, catalog);
  const sideB = resolveSide(request.b, catalog);
  if (
    sideA.kind === sideB.kind &&
    sideA.sweepId === sideB.sweepId &&
    sameIds(sideA.agentIds, sideB.agentIds)
  ) {
    throw new BenchError("USAGE", `A and B are the same runs (${sideA.description}).`, {
      hint: "compare two agents, an agent in two sweeps (agent@sweep), or two sweeps (@sweep).",
    });
  }
  const base = withSplit(db, request.filter.filter, request.split);
  const runsA = sideRuns(db, sideFilter(base, sideA), request.metric);
  const runsB = sideRuns(db, sideFilter(base, sideB), request.metric);
  // Two whole sweeps of several agents: each agent meets itself. One agent a side: whatever its name
  // (tonight's agent may have been renamed since last night).
  const names = (runs: readonly SideRun[]) => new Set(runs.map((run) => run.agent)).size;
  const byAgent = sideA.kind === "sweep" && sideB.kind === "sweep" && (names(runsA) > 1 || names(runsB) > 1);
  const pairing = pairRuns(runsA, runsB, { byAgent });
  if (pairing.pairs.length === 0) throw nothingPaired(request, sideA, sideB, pairing);

  const pairsOf = new Map<string, (typeof pairing.pairs)[number][]>();
  for (const pair of pairing.pairs) {
    const list = pairsOf.get(pair.unit);
    if (list === undefined) pairsOf.set(pair.unit, [pair]);
    else list.push(pair);
  }
  const scores = (side: "a" | "b"): CompetitionScores[] =>
    pairing.units.map((unit) => ({
      competition: unit,
      scores: (pairsOf.get(unit) ?? []).map((pair) => pair[side]),
    }));
  const seed = request.seed ?? 0;
  const alpha = request.alpha ?? 0.05;
  const comparison = comparePaired(scores("a"), scores("b"), { seed });
  const regression = testRegression(
    pairing.pairs.map((pair) => pair.a - pair.b),
    { alpha, minEffect: request.minEffect ?? 0, seed },
  );
  return {
    nameA: sideA.label,
    nameB: sideB.label,
    sideA,
    sideB,
    metric: request.metric,
    unit: metricDisplay(request.metric).differenceUnit,
    runsA: runsA.length,
    runsB: runsB.length,
    comparison,
    pairing,
    regression,
    alpha,
  };
}
