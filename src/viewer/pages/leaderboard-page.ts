// The leaderboard page: `bench report`'s MLE-bench leaderboard, built by the same function from the same
// filters (split, sweep, since, agents, run group as query parameters), shown as HTML tables. The
// viewer adds no number of its own.

import type { SplitMembers } from "../../reports/mlebench/leaderboard-from-store.js";
import { leaderboardFromStore } from "../../reports/mlebench/leaderboard-from-store.js";
import { resolveFilter } from "../../reports/report-filters.js";
import type { Store } from "../../store/open-store.js";
import { html, type SafeHtml } from "../html.js";
import { paths } from "../page-paths.js";
import { selectSweepsPage } from "../viewer-queries.js";
import { link, type PageContext, pageShell } from "./layout.js";
import { plotFigures } from "./plot-figures.js";
import { reportHtml } from "./report-tables.js";

/** The query parameters the leaderboard reads, with the `bench report` flag each one stands for. */
export const LEADERBOARD_PARAMS = {
  split: "--split",
  sweep: "--sweep",
  since: "--since",
  agents: "--agents",
  run_group: "--run-group",
  pad_missing: "--pad-missing",
} as const;

/** Sweeps linked above the leaderboard. */
const RECENT_SWEEPS = 5;

export interface LeaderboardQuery {
  split?: string | undefined;
  sweep?: string | undefined;
  since?: string | undefined;
  agents?: string | undefined;
  runGroup?: string | undefined;
  padMissing?: boolean;
}

/** The filters of a URL's query string; empty values mean "not given", as an empty form field does. */
export function leaderboardQuery(params: URLSearchParams): LeaderboardQuery {
  const get = (name: string) => {
    const value = params.get(name)?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    split: get("split"),
    sweep: get("sweep"),
    since: get("since"),
    agents: get("agents"),
    runGroup: get("run_group"),
    padMissing: get("pad_missing") === "1" || get("pad_missing") === "true",
  };
}

function filtersForm(query: LeaderboardQuery): SafeHtml {
  const field = (name: string, label: string, value: string | undefined, hint: string) =>
    html`<label>${label}<input name="${name}" value="${value ?? ""}" placeholder="${hint}"></label>`;
  return html`<form class="filters" method="get" action="index.html">
${field("split", "Split", query.split, "low, medium, high, all, demo")}
${field("sweep", "Sweep", query.sweep, "sweep id")}
${field("since", "Since", query.since, "2026-01-31, 24h, yesterday")}
${field("agents", "Agents", query.agents, "a, b")}
<button type="submit">Show</button>
</form>`;
}

export async function leaderboardPage(
  store: Store,
  page: PageContext,
  query: LeaderboardQuery,
  splitMembers: SplitMembers,
  params: URLSearchParams = new URLSearchParams(),
): Promise<string> {
  const filter = resolveFilter(store.db, {
    sweep: query.sweep,
    since: query.since,
    agents: query.agents,
    runGroup: query.runGroup,
  });
  const { report, plots } = await leaderboardFromStore(store.db, {
    split: query.split,
    padMissing: query.padMissing === true,
    filter,
    splitMembers,
    storeFile: store.path,
  });
  const recent = selectSweepsPage(store.db, { limit: RECENT_SWEEPS, offset: 0, sweepId: page.sweep }).sweeps;
  const sweeps =
    recent.length === 0
      ? ""
      : html`<p class="recent-sweeps">Recent sweeps: ${recent.map((sweep, i) => html`${i > 0 ? ", " : ""}${link(page, paths.sweep(sweep.id), sweep.id)}`)} (${link(page, paths.sweeps(), "all sweeps")})</p>`;
  const body = html`${page.static ? "" : filtersForm(query)}${sweeps}${reportHtml(report)}${plotFigures(page, "leaderboard", plots, params)}`;
  return pageShell(page, report.title, body);
}
