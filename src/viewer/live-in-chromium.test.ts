// The live part in headless Chromium: a real sweep (local runtime, an agent that takes a few seconds)
// writes into the store while its page and one of its runs' pages are open; their status parts move to
// finished without a reload, through live.js polling the status JSON under the strict policy, and the
// polling stops once the sweep is finished. An export made while the sweep runs has no live part.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSweep } from "../config/sweep-schema.js";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import { executeSweep, loadAgents } from "../scheduler/execute-sweep.js";
import type { Store } from "../store/open-store.js";
import { exportSite } from "./export-site.js";
import { paths } from "./page-paths.js";
import { startViewerServer, type ViewerServer } from "./server.js";
import type { Viewer } from "./site.js";
import {
  type Browser,
  chromiumAvailable,
  chromiumRequired,
  launchChromium,
  watchTrouble,
} from "./test-support/chromium.js";

const runnable = chromiumAvailable || chromiumRequired;
const SWEEP = "live";
/** Long enough for the pages to see the runs running, short enough for a test. */
const AGENT_SECONDS = 6;

let dir: string;
let browser: Browser;
const serverErrors: unknown[] = [];

beforeAll(async () => {
  if (!runnable) return;
  dir = mkdtempSync(path.join(tmpdir(), "bench-view-live-"));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startSlowSweep(db: string) {
  const agent = path.join(dir, "slow.yaml");
  const script = `sleep ${AGENT_SECONDS}; cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"`;
  writeFileSync(
    agent,
    `name: slow\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 0.5\n`,
  );
  const config = parseSweep(
    { name: SWEEP, agents: [agent], competitions: ["demo-binary-auc"], seeds: 2, cpus: 2, memory_gb: 4 },
    "test",
  );
  return loadAgents([agent]).then((agents) =>
    executeSweep(config, agents, { dbPath: db, runsRoot: path.join(dir, "runs") }),
  );
}

/** The page's own document, as a function run in the page sees it (the tests have no DOM types). */
type PageDocument = { querySelector(selector: string): { textContent: string | null } | null };

/**
 * Waits until the element shows `text`. A function, not a string: the page's policy forbids eval, and
 * Playwright evaluates a string predicate with it.
 */
function waitForText(page: Page, selector: string, text: string) {
  return page.waitForFunction(
    ([sel, want]) =>
      (globalThis as unknown as { document: PageDocument }).document.querySelector(sel)?.textContent === want,
    [selector, text] as const,
    { timeout: 10_000 },
  );
}

const statusText = (page: Page) => page.locator("[data-live-field=status]").textContent();
const countOf = (page: Page, status: string) =>
  page.evaluate(
    `document.querySelector('table[data-table=status_counts] td[data-status="${status}"]')?.textContent ?? null`,
  );

describe.skipIf(!runnable)("the live part of the sweep and run pages", () => {
  it("follows a running sweep to finished without a reload, then stops polling", async () => {
    const db = path.join(dir, "bench.db");
    const sweep = startSlowSweep(db);
    let store: Store | undefined;
    let server: ViewerServer | undefined;
    try {
      // The sweep's row and its runs exist once it has started them.
      store = await until("the store", () => {
        try {
          return openReportStore(db);
        } catch {
          return undefined;
        }
      });
      const opened = store;
      const running = await until("a running run", () => {
        const row = opened.sqlite
          .prepare("select id from runs where sweep_id = ? and status = 'running' limit 1")
          .get(SWEEP) as { id: string } | undefined;
        return row?.id;
      });
      const viewer: Viewer = {
        store: opened,
        splitMembers: registrySplitMembers(),
        clock: Date.now,
        onError: (e) => serverErrors.push(e),
      };
      server = await startViewerServer(viewer, { port: 0 });

      const sweepPage = await browser.context.newPage();
      const runPage = await browser.context.newPage();
      const trouble = [watchTrouble(sweepPage), watchTrouble(runPage)];
      const loads = { sweep: 0, run: 0 };
      sweepPage.on("load", () => loads.sweep++);
      runPage.on("load", () => loads.run++);
      const polls: string[] = [];
      sweepPage.on("request", (r) => {
        if (r.url().endsWith("/status.json")) polls.push(r.url());
      });
      await sweepPage.goto(new URL(paths.sweep(SWEEP), server.url).href);
      await runPage.goto(new URL(paths.run(running), server.url).href);
      expect(await statusText(sweepPage)).toBe("running");
      expect(await countOf(sweepPage, "completed")).toBeNull();
      expect(await runPage.locator("[data-live-field=outcome]").textContent()).toBe("running");

      // An export made now is a snapshot: no script, nothing live.
      const exported = mkdtempSync(path.join(tmpdir(), "bench-view-live-export-"));
      await exportSite(viewer, exported);
      const snapshot = readFileSync(path.join(exported, ...paths.sweep(SWEEP).split("/")), "utf8");
      expect(snapshot).not.toMatch(/<script|data-live=/);

      const result = await sweep;
      expect(result.exitCode).toBe(0);
      await waitForText(sweepPage, "[data-live-field=status]", "finished");
      expect(await countOf(sweepPage, "completed")).toBe("2");
      expect(await countOf(sweepPage, "running")).toBeNull();
      await waitForText(runPage, "[data-live-field=outcome]", "completed");
      expect(await runPage.locator("[data-live-field=outcome-label]").textContent()).toBe(
        "finished; its grade counts",
      );
      // The same documents all along, each loaded once.
      expect(loads).toEqual({ sweep: 1, run: 1 });
      // Once finished, no more polling.
      const seen = polls.length;
      expect(seen).toBeGreaterThan(0);
      await sweepPage.waitForTimeout(5_000);
      expect(polls.length).toBe(seen);
      for (const page of [sweepPage, runPage]) {
        const scripts = (await page.evaluate(
          "[...document.querySelectorAll('script')].map((s) => s.src + '|' + s.textContent)",
        )) as string[];
        expect(scripts).toEqual([new URL("live.js|", server.url).href]);
      }
      expect(trouble).toEqual([
        { console: [], errors: [], dialogs: [] },
        { console: [], errors: [], dialogs: [] },
      ]);
      expect(serverErrors).toEqual([]);
      // A finished sweep's page, opened now, has no live part at all.
      await sweepPage.reload();
      expect(await sweepPage.evaluate("document.querySelectorAll('script').length")).toBe(0);
    } finally {
      await sweep.catch(() => undefined);
      await server?.close();
      store?.close();
    }
  }, 90_000);
});
