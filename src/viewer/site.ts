// The viewer's pages and files by route, shared by the server (server.ts) and the static export
// (export-site.ts): a route comes in, a page, the stylesheet, the live script, a status JSON, a report's
// plot (SVG) or an open file of a run's folder comes out.
// Known problems become pages that say what happened: a filter the store does not know (400, with
// bench's own message), a run or page that does not exist (404), a file refused (400 or 404).

import { isBenchError } from "../errors.js";
import type { SplitMembers } from "../reports/mlebench/leaderboard-from-store.js";
import type { Store } from "../store/open-store.js";
import { getRun } from "../store/runs-repo.js";
import { html } from "./html.js";
import { runLiveStatus, sweepLiveStatus } from "./live-status.js";
import { paths, type Route } from "./page-paths.js";
import { comparePage } from "./pages/compare-page.js";
import { competitionPage, competitionScoresSvg, competitionsPage } from "./pages/competition-pages.js";
import { type PageContext, pageShell } from "./pages/layout.js";
import { leaderboardPage, leaderboardQuery } from "./pages/leaderboard-page.js";
import { LIVE_SCRIPT } from "./pages/live-script.js";
import { PageNotFound } from "./pages/page-not-found.js";
import { plotReportPage, plotSvg } from "./pages/report-pages.js";
import { runPage, runScoreLogSvg } from "./pages/run-page.js";
import { STYLESHEET } from "./pages/stylesheet.js";
import { sweepPage, sweepsPage } from "./pages/sweep-pages.js";
import { openRunFile } from "./run-files.js";

export interface Viewer {
  store: Store;
  splitMembers: SplitMembers;
  /** Now, for the durations of runs still running. */
  clock: () => number;
  /** Told about unexpected errors (a bug): the page says only that something went wrong. */
  onError?: (error: unknown) => void;
  /** Only this sweep's runs, on every page (`bench view --export DIR --sweep S`; see PageContext.sweep). */
  sweep?: string | undefined;
}

/** A report page's query with the site's sweep, when it has one, in place of any the query names. */
export function scopedQuery(viewer: Pick<Viewer, "sweep">, query: URLSearchParams): URLSearchParams {
  if (viewer.sweep === undefined) return query;
  const scoped = new URLSearchParams(query);
  scoped.set("sweep", viewer.sweep);
  return scoped;
}

export type SiteResponse =
  | { kind: "html"; status: number; body: string }
  | { kind: "css"; status: 200; body: string }
  | { kind: "svg"; status: 200; body: string }
  | { kind: "js"; status: 200; body: string }
  | { kind: "json"; status: 200; body: string }
  | { kind: "file"; status: 200; fd: number; size: number; fileName: string; contentType: string };

/** The page path a route's links are relative to. */
export function routePath(route: Route): string {
  switch (route.kind) {
    case "stylesheet":
      return paths.stylesheet;
    case "live-script":
      return paths.liveScript;
    case "sweep-status":
      return paths.sweepStatus(route.id);
    case "run-status":
      return paths.runStatus(route.id);
    case "leaderboard":
      return paths.leaderboard;
    case "sweeps":
      return paths.sweeps(route.page);
    case "sweep":
      return paths.sweep(route.id, route.page);
    case "competitions":
      return paths.competitions;
    case "rebench":
      return paths.rebench;
    case "aup":
      return paths.aup;
    case "compare":
      return paths.compare;
    case "plot":
      return paths.plot(route.report, route.stem);
    case "competition":
      return paths.competition(route.id, route.page);
    case "competition-scores":
      return paths.competitionScores(route.id);
    case "run-score-log":
      return paths.runScoreLog(route.id);
    case "run":
      return paths.run(route.id);
    case "run-log":
      return paths.runLog(route.id);
    case "run-file":
      return paths.runFile(route.id, route.relative);
  }
}

function problemPage(
  page: PageContext,
  status: number,
  title: string,
  message: string,
  hint?: string,
): SiteResponse {
  const body = html`<p class="problem">${message}</p>${hint ? html`<p>${hint}</p>` : ""}`;
  return { kind: "html", status, body: pageShell(page, title, body) };
}

function openFile(
  viewer: Viewer,
  page: PageContext,
  runId: string,
  relative: string,
  contentType: string,
): SiteResponse {
  const run = getRun(viewer.store.db, runId);
  if (run === undefined || (viewer.sweep !== undefined && run.sweepId !== viewer.sweep))
    return problemPage(page, 404, "Not found", `there is no run "${runId}" here.`);
  if (run.workspace === null)
    return problemPage(
      page,
      404,
      "Not found",
      "the run has no folder of its own (imported, or not started).",
    );
  const opened = openRunFile(run.workspace, relative);
  if (!opened.ok)
    return problemPage(
      page,
      opened.status,
      opened.status === 400 ? "Bad request" : "Not found",
      opened.reason,
    );
  const fileName = relative.split("/").pop()!;
  return { kind: "file", status: 200, fd: opened.fd, size: opened.size, fileName, contentType };
}

async function render(
  viewer: Viewer,
  route: Route,
  page: PageContext,
  query: URLSearchParams,
): Promise<SiteResponse> {
  const { store } = viewer;
  const ok = (body: string): SiteResponse => ({ kind: "html", status: 200, body });
  const reportQuery = scopedQuery(viewer, query);
  switch (route.kind) {
    case "stylesheet":
      return { kind: "css", status: 200, body: STYLESHEET };
    case "live-script":
      return { kind: "js", status: 200, body: LIVE_SCRIPT };
    case "sweep-status":
      return { kind: "json", status: 200, body: JSON.stringify(sweepLiveStatus(store, route.id)) };
    case "run-status":
      return { kind: "json", status: 200, body: JSON.stringify(runLiveStatus(store, route.id)) };
    case "leaderboard":
      return ok(
        await leaderboardPage(store, page, leaderboardQuery(reportQuery), viewer.splitMembers, reportQuery),
      );
    case "sweeps":
      return ok(sweepsPage(store, page, route.page));
    case "sweep":
      return ok(sweepPage(store, page, route.id, route.page, viewer.clock()));
    case "competitions":
      return ok(competitionsPage(store, page));
    case "rebench":
    case "aup":
      return ok(await plotReportPage(store, page, route.kind, reportQuery, viewer.splitMembers));
    case "compare":
      return ok(comparePage(store, page, query));
    case "plot":
      return {
        kind: "svg",
        status: 200,
        body: await plotSvg(store, route.report, route.stem, reportQuery, viewer.splitMembers),
      };
    case "competition":
      return ok(await competitionPage(store, page, route.id, route.page, viewer.clock()));
    case "competition-scores":
      return { kind: "svg", status: 200, body: await competitionScoresSvg(store, route.id, viewer.sweep) };
    case "run-score-log":
      return { kind: "svg", status: 200, body: runScoreLogSvg(store, route.id) };
    case "run":
      return ok(runPage(store, page, route.id, viewer.clock()));
    case "run-log":
      return openFile(viewer, page, route.id, "agent.log", "text/plain; charset=utf-8");
    case "run-file":
      return openFile(viewer, page, route.id, route.relative, "application/octet-stream");
  }
}

/**
 * What the site answers for `route` (null: no such page), `rawPath` being the request's path from the
 * site's root (for the links of a not-found page). The caller closes a file response's `fd`.
 */
export async function respond(
  viewer: Viewer,
  route: Route | null,
  rawPath: string,
  query: URLSearchParams,
  options: { static: boolean },
): Promise<SiteResponse> {
  const page: PageContext = {
    path: route === null ? rawPath : routePath(route),
    static: options.static,
    sweep: viewer.sweep,
  };
  if (route === null) return problemPage(page, 404, "Not found", "there is no such page.");
  try {
    return await render(viewer, route, page, query);
  } catch (error) {
    if (error instanceof PageNotFound) return problemPage(page, 404, "Not found", error.message);
    if (isBenchError(error))
      return problemPage(page, 400, "Cannot show this page", error.message, error.hint);
    viewer.onError?.(error);
    return problemPage(
      page,
      500,
      "Internal error",
      "bench could not make this page (a bug in bench; the server's output says more).",
    );
  }
}
