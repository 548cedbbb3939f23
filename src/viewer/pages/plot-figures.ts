// A report's plots on its page: each an image of a same-origin SVG file (an image runs no script, so the
// page's policy stays strict), drawn by the server from the same query as the page.

import type { PlotRequest } from "../../reports/plots/render-svg.js";
import { safeFileStem } from "../../reports/plots/render-svg.js";
import { html, type SafeHtml } from "../html.js";
import { type PlotReport, paths, relativeHref } from "../page-paths.js";
import type { PageContext } from "./layout.js";

/** The report's plots as images of same-origin SVG files, drawn from the same query. */
export function plotFigures(
  page: PageContext,
  kind: PlotReport,
  plots: readonly PlotRequest[],
  params: URLSearchParams,
): SafeHtml | "" {
  const search = page.static || params.toString() === "" ? "" : `?${params.toString()}`;
  const figures = plots.map(
    (plot) =>
      html`<figure class="plot"><img src="${relativeHref(page.path, paths.plot(kind, safeFileStem(plot.name)))}${search}" alt="${plot.title}"><figcaption>${plot.title}</figcaption></figure>
`,
  );
  return figures.length === 0 ? "" : html`<h2>Plots</h2>${figures}`;
}
