// The viewer's second thread: it makes the pages that are whole reports over the store (leaderboard,
// RE-bench, AUP, compare and their plots), which take seconds on a store of a million runs, so that the
// server's own thread keeps answering every other page at once. It opens the store read-only itself and
// answers each request with the site's own `respond`, one at a time: the same page the server would
// make on its own thread. Started by report-pages-cache.ts.

import { parentPort, workerData } from "node:worker_threads";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import { routeOf } from "./page-paths.js";
import { respond, type SiteResponse, type Viewer } from "./site.js";

export interface WorkerRequest {
  id: number;
  segments: string[];
  rawPath: string;
  query: string;
}

export interface WorkerAnswer {
  id: number;
  answer: SiteResponse;
  /** Unexpected errors (bugs) met while making the page, for the server's onError. */
  errors: string[];
}

const store = openReportStore((workerData as { db: string }).db);
let errors: string[] = [];
const viewer: Viewer = {
  store,
  splitMembers: registrySplitMembers(),
  clock: Date.now,
  onError: (error) => errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error)),
};

let queue = Promise.resolve();
parentPort!.on("message", (request: WorkerRequest) => {
  queue = queue.then(async () => {
    errors = [];
    const answer = await respond(
      viewer,
      routeOf(request.segments),
      request.rawPath,
      new URLSearchParams(request.query),
      { static: false },
    );
    parentPort!.postMessage({ id: request.id, answer, errors } satisfies WorkerAnswer);
  });
});
