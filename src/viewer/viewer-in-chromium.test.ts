// bench view end to end: a store made by real sweeps (one agent's log is hostile), the server on a free
// port, and headless Chromium loading every page, following links from the leaderboard to a sweep to a
// run, comparing the leaderboard with `bench report`, and watching for console errors and for any
// script of the agent's running. Then the same for the static export, opened from file://.

import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import type { Store } from "../store/open-store.js";
import { exportSite } from "./export-site.js";
import { startViewerServer, type ViewerServer } from "./server.js";
import type { Viewer } from "./site.js";
import {
  type Browser,
  chromiumAvailable,
  chromiumRequired,
  launchChromium,
  type PageTrouble,
  pageLinks,
  shownTables,
  watchTrouble,
} from "./test-support/chromium.js";
import { HOSTILE_LOG_LINE, makeViewerStore, type ViewerStore } from "./test-support/viewer-store.js";

if (!chromiumAvailable && !chromiumRequired) {
  console.warn(
    "viewer-in-chromium.test.ts: skipped, no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`, " +
      "or set CHROMIUM_PATH); set BENCH_REQUIRE_CHROMIUM=1 to make this a failure.",
  );
}

let seeded: ViewerStore;
let store: Store;
let viewer: Viewer;
let server: ViewerServer;
let browser: Browser;
const serverErrors: unknown[] = [];

beforeAll(async () => {
  if (!chromiumAvailable && !chromiumRequired) return;
  seeded = await makeViewerStore();
  store = openReportStore(seeded.db);
  viewer = {
    store,
    splitMembers: registrySplitMembers(),
    clock: Date.now,
    onError: (e) => serverErrors.push(e),
  };
  server = await startViewerServer(viewer, { port: 0 });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
});

/** `bench report ...` run as users run it, its stdout. */
async function benchReport(...args: string[]): Promise<string> {
  const out: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    process.exitCode = undefined;
    await runCli(["node", "bench", "report", "--db", seeded.db, ...args]);
    expect(process.exitCode ?? 0).toBe(0);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
  return out.join("");
}

/** The cell texts of each Markdown table, in order. */
function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      current = [];
      tables.push(current);
    } else if (current !== null && line.startsWith("|")) {
      const cells = line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((cell) => cell.replace(/\\\|/g, "|").replace(/\\\\/g, "\\"));
      current.push(cells);
    }
  }
  return tables.map((rows) => rows.slice(2)); // header and rule
}

/** The page shows exactly `bench report`'s tables: JSON's values in data-value, Markdown's text. */
async function expectSameAsReport(page: Page, ...filters: string[]): Promise<void> {
  const json = JSON.parse(await benchReport("--format", "json", ...filters)) as {
    tables: { id: string; columns: { key: string }[]; rows: Record<string, unknown>[] }[];
  };
  const markdown = markdownTables(await benchReport("--format", "markdown", ...filters));
  const shown = (await shownTables(page)).filter((t) => json.tables.some((j) => j.id === t.id));
  expect(shown.map((t) => t.id)).toEqual(json.tables.map((t) => t.id));
  expect(json.tables[0]!.rows.length).toBeGreaterThan(0);
  json.tables.forEach((table, i) => {
    const rows = shown[i]!.rows;
    expect(rows.length, table.id).toBe(table.rows.length);
    table.rows.forEach((row, r) => {
      expect(rows[r]!.map((cell) => cell.key)).toEqual(table.columns.map((c) => c.key));
      for (const cell of rows[r]!)
        expect(JSON.parse(cell.value!), `${table.id} ${cell.key}`).toEqual(row[cell.key]);
      expect(rows[r]!.map((cell) => cell.text)).toEqual(markdown[i]![r]);
    });
  });
}

/** The page is whole: no trouble, no script of the agent's ran, the stylesheet applied. */
async function expectHealthy(page: Page, trouble: PageTrouble, where: string): Promise<void> {
  expect(trouble, where).toEqual({ console: [], errors: [], dialogs: [] });
  expect(await page.evaluate("typeof window.__pwned"), where).toBe("undefined");
  expect(await page.evaluate("document.querySelectorAll('script').length"), where).toBe(0);
  expect(await page.evaluate("getComputedStyle(document.body).maxWidth"), where).toBe("1200px");
}

const isDownload = (href: string) => href.endsWith("/agent.log") || href.includes("/files/");

/** Visits every page linked from `start`, within `inside`; returns the pages and the downloads seen. */
async function crawl(page: Page, trouble: PageTrouble, start: string, inside: (href: string) => boolean) {
  const seen = new Set<string>([start]);
  const queue = [start];
  const downloads = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await page.goto(url);
    if (response !== null) expect(response.status(), url).toBe(200);
    await expectHealthy(page, trouble, url);
    for (const raw of await pageLinks(page)) {
      const href = raw.split("#")[0]!;
      if (!inside(href) || seen.has(href)) continue;
      seen.add(href);
      if (isDownload(href)) downloads.add(href);
      else queue.push(href);
    }
  }
  return { pages: [...seen].filter((href) => !downloads.has(href)), downloads: [...downloads] };
}

describe.skipIf(!chromiumAvailable && !chromiumRequired)("bench view in headless Chromium", () => {
  it("finds Chromium (BENCH_REQUIRE_CHROMIUM=1 makes its absence a failure)", () => {
    expect(chromiumAvailable, "no Chromium at /usr/bin/chromium or CHROMIUM_PATH").toBe(true);
  });

  it("shows the leaderboard of `bench report`, whole and filtered by sweep", async () => {
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    await page.goto(server.url);
    await expectSameAsReport(page);
    await expectHealthy(page, trouble, "leaderboard");
    await page.fill("input[name=sweep]", "nightly");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).searchParams.get("sweep")).toBe("nightly");
    await expectSameAsReport(page, "--sweep", "nightly");
    await expectHealthy(page, trouble, "leaderboard of nightly");
    // Missing runs counted as no submission: numbers in every cell, not "-".
    await page.goto(new URL("index.html?split=demo&pad_missing=1", server.url).href);
    await expectSameAsReport(page, "--split", "demo", "--pad-missing");
    expect(await page.locator("td[data-key=demo]").first().textContent()).toMatch(/^\d+\.\d ± \d+\.\d$/);
    await expectHealthy(page, trouble, "leaderboard of demo, padded");
    await page.close();
  });

  it("follows links from the leaderboard to a sweep to a run, whose hostile log shows as text", async () => {
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    await page.goto(server.url);
    await page.getByRole("link", { name: "nightly", exact: true }).click();
    expect(page.url()).toBe(new URL("sweeps/nightly.html", server.url).href);
    const counts = Object.fromEntries(
      await Promise.all(
        (await page.locator("td[data-status]").all()).map(async (cell) => [
          await cell.getAttribute("data-status"),
          Number(await cell.textContent()),
        ]),
      ),
    );
    expect(counts).toEqual({ completed: 2, agent_error: 2 });
    await page.getByRole("link", { name: /^nightly:hostile-.*:1$/ }).click();
    await expectHealthy(page, trouble, "run page");
    expect(await page.locator("[data-status]").first().textContent()).toBe("completed");
    const log = (await page.locator("pre.log").textContent())!;
    expect(log).toContain(HOSTILE_LOG_LINE);
    expect(log).toContain("TITLE set");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the page
    expect(log).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(await page.locator("table[data-table=score_log] td").nth(2).textContent()).toBe("0.5");
    expect(await page.locator("table[data-table=grade] td[data-key=score]").textContent()).toBe("0.5");
    // The whole log, downloaded as the link gives it, is the file itself.
    const href = await page.getByRole("link", { name: "download the whole log" }).getAttribute("href");
    const download = await page.request.get(new URL(href!, page.url()).href);
    expect(download.status()).toBe(200);
    const runDir = (await page.locator("th:text-is('folder') + td").textContent())!;
    expect(Buffer.from(await download.body()).equals(readFileSync(path.join(runDir, "agent.log")))).toBe(
      true,
    );
    await page.close();
  });

  it("loads every page the site links to, without a console error or a script run", async () => {
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    const origin = new URL(server.url).origin;
    const { pages, downloads } = await crawl(page, trouble, server.url, (href) => href.startsWith(origin));
    // Leaderboard (and its sweep filter), 2 lists, 2 sweeps, 1 competition, 5 runs.
    expect(pages.length).toBeGreaterThanOrEqual(11);
    expect(pages.filter((p) => p.includes("/runs/"))).toHaveLength(5);
    expect(downloads.length).toBeGreaterThan(5);
    expect(serverErrors).toEqual([]);
    await page.close();
  });

  it("exports the same pages as static files that open from file://", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-view-export-"));
    const summary = await exportSite(viewer, dir);
    expect(summary.logs).toBe(5);
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    const start = pathToFileURL(path.join(dir, "index.html")).href;
    await page.goto(start);
    await expectSameAsReport(page);
    const root = pathToFileURL(dir).href;
    const { pages, downloads } = await crawl(page, trouble, start, (href) => href.startsWith(root));
    expect(pages.filter((p) => p.includes("/runs/"))).toHaveLength(5);
    expect(pages.length).toBe(summary.pages);
    // Each run's log is there, whole; no other file of a run's folder is.
    expect(downloads).toHaveLength(5);
    for (const href of downloads) {
      expect(href).toMatch(/\/agent\.log$/);
      expect(existsSync(fileURLToPath(href))).toBe(true);
    }
    expect(readFileSync(fileURLToPath(downloads[0]!), "utf8")).toMatch(/^(line 1|boom)/);
    await page.close();
  });

  it("exports one sweep's site (--sweep): `bench report --sweep`'s numbers, that sweep's runs alone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-view-export-"));
    const summary = await exportSite({ ...viewer, sweep: "nightly" }, dir);
    expect(summary.logs).toBe(4);
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    const start = pathToFileURL(path.join(dir, "index.html")).href;
    await page.goto(start);
    await expectSameAsReport(page, "--sweep", "nightly");
    const root = pathToFileURL(dir).href;
    // Every link of the site opens a page of the export: nothing points at the other sweep.
    const { pages } = await crawl(page, trouble, start, (href) => href.startsWith("file:"));
    expect(pages.every((p) => p.startsWith(root))).toBe(true);
    expect(pages.filter((p) => p.includes("/runs/"))).toHaveLength(4);
    expect(pages.filter((p) => p.includes("/sweeps/"))).toEqual([`${root}/sweeps/nightly.html`]);
    expect(pages.length).toBe(summary.pages);
    await page.close();
  });
});
