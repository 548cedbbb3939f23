// The report pages (leaderboard, RE-bench, AUP, compare, plots) as the server answers them: made on a
// second thread (report-worker.ts), since one takes seconds on a store of a million runs, and kept
// until the store changes. A change is SQLite's data_version moving (another connection committed:
// a sweep recording a run, an import). A page asked for again after a change is answered at once with
// the copy made before it, while a fresh one is made for the next asker; only the first request for a
// page waits for it. The server warms the unfiltered pages when it starts.

import { Worker } from "node:worker_threads";
import type { Route } from "./page-paths.js";
import type { WorkerAnswer, WorkerRequest } from "./report-worker.js";
import { routePath, type SiteResponse, type Viewer } from "./site.js";

/** What a page still being made is answered with when the viewer stops: not an error of bench's. */
export class ViewerStopping extends Error {
  constructor() {
    super("bench view is stopping");
  }
}

/** Routes made on the second thread. */
export function isReportRoute(route: Route | null): boolean {
  if (route === null) return false;
  return ["leaderboard", "rebench", "aup", "compare", "plot"].includes(route.kind);
}

/** Pages kept (the unfiltered ones, and the last filters asked for). */
const MAX_ENTRIES = 64;

interface Entry {
  version: number;
  answer: SiteResponse;
}

/** The worker's entry: from the sources (tests, tsx) it needs TypeScript loaded into its thread first. */
function startWorker(db: string): Worker {
  const entry = new URL(
    import.meta.url.endsWith(".ts") ? "./report-worker.ts" : "./report-worker.js",
    import.meta.url,
  );
  const source = import.meta.url.endsWith(".ts")
    ? `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`
    : `import(${JSON.stringify(entry.href)})`;
  return new Worker(source, { eval: true, workerData: { db } });
}

export class ReportPages {
  readonly #viewer: Viewer;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: unknown) => void }>();
  readonly #cache = new Map<string, Entry>();
  readonly #making = new Map<string, Promise<SiteResponse>>();

  constructor(viewer: Viewer) {
    this.#viewer = viewer;
  }

  /** The store's change counter as this connection sees it. */
  #version(): number {
    return this.#viewer.store.sqlite.pragma("data_version", { simple: true }) as number;
  }

  #ask(request: Omit<WorkerRequest, "id">): Promise<WorkerAnswer> {
    if (this.#worker === undefined) {
      const worker = startWorker(this.#viewer.store.path);
      worker.on("message", (message: WorkerAnswer) => {
        const waiting = this.#waiting.get(message.id);
        this.#waiting.delete(message.id);
        waiting?.resolve(message);
      });
      worker.on("error", (error) => {
        for (const waiting of this.#waiting.values()) waiting.reject(error);
        this.#waiting.clear();
        this.#worker = undefined;
      });
      this.#worker = worker;
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker!.postMessage({ id, ...request } satisfies WorkerRequest);
    });
  }

  #make(pagePath: string, query: URLSearchParams): Promise<SiteResponse> {
    const key = `${pagePath}?${query.toString()}`;
    const making = this.#making.get(key);
    if (making !== undefined) return making;
    const version = this.#version();
    const made = this.#ask({ segments: pagePath.split("/"), rawPath: pagePath, query: query.toString() })
      .then(({ answer, errors }) => {
        for (const error of errors) this.#viewer.onError?.(new Error(error));
        this.#cache.delete(key);
        this.#cache.set(key, { version, answer });
        while (this.#cache.size > MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value!);
        return answer;
      })
      .finally(() => this.#making.delete(key));
    this.#making.set(key, made);
    return made;
  }

  #reportError(error: unknown): void {
    if (!(error instanceof ViewerStopping)) this.#viewer.onError?.(error);
  }

  /** The page: the current copy, else the last one while a fresh one is made, else made now. */
  answer(route: Route, query: URLSearchParams): Promise<SiteResponse> {
    const pagePath = routePath(route);
    const cached = this.#cache.get(`${pagePath}?${query.toString()}`);
    if (cached !== undefined && cached.version === this.#version()) return Promise.resolve(cached.answer);
    const fresh = this.#make(pagePath, query);
    if (cached === undefined) return fresh;
    fresh.catch((error: unknown) => this.#reportError(error));
    return Promise.resolve(cached.answer);
  }

  /**
   * Starts making the unfiltered report pages, so that their first visitor does not wait; resolves once
   * the first of them, the leaderboard (the page a visitor lands on), is made, or could not be.
   */
  warm(): Promise<void> {
    const made = ["index.html", "rebench.html", "aup.html"].map((page) =>
      this.#make(page, new URLSearchParams()).then(
        () => undefined,
        (error: unknown) => this.#reportError(error),
      ),
    );
    return made[0]!;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    for (const waiting of this.#waiting.values()) waiting.reject(new ViewerStopping());
    this.#waiting.clear();
    await worker?.terminate();
  }
}
