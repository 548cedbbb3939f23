// A scatter plot with one labelled point per item (an agent): score against cost, say. Pure data:
// render-svg.ts draws it.

import { seriesStyle, type VegaLiteSpec } from "./line-chart-spec.js";

export interface ScatterPoint {
  name: string;
  x: number;
  y: number;
}

export interface ScatterChartOptions {
  title: string;
  subtitle?: string;
  xTitle: string;
  yTitle: string;
  points: readonly ScatterPoint[];
  xScale?: "linear" | "log";
  yDomain?: [number, number];
  width?: number;
  height?: number;
}

const FONT = "Helvetica, Arial, sans-serif";

export function scatterChartSpec(options: ScatterChartOptions): VegaLiteSpec {
  const values = options.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const names = values.map((p) => p.name);
  const x = {
    field: "x",
    type: "quantitative",
    title: options.xTitle,
    scale: options.xScale === "log" ? { type: "log", nice: false } : { zero: true, nice: true },
    axis: { format: "~g" },
  };
  const y = {
    field: "y",
    type: "quantitative",
    title: options.yTitle,
    scale: options.yDomain ? { domain: options.yDomain } : { zero: true },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: options.title,
      ...(options.subtitle ? { subtitle: options.subtitle } : {}),
      font: FONT,
      anchor: "start",
    },
    width: options.width ?? 640,
    height: options.height ?? 400,
    config: { font: FONT, background: "white" },
    data: { values },
    layer: [
      {
        mark: { type: "point", filled: true, size: 90 },
        encoding: {
          x,
          y,
          color: {
            field: "name",
            type: "nominal",
            title: null,
            sort: names,
            scale: { domain: names, range: names.map((_, i) => seriesStyle(i).colour) },
            legend: { orient: "right", labelLimit: 480 },
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 7, dy: -7, fontSize: 11 },
        encoding: { x, y, text: { field: "name" } },
      },
    ],
  };
}
