// `bench view --export DIR [--sweep S]`: the viewer's pages written as static files, for a place with no
// server (a CI artifact, a shared folder). The pages are the server's own, rendered in static mode:
// relative links, the policy as a <meta> tag, no forms. The RE-bench and AUP pages come with their plots
// as .svg files; the compare page, whose sides come from a form, stays out. Every sweep, competition and
// run gets its page (lists a page of PAGE_SIZE at a time, as served), and every run its whole agent.log;
// other files of the runs' folders stay out (they can be gigabytes). With a sweep (the viewer's `sweep`),
// the site is that sweep's: its runs, the competitions it ran, the reports of its runs alone, so that
// sharing last night's results does not write a page for each of the store's million runs.

import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { didYouMean } from "../config/closest-match.js";
import { BenchError, diskFullError } from "../errors.js";
import { selectSweepIds } from "../reports/queries/store-catalog.js";
import { queryRunList } from "../store/runs-query.js";
import { PAGE_SIZE, type Route } from "./page-paths.js";
import { siteCompetitions } from "./pages/competition-pages.js";
import { plotStems } from "./pages/report-pages.js";
import { respond, routePath, scopedQuery, type Viewer } from "./site.js";
import {
  countCompetitionRuns,
  getSweep,
  hasScoreLog,
  selectSweepsPage,
  sweepStatusCounts,
} from "./viewer-queries.js";

/** The file that marks a folder as an export, so that exporting again may write over it. */
export const EXPORT_MARKER = ".bench-view-export";

export interface ExportSummary {
  pages: number;
  logs: number;
  plots: number;
}

function prepareFolder(dir: string): void {
  if (existsSync(dir)) {
    const names = readdirSync(dir);
    if (names.length > 0 && !names.includes(EXPORT_MARKER)) {
      throw new BenchError("USAGE", `--export: ${dir} is not empty and holds no earlier export.`, {
        hint: "choose a new or empty folder (an earlier export's folder is written over).",
      });
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, EXPORT_MARKER), "written by bench view --export\n");
}

const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** The sweep an export is scoped to, checked before anything is written: unknown names say what exists. */
function checkSweep(viewer: Viewer): void {
  if (viewer.sweep === undefined || getSweep(viewer.store.db, viewer.sweep) !== undefined) return;
  const known = selectSweepIds(viewer.store.db);
  throw new BenchError(
    "USAGE",
    `--sweep: no sweep "${viewer.sweep}" in the results store${didYouMean(viewer.sweep, known)}.`,
    {
      hint:
        known.length === 0 ? "the store has no sweep yet." : "bench sweeps list shows the store's sweeps.",
    },
  );
}

export async function exportSite(viewer: Viewer, dir: string): Promise<ExportSummary> {
  checkSweep(viewer);
  prepareFolder(dir);
  const summary: ExportSummary = { pages: 0, logs: 0, plots: 0 };
  const none = new URLSearchParams();
  const reportParams = scopedQuery(viewer, none);
  /** Folders made so far: one mkdir each, not one per file. */
  const made = new Set<string>();
  const write = async (route: Route): Promise<void> => {
    try {
      await writeRoute(route);
    } catch (error) {
      // A full disk names the file it could not write (Node's write errors do not).
      throw diskFullError(error, path.join(dir, ...routePath(route).split("/"))) ?? error;
    }
  };
  const writeRoute = async (route: Route): Promise<void> => {
    const file = routePath(route);
    const answer = await respond(viewer, route, file, none, { static: true });
    const target = path.join(dir, ...file.split("/"));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (answer.kind === "file") {
      try {
        await pipeline(
          createReadStream("", {
            fd: answer.fd,
            start: 0,
            end: Math.max(0, answer.size - 1),
            autoClose: false,
          }),
          createWriteStream(target),
        );
      } finally {
        closeSync(answer.fd);
      }
      summary.logs++;
      return;
    }
    if (answer.kind === "svg") {
      writeFileSync(target, answer.body);
      summary.plots++;
      return;
    }
    if (answer.status !== 200) {
      // No log to copy, nothing to draw: the run or competition page says why and links to neither.
      if (route.kind === "run-log" || route.kind === "run-score-log" || route.kind === "competition-scores")
        return;
      throw new BenchError(
        "INTERNAL",
        `--export: the page ${file} could not be made (status ${answer.status}).`,
      );
    }
    writeFileSync(target, answer.body);
    if (answer.kind === "html") summary.pages++;
  };

  await write({ kind: "stylesheet" });
  await write({ kind: "leaderboard" });
  for (const stem of await plotStems(viewer.store, "leaderboard", reportParams, viewer.splitMembers))
    await write({ kind: "plot", report: "leaderboard", stem });
  for (const report of ["rebench", "aup"] as const) {
    await write({ kind: report });
    for (const stem of await plotStems(viewer.store, report, reportParams, viewer.splitMembers))
      await write({ kind: "plot", report, stem });
  }
  const { db } = viewer.store;
  const { sweep: sweepId } = viewer;
  const sweepPages = pages(selectSweepsPage(db, { limit: 0, offset: 0, sweepId }).total);
  for (let page = 1; page <= sweepPages; page++) {
    await write({ kind: "sweeps", page });
    for (const sweep of selectSweepsPage(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, sweepId })
      .sweeps) {
      const runs = Object.values(sweepStatusCounts(db, sweep.id)).reduce((a, b) => a + b, 0);
      for (let at = 1; at <= pages(runs); at++) await write({ kind: "sweep", id: sweep.id, page: at });
    }
  }
  await write({ kind: "competitions" });
  // Every run belongs to one competition: its pages reach every run once.
  for (const competition of siteCompetitions(viewer.store, sweepId)) {
    const total = countCompetitionRuns(db, competition.id, sweepId);
    for (let at = 1; at <= pages(total); at++) {
      await write({ kind: "competition", id: competition.id, page: at });
      if (at === 1) await write({ kind: "competition-scores", id: competition.id });
      const { rows } = queryRunList(
        db,
        { competitionId: competition.id, sweepId },
        { limit: PAGE_SIZE, offset: (at - 1) * PAGE_SIZE },
      );
      for (const run of rows) {
        await write({ kind: "run", id: run.id });
        if (run.startedAtMs !== null) await write({ kind: "run-log", id: run.id });
        if (hasScoreLog(db, run.id)) await write({ kind: "run-score-log", id: run.id });
      }
    }
  }
  return summary;
}
