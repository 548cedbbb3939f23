// A competition's real leaderboard as a histogram, with bench's runs drawn over it as vertical rules
// (one colour per agent) and the medal thresholds as dashed rules: where do the agents land among the
// humans? Pure data: render-svg.ts draws it.

import { SERIES_COLOURS, type VegaLiteSpec } from "./line-chart-spec.js";

export interface RunScorePoint {
  agent: string;
  score: number;
}

export interface ScoreDistributionOptions {
  title: string;
  subtitle?: string;
  /** Every score of the competition's leaderboard (finite ones are drawn). */
  leaderboard: readonly number[];
  runs: readonly RunScorePoint[];
  thresholds?: { gold: number | null; silver: number | null; bronze: number | null } | undefined;
  lowerIsBetter: boolean;
  width?: number;
  height?: number;
}

const FONT = "Helvetica, Arial, sans-serif";
const MEDAL_COLOURS = { gold: "#c9a227", silver: "#8c8c8c", bronze: "#a0522d" } as const;

/**
 * `count` equal bins spanning every value of `domain` (the leaderboard's and the runs' scores, so every
 * rule lands on the axis), holding how many of `values` fall in each; the last bin is closed.
 */
export function histogramBins(
  domain: readonly number[],
  values: readonly number[],
  count: number,
): { start: number; end: number; n: number }[] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of domain) {
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low > high) return [];
  if (low === high) return [{ start: low - 0.5, end: high + 0.5, n: values.filter((v) => v === low).length }];
  const width = (high - low) / count;
  const counts = new Array<number>(count).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v) || v < low || v > high) continue;
    counts[Math.min(count - 1, Math.floor((v - low) / width))]! += 1;
  }
  return counts.map((n, i) => ({
    start: low + i * width,
    end: i === count - 1 ? high : low + (i + 1) * width,
    n,
  }));
}

/**
 * The score range drawn: the leaderboard's middle 96% (a few absurd entries, like a log loss of 34
 * among scores near 0.2, would squash every bar into one), widened to take in every run and threshold.
 */
export function drawnRange(
  leaderboard: readonly number[],
  mustShow: readonly number[],
): [number, number] | null {
  const sorted = leaderboard.filter(Number.isFinite).sort((a, b) => a - b);
  const shown = mustShow.filter(Number.isFinite);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  if (sorted.length > 0) {
    low = sorted[Math.floor(0.02 * (sorted.length - 1))]!;
    high = sorted[Math.ceil(0.98 * (sorted.length - 1))]!;
  }
  for (const v of shown) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return low <= high ? [low, high] : null;
}

/**
 * The histogram is binned here (not by Vega) so that a leaderboard of thousands of entries becomes 40
 * bars in the SVG, and its range covers the runs too: an agent far below every human is still drawn.
 */
export function scoreDistributionSpec(options: ScoreDistributionOptions): VegaLiteSpec {
  const medalValues = Object.values(options.thresholds ?? {}).filter(
    (v): v is number => typeof v === "number" && Number.isFinite(v),
  );
  const range = drawnRange(options.leaderboard, [...options.runs.map((r) => r.score), ...medalValues]);
  const inRange = options.leaderboard.filter((v) => range !== null && v >= range[0] && v <= range[1]);
  const outside = options.leaderboard.filter(Number.isFinite).length - inRange.length;
  const histogram = range === null ? [] : histogramBins(range, inRange, 40);
  const subtitle = [
    options.subtitle,
    outside > 0
      ? `${outside} leaderboard ${outside === 1 ? "entry" : "entries"} far outside the range drawn (outliers) left out`
      : undefined,
  ].filter((text): text is string => text !== undefined);
  const agents = [...new Set(options.runs.map((r) => r.agent))].sort();
  const colour = {
    field: "agent",
    type: "nominal",
    title: "run of",
    sort: agents,
    scale: { domain: agents, range: agents.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length]!) },
    legend: { orient: "right", labelLimit: 320 },
  };
  const x = {
    type: "quantitative",
    title: options.lowerIsBetter ? "score (lower is better)" : "score (higher is better)",
    scale: { zero: false, nice: false, reverse: options.lowerIsBetter },
    axis: { format: "~g" },
  };
  const medalRules = Object.entries(options.thresholds ?? {})
    .filter((entry): entry is [keyof typeof MEDAL_COLOURS, number] => typeof entry[1] === "number")
    .map(([medal, value]) => ({ medal, value }));
  const layers: Record<string, unknown>[] = [
    {
      data: { values: histogram },
      mark: { type: "bar", color: "#cfd8e3", stroke: "#9fb0c4", strokeWidth: 0.5 },
      encoding: {
        x: { ...x, field: "start" },
        x2: { field: "end" },
        y: { field: "n", type: "quantitative", title: "leaderboard entries" },
        y2: { datum: 0 },
      },
    },
  ];
  if (medalRules.length > 0) {
    layers.push({
      data: { values: medalRules },
      mark: { type: "rule", strokeDash: [6, 3], strokeWidth: 2 },
      encoding: {
        x: { ...x, field: "value" },
        color: {
          field: "medal",
          type: "nominal",
          title: "medal threshold",
          scale: {
            domain: medalRules.map((r) => r.medal),
            range: medalRules.map((r) => MEDAL_COLOURS[r.medal]),
          },
        },
      },
    });
  }
  if (options.runs.length > 0) {
    layers.push({
      data: { values: options.runs.filter((r) => Number.isFinite(r.score)) },
      mark: { type: "rule", strokeWidth: 1.5, opacity: 0.7 },
      encoding: { x: { ...x, field: "score" }, color: colour },
    });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: options.title,
      ...(subtitle.length > 0 ? { subtitle } : {}),
      font: FONT,
      anchor: "start",
    },
    width: options.width ?? 720,
    height: options.height ?? 280,
    config: { font: FONT, background: "white" },
    layer: layers,
    resolve: { scale: { color: "independent" } },
  };
}
