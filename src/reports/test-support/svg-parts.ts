// Reads what a reader sees in a plot drawn by plots/render-svg.ts: an axis's tick labels, and the look
// (colour and dash) of each series' line, from the SVG text Vega writes.

/** The tick labels of the "X" or "Y" axis, in drawing order. */
export function axisLabels(svg: string, axis: "X" | "Y"): string[] {
  const start = svg.indexOf(`aria-label="${axis}-axis`);
  if (start < 0) throw new Error(`no ${axis} axis in the SVG`);
  const end = svg.indexOf("role-axis-domain", start);
  const labels = svg.slice(svg.indexOf("role-axis-label", start), end);
  return [...labels.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
}

export interface LineLook {
  series: string;
  stroke: string;
  dash: string;
}

/** One entry per line drawn: the series it belongs to, its stroke colour and its dash pattern. */
export function lineLooks(svg: string): LineLook[] {
  return [...svg.matchAll(/<path [^>]*aria-roledescription="line mark"[^>]*>/g)].map((match) => {
    const path = match[0];
    return {
      series: /series: ([^"]*)"/.exec(path)?.[1] ?? "",
      stroke: /stroke="([^"]*)"/.exec(path)?.[1] ?? "",
      dash: /stroke-dasharray="([^"]*)"/.exec(path)?.[1] ?? "none",
    };
  });
}

/** Width in pixels of the plotting area (the frame inside the axes), as Vega draws its background. */
export function plotAreaWidth(svg: string): number {
  const frame = /<path class="background" aria-hidden="true" d="M0\.5,0\.5h([\d.]+)v/.exec(svg);
  if (frame === null) throw new Error("no plot frame in the SVG");
  return Number(frame[1]);
}
