// The RE-bench, AUP and compare pages in headless Chromium, on stores of real results imported the way
// users import them (METR's RE-bench runs; MLGym's scores): every number equals `bench report
// rebench|aup --format json` (and `bench compare --format json`), every plot is the same SVG that
// `--plots` writes, shown through <img> under the strict policy, with no console error; and the same
// pages, plots included, open from file:// after `bench view --export`.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../cli/test-support/run-bench.js";
import { packageRoot } from "../registry/package-root.js";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import type { Store } from "../store/open-store.js";
import { exportSite } from "./export-site.js";
import { PLOT_CSP } from "./security-headers.js";
import { startViewerServer, type ViewerServer } from "./server.js";
import type { Viewer } from "./site.js";
import {
  type Browser,
  chromiumAvailable,
  chromiumRequired,
  launchChromium,
  type PageTrouble,
  shownTables,
  watchTrouble,
} from "./test-support/chromium.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const METR = path.join(SHARED, "rebench", "metr-runs.csv");
const MLGYM = path.join(SHARED, "mlgym", "scores.csv");
const haveData = existsSync(METR) && existsSync(MLGYM);
const runnable = (chromiumAvailable || chromiumRequired) && haveData;
if (!runnable) console.warn("report-pages-in-chromium.test.ts: skipped (no Chromium, or no shared/ data)");

const METR_MAP = "agent=alias,competition=task_family,run=run_id,score=score,time_limit=time_limit";
const MLGYM_MAP =
  "agent=model,competition=task_id,score=best_attempt_at4,last_score=best_submission_at4,baseline=baseline,direction=direction,group=dataset";

interface Served {
  db: string;
  store: Store;
  viewer: Viewer;
  server: ViewerServer;
}

const serverErrors: unknown[] = [];
let rebench: Served;
let aup: Served;
let browser: Browser;

async function importInto(file: string, ...flags: string[]): Promise<string> {
  const db = path.join(mkdtempSync(path.join(tmpdir(), "bench-view-reports-")), "bench.db");
  const imported = await bench("import", "csv", file, ...flags, "--db", db);
  expect(imported.code, imported.stderr).toBe(0);
  return db;
}

async function serve(db: string): Promise<Served> {
  const store = openReportStore(db);
  const viewer: Viewer = {
    store,
    splitMembers: registrySplitMembers(),
    clock: Date.now,
    onError: (e) => serverErrors.push(e),
  };
  return { db, store, viewer, server: await startViewerServer(viewer, { port: 0 }) };
}

beforeAll(async () => {
  if (!runnable) return;
  rebench = await serve(await importInto(METR, "--normalized", "--map", METR_MAP));
  aup = await serve(await importInto(MLGYM, "--map", MLGYM_MAP));
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const served of [rebench, aup]) {
    await served?.server.close();
    served?.store.close();
  }
});

interface JsonReport {
  tables: { id: string; columns: { key: string }[]; rows: Record<string, unknown>[] }[];
}

async function benchJson(...args: string[]): Promise<JsonReport> {
  const out = await bench(...args, "--format", "json");
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as JsonReport;
}

/** Every table of `json` is on the page, row for row, each cell's exact value as JSON gives it. */
async function expectTables(page: Page, json: JsonReport): Promise<void> {
  const shown = await shownTables(page);
  expect(shown.map((t) => t.id)).toEqual(json.tables.map((t) => t.id));
  expect(json.tables.some((t) => t.rows.length > 0)).toBe(true);
  json.tables.forEach((table, i) => {
    const rows = shown[i]!.rows;
    expect(rows.length, table.id).toBe(table.rows.length);
    table.rows.forEach((row, r) => {
      expect(rows[r]!.map((cell) => cell.key)).toEqual(table.columns.map((c) => c.key));
      for (const cell of rows[r]!)
        expect(JSON.parse(cell.value!), `${table.id} ${cell.key}`).toEqual(row[cell.key]);
    });
  });
}

/** The plots the page shows: each image's address, and whether the browser drew it. */
function shownPlots(page: Page): Promise<{ src: string; drawn: boolean }[]> {
  return page.evaluate(`Promise.all([...document.querySelectorAll("figure.plot img")].map(async (img) => {
    try { await img.decode(); } catch {}
    return { src: img.src, drawn: img.complete && img.naturalWidth > 0 };
  }))`) as Promise<{ src: string; drawn: boolean }[]>;
}

/** The files `bench report <kind> --plots DIR` writes, by name. */
async function plotFiles(db: string, kind: string): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-view-plots-"));
  const out = await bench("report", kind, "--db", db, "--plots", dir);
  expect(out.code, out.stderr).toBe(0);
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

function expectNoTrouble(page: Page, trouble: PageTrouble, where: string): Promise<void> {
  expect(trouble, where).toEqual({ console: [], errors: [], dialogs: [] });
  return expect(page.evaluate("document.querySelectorAll('script').length")).resolves.toBe(0);
}

describe.skipIf(!runnable)("the report pages in headless Chromium", () => {
  for (const kind of ["rebench", "aup"] as const) {
    it(`shows \`bench report ${kind}\`'s numbers and plots, linked from the navigation`, async () => {
      const served = kind === "rebench" ? rebench : aup;
      const page = await browser.context.newPage();
      const trouble = watchTrouble(page);
      await page.goto(served.server.url);
      await page.getByRole("link", { name: kind === "rebench" ? "RE-bench" : "AUP", exact: true }).click();
      expect(page.url()).toBe(new URL(`${kind}.html`, served.server.url).href);
      await expectTables(page, await benchJson("report", kind, "--db", served.db));
      const plots = await shownPlots(page);
      const files = await plotFiles(served.db, kind);
      expect(plots.map((p) => path.basename(new URL(p.src).pathname)).sort()).toEqual(
        [...files.keys()].sort(),
      );
      expect(plots.every((p) => p.drawn)).toBe(true);
      for (const plot of plots) {
        const answer = await page.request.get(plot.src);
        expect(answer.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
        expect(answer.headers()["content-security-policy"]).toBe(PLOT_CSP);
        expect(await answer.text()).toBe(files.get(path.basename(new URL(plot.src).pathname)));
      }
      await expectNoTrouble(page, trouble, `${kind} page`);
      expect(serverErrors).toEqual([]);
      await page.close();
    });
  }

  it("filters the RE-bench page as the report's flags do, plots included", async () => {
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    await page.goto(new URL("rebench.html?agents=o1-preview,GPT-4o&budget=2h", rebench.server.url).href);
    const flags = ["--agents", "o1-preview,GPT-4o", "--budget", "2h"];
    await expectTables(page, await benchJson("report", "rebench", "--db", rebench.db, ...flags));
    const plots = await shownPlots(page);
    expect(plots.length).toBeGreaterThan(0);
    expect(plots.every((p) => p.drawn && p.src.includes("agents=o1-preview"))).toBe(true);
    await expectNoTrouble(page, trouble, "filtered rebench page");
    await page.close();
  });

  it("compares two agents as `bench compare` does", async () => {
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    await page.goto(rebench.server.url);
    await page.getByRole("link", { name: "Compare", exact: true }).click();
    await page.fill("input[name=a]", "GPT-4o");
    await page.fill("input[name=b]", "o1-preview");
    await page.selectOption("select[name=metric]", "normalized_score");
    await page.click("button[type=submit]");
    const flags = ["--metric", "normalized_score", "--db", rebench.db];
    await expectTables(page, await benchJson("compare", "GPT-4o", "o1-preview", ...flags));
    await expectNoTrouble(page, trouble, "compare page");
    // A side that names nothing: bench's own message, on the page.
    await page.goto(new URL("compare.html?a=GPT-4o&b=nobody", rebench.server.url).href);
    expect(await page.locator("p.problem").textContent()).toMatch(/nobody/);
    await page.close();
  });

  it("exports the report pages with their plots, which open from file://", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-view-export-"));
    const summary = await exportSite(rebench.viewer, dir);
    const files = await plotFiles(rebench.db, "rebench");
    // The report's plots, besides the competitions' and the runs' own.
    expect(readdirSync(path.join(dir, "plots", "rebench")).sort()).toEqual([...files.keys()].sort());
    expect(summary.plots).toBeGreaterThanOrEqual(files.size);
    const page = await browser.context.newPage();
    const trouble = watchTrouble(page);
    await page.goto(pathToFileURL(path.join(dir, "rebench.html")).href);
    await expectTables(page, await benchJson("report", "rebench", "--db", rebench.db));
    const plots = await shownPlots(page);
    expect(plots).toHaveLength(files.size);
    expect(plots.every((p) => p.drawn)).toBe(true);
    expect(await page.getByRole("link", { name: "Compare", exact: true }).count()).toBe(0);
    // AUP of RE-bench runs has no baseline: the page says so instead of failing the export.
    await page.goto(pathToFileURL(path.join(dir, "aup.html")).href);
    expect(await page.locator("p.problem").textContent()).toMatch(/baseline/);
    await expectNoTrouble(page, trouble, "exported report pages");
    await page.close();
  });
});
