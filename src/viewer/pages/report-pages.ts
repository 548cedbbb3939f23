// The RE-bench and AUP pages: `bench report rebench` and `bench report aup`, built by the same functions
// from the same filters (query parameters named as the leaderboard's, plus budget and tau_max), shown
// as HTML tables with the report's plots; and the leaderboard's plots (pass@k, score against cost),
// which the leaderboard page shows below its tables. A plot is a same-origin .svg file shown through <img>: an
// image runs no script and the page's policy stays as strict as the others'. The plot's URL carries
// the page's query, so the server draws it from the same selection (plotSvg).

import { BenchError } from "../../errors.js";
import { aupFromStore } from "../../reports/aup/aup-from-store.js";
import { leaderboardFromStore, type SplitMembers } from "../../reports/mlebench/leaderboard-from-store.js";
import { type PlotRequest, renderSvg, safeFileStem } from "../../reports/plots/render-svg.js";
import { rebenchFromStore } from "../../reports/rebench/rebench-from-store.js";
import { registryTaskRules } from "../../reports/rebench/registry-task-rules.js";
import { resolveFilter } from "../../reports/report-filters.js";
import type { Report } from "../../reports/table-model.js";
import type { Store } from "../../store/open-store.js";
import { html } from "../html.js";
import type { PlotReport } from "../page-paths.js";
import { type PageContext, pageShell } from "./layout.js";
import { leaderboardQuery } from "./leaderboard-page.js";
import { PageNotFound } from "./page-not-found.js";
import { plotFigures } from "./plot-figures.js";
import { reportHtml } from "./report-tables.js";

/** The report of `kind` for a URL's query: the filters, --split, --budget (rebench), --tau-max (aup). */
export async function buildPlotReport(
  store: Store,
  kind: PlotReport,
  params: URLSearchParams,
  splitMembers: SplitMembers,
): Promise<{ report: Report; plots: PlotRequest[] }> {
  const query = leaderboardQuery(params);
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const filter = resolveFilter(store.db, {
    sweep: query.sweep,
    since: query.since,
    agents: query.agents,
    runGroup: query.runGroup,
  });
  if (kind === "leaderboard") {
    return leaderboardFromStore(store.db, {
      split: query.split,
      padMissing: query.padMissing === true,
      filter,
      splitMembers,
      storeFile: store.path,
    });
  }
  if (kind === "rebench") {
    return rebenchFromStore(store.db, store.sqlite, {
      filter,
      budget: get("budget") ?? "8h",
      split: query.split,
      rules: await registryTaskRules(),
    });
  }
  return aupFromStore(store.db, { filter, tauMax: get("tau_max"), split: query.split });
}

/**
 * The page of a report that draws plots. Missing data (no RE-bench run, no baseline for AUP) is a state
 * of the store, not a bad request: the page says so, as `bench report` does, with status 200.
 */
export async function plotReportPage(
  store: Store,
  page: PageContext,
  kind: "rebench" | "aup",
  params: URLSearchParams,
  splitMembers: SplitMembers,
): Promise<string> {
  const title = kind === "rebench" ? "RE-bench report" : "AUP report";
  let built: { report: Report; plots: PlotRequest[] };
  try {
    built = await buildPlotReport(store, kind, params, splitMembers);
  } catch (error) {
    if (!(error instanceof BenchError) || error.code !== "DATA_MISSING") throw error;
    const body = html`<p class="problem">${error.message}</p>${error.hint ? html`<p>${error.hint}</p>` : ""}`;
    return pageShell(page, title, body);
  }
  return pageShell(
    page,
    built.report.title,
    html`${reportHtml(built.report)}${plotFigures(page, kind, built.plots, params)}`,
  );
}

/** One plot of a report page as SVG text, drawn from the selection the query names. */
export async function plotSvg(
  store: Store,
  kind: PlotReport,
  stem: string,
  params: URLSearchParams,
  splitMembers: SplitMembers,
): Promise<string> {
  const { plots } = await buildPlotReport(store, kind, params, splitMembers);
  const plot = plots.find((p) => safeFileStem(p.name) === stem);
  if (plot === undefined) throw new PageNotFound(`the ${kind} report has no plot "${stem}".`);
  return renderSvg(plot.spec);
}

/** The file stems of a report's plots for `params` (for the export); none where the store lacks the data. */
export async function plotStems(
  store: Store,
  kind: PlotReport,
  params: URLSearchParams,
  splitMembers: SplitMembers,
): Promise<string[]> {
  try {
    const { plots } = await buildPlotReport(store, kind, params, splitMembers);
    return plots.map((plot) => safeFileStem(plot.name));
  } catch (error) {
    if (error instanceof BenchError && error.code === "DATA_MISSING") return [];
    throw error;
  }
}
