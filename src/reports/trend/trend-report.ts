// `bench report trend` as a table (one row per sweep, oldest first: date, runs, metric mean ± SEM and
// the change from the sweep before) and one line plot of the same numbers, with the sweeps' names on
// its x axis and ± 1 SEM shaded.

import { type CompareMetric, metricDisplay } from "../compare/compare-metrics.js";
import { countText } from "../format/count-text.js";
import { lineChartSpec, type VegaLiteSpec } from "../plots/line-chart-spec.js";
import type { PlotRequest } from "../plots/render-svg.js";
import type { Report, Row } from "../table-model.js";
import type { SweepSummary } from "./sweep-trend.js";

export interface TrendPoint extends SweepSummary {
  sweep: string;
  startedAtMs: number;
  competitionIds: string[];
}

export interface TrendInput {
  /** The agent's label (or the name, when it selects several versions). */
  agent: string;
  metric: CompareMetric;
  /** Oldest first. */
  points: readonly TrendPoint[];
  /** The report filters as a phrase; empty when none. */
  filterText: string;
}

/** "2026-11-30 01:00": minutes are enough to tell nightly sweeps apart, and UTC reads the same anywhere. */
export function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

function footnotes(input: TrendInput): string[] {
  const notes = [
    "Per sweep, as the MLE-bench leaderboard counts: the i-th run of each competition (in seed order) is seed i; each seed's value is the mean over the sweep's competitions; mean ± SEM over the seeds (n − 1; 0 for one seed).",
    "Only runs of sweeps count: imported results and bench grade runs belong to no sweep.",
  ];
  const sets = new Set(input.points.map((point) => point.competitionIds.join(",")));
  if (sets.size > 1) {
    notes.push(
      "The sweeps cover different competitions (see Competitions): a change can come from the set as well as from the agent.",
    );
  }
  const dropped = input.points.filter((point) => point.dropped > 0);
  if (dropped.length > 0) {
    notes.push(
      `Left out, beyond the last seed every competition has: ${dropped.map((point) => `${countText(point.dropped, "run")} of ${point.sweep}`).join(", ")}.`,
    );
  }
  if (input.filterText !== "") notes.push(`Filters: ${input.filterText}.`);
  return notes;
}

export function trendReport(input: TrendInput): Report {
  const display = metricDisplay(input.metric);
  const { decimals } = display;
  const unit = display.unit ? { unit: display.unit } : {};
  const rows = input.points.map(
    (point, i): Row => ({
      index: i + 1,
      sweep: point.sweep,
      started: utcMinute(point.startedAtMs),
      runs: point.runs,
      competitions: point.competitionIds.length,
      seeds: point.seeds,
      [input.metric]: { mean: point.mean, sem: point.sem },
      change: i === 0 ? null : point.mean - input.points[i - 1]!.mean,
    }),
  );
  return {
    title: `Trend: ${input.agent}, ${display.text} per sweep`,
    tables: [
      {
        id: "trend",
        title: `${input.agent}: ${display.text} across ${countText(input.points.length, "sweep")}, oldest first`,
        columns: [
          { key: "index", label: "#", kind: "integer" },
          { key: "sweep", label: "Sweep", kind: "text" },
          { key: "started", label: "Started (UTC)", kind: "text" },
          { key: "runs", label: "Runs", kind: "integer" },
          { key: "competitions", label: "Competitions", kind: "integer" },
          { key: "seeds", label: "Seeds", kind: "integer" },
          {
            key: input.metric,
            label: `${display.text[0]!.toUpperCase()}${display.text.slice(1)}, mean ± SEM`,
            kind: "mean-sem",
            decimals,
            ...unit,
          },
          { key: "change", label: "Change", kind: "number", decimals, unit: display.differenceUnit },
        ],
        rows,
        footnotes: footnotes(input),
      },
    ],
    notes: [],
    figures: [],
  };
}

/** Vega expression text for a string: JSON's quoting is valid there. */
function sweepLabelExpr(names: readonly string[]): string {
  return `${JSON.stringify(names)}[datum.value - 1] || ''`;
}

/** The axis without the count settings of line-chart-spec's integer axis ("d" format, tickMinStep). */
function withoutCountTicks(axis: Record<string, unknown>): Record<string, unknown> {
  const { format: _format, tickMinStep: _step, ...rest } = axis;
  return rest;
}

/** Puts the sweeps' names on the x axis (the chart's x is the sweep's position, 1 = oldest). */
function withSweepNames(spec: VegaLiteSpec, names: readonly string[]): VegaLiteSpec {
  const layers = (spec.layer as { encoding: { x: { axis: Record<string, unknown> } } }[]).map((layer) => ({
    ...layer,
    encoding: {
      ...layer.encoding,
      x: {
        ...layer.encoding.x,
        axis: {
          // With those, Vega drops some of the given tick values; the labels are names anyway.
          ...withoutCountTicks(layer.encoding.x.axis),
          values: names.map((_, i) => i + 1),
          labelExpr: sweepLabelExpr(names),
          labelAngle: names.length > 4 ? -30 : 0,
          labelLimit: 200,
          // Every sweep's name is wanted; Vega's overlap check works on estimated widths.
          labelOverlap: false,
        },
      },
    },
  }));
  return { ...spec, layer: layers };
}

export function trendPlot(input: TrendInput): PlotRequest {
  const display = metricDisplay(input.metric);
  const names = input.points.map((point) => point.sweep);
  // The band is only drawn inside a percentage's range (the table keeps the unclipped numbers).
  const clip = (value: number) => (display.unit === "%" ? Math.min(100, Math.max(0, value)) : value);
  const spec = lineChartSpec({
    title: `${input.agent}: ${display.text} per sweep`,
    subtitle: `mean over seeds, shaded ± 1 SEM; ${countText(names.length, "sweep")}, oldest first`,
    xTitle: "sweep (oldest first)",
    yTitle: display.unit ? `${display.text} (${display.unit})` : display.text,
    xInteger: true,
    showPoints: true,
    ...(display.unit === "%" ? { yDomain: [0, 100] as [number, number] } : {}),
    series: [
      {
        name: input.agent,
        points: input.points.map((point, i) => ({
          x: i + 1,
          y: point.mean,
          low: clip(point.mean - point.sem),
          high: clip(point.mean + point.sem),
        })),
      },
    ],
  });
  return {
    name: `trend-${input.agent}-${input.metric}`,
    title: `${input.agent}: ${display.text} per sweep`,
    spec: withSweepNames(spec, names),
  };
}
