// Vega-Lite specifications of the report's pictures: one line per agent (method), optionally with a
// shaded interval, a step interpolation (performance profiles) and a log x axis (pass@k, score@k).
// Every series has its own look, up to 40: ten colours, then the same colours dashed, then dotted, then
// dash-dotted; counts on the x axis (k, seeds) get whole-number ticks only.
// Pure data: plots/render-svg.ts compiles and draws them.

/** A Vega-Lite top-level specification (kept loose: vega-lite's own types are large and only it reads them). */
export type VegaLiteSpec = Record<string, unknown>;

export interface ChartPoint {
  x: number;
  y: number;
  /** Interval around y, drawn as a shaded band. */
  low?: number;
  high?: number;
}

export interface ChartSeries {
  name: string;
  points: readonly ChartPoint[];
}

export interface LineChartOptions {
  title: string;
  subtitle?: string;
  xTitle: string;
  yTitle: string;
  series: readonly ChartSeries[];
  xScale?: "linear" | "log";
  /** y axis range; default: from the data (with 0 included). */
  yDomain?: [number, number];
  /** "step-after" for performance profiles (ρ is constant between grid points). Default "linear". */
  interpolate?: "linear" | "step-after";
  /** Draw a dot at each point (sparse data such as score@k). Default false. */
  showPoints?: boolean;
  /** The x values are counts (k, seeds): ticks at whole numbers only. Default false. */
  xInteger?: boolean;
  /** Plot width and height in pixels, without axes and legend. Default 800 × 400. */
  width?: number;
  height?: number;
}

/** A readable default for a report embedded in a Markdown page. */
const FONT = "Helvetica, Arial, sans-serif";

/** Ten colours that stay apart on white and for common colour blindness (Tableau 10). */
export const SERIES_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;
/** Each round of ten series gets the next dash pattern (solid, dashed, dotted, dash-dot). */
export const SERIES_DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [8, 4],
  [2, 3],
  [8, 3, 2, 3],
];
/** The look of the i-th series: colour and dash, distinct for the first 40. */
export function seriesStyle(i: number): { colour: string; dash: readonly number[] } {
  const round = Math.floor(i / SERIES_COLOURS.length);
  return {
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    dash: SERIES_DASHES[round % SERIES_DASHES.length]!,
  };
}

/** Whole-number ticks for a log axis of counts: the powers of two in range, and the largest count. */
function countTicks(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const ticks: number[] = [];
  for (let k = 1; k <= max; k *= 2) if (k >= min) ticks.push(k);
  if (Number.isInteger(max) && ticks[ticks.length - 1] !== max) ticks.push(max);
  return ticks;
}

export function lineChartSpec(options: LineChartOptions): VegaLiteSpec {
  const values = options.series.flatMap((series) =>
    series.points.map((point) => ({
      series: series.name,
      x: point.x,
      y: point.y,
      low: point.low ?? null,
      high: point.high ?? null,
    })),
  );
  const hasBand = values.some((value) => value.low !== null && value.high !== null);
  const xs = values.map((value) => value.x);
  const axis: Record<string, unknown> =
    options.xScale === "log" ? { tickCount: 8, format: "~g" } : { format: "~g" };
  if (options.xInteger && xs.length > 0) {
    // Vega would put ticks at 1.1, 1.2, ... on a short axis; counts have none between whole numbers.
    if (options.xScale === "log") axis.values = countTicks(xs);
    else axis.tickMinStep = 1;
    axis.format = "d";
  }
  const x = {
    field: "x",
    type: "quantitative",
    title: options.xTitle,
    scale: options.xScale === "log" ? { type: "log", base: 2, nice: false } : { zero: false, nice: false },
    axis,
  };
  const names = options.series.map((series) => series.name);
  const styles = names.map((_, i) => seriesStyle(i));
  // One legend: colour and dash share the field, the order and the (absent) title, so Vega-Lite merges
  // them into one entry per series that shows both.
  const legend = {
    orient: "right",
    labelLimit: 480,
    symbolType: "stroke",
    symbolStrokeWidth: 2.5,
    symbolSize: 500,
  };
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    sort: names,
    scale: { domain: names, range: styles.map((style) => style.colour) },
    legend,
  };
  const strokeDash = {
    field: "series",
    type: "nominal",
    title: null,
    sort: names,
    scale: { domain: names, range: styles.map((style) => [...style.dash]) },
    legend,
  };
  const yScale = options.yDomain ? { domain: options.yDomain } : { zero: true };
  const layers: Record<string, unknown>[] = [];
  if (hasBand) {
    layers.push({
      transform: [{ filter: "datum.low !== null && datum.high !== null" }],
      mark: { type: "area", opacity: 0.15, interpolate: options.interpolate ?? "linear" },
      encoding: {
        x,
        y: { field: "low", type: "quantitative", title: options.yTitle, scale: yScale },
        y2: { field: "high" },
        // The band's pale swatch would otherwise replace the line's in the shared legend.
        color: { ...color, legend: null },
      },
    });
  }
  const y = { field: "y", type: "quantitative", title: options.yTitle, scale: yScale };
  layers.push({
    mark: {
      type: "line",
      interpolate: options.interpolate ?? "linear",
      strokeWidth: 2,
      // Points drawn solid whatever the line's dash.
      point: options.showPoints ? { filled: true, size: 40, strokeDash: [1, 0] } : false,
    },
    encoding: { x, y, color, strokeDash },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: options.width ?? 800,
    height: options.height ?? 400,
    background: "white",
    padding: 12,
    config: {
      font: FONT,
      title: { fontSize: 15, anchor: "start" },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      // Names with their task counts or AUPs are long; the legend shows them whole.
      legend: { labelLimit: 480, labelFontSize: 11 },
    },
    data: { values },
    layer: layers,
    // Independent legends: the band's is switched off, the lines' stays.
    ...(hasBand ? { resolve: { legend: { color: "independent", strokeDash: "independent" } } } : {}),
  };
}
