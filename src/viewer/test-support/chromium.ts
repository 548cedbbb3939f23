// Headless Chromium for the viewer's browser tests, driven by playwright-core (no browser download:
// Debian's /usr/bin/chromium, or CHROMIUM_PATH). Started with a fresh profile and without the
// background connections that a closed network refuses. Absent Chromium, the tests skip with the reason
// printed, unless BENCH_REQUIRE_CHROMIUM=1 (CI), where its absence fails them.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const chromiumRequired = process.env.BENCH_REQUIRE_CHROMIUM === "1";

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "bench-viewer-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a user would see as wrong: console errors, uncaught errors, dialogs (alert). */
export interface PageTrouble {
  console: string[];
  errors: string[];
  dialogs: string[];
}

/** Records the trouble of every page of the context from now on. */
export function watchTrouble(page: Page): PageTrouble {
  const trouble: PageTrouble = { console: [], errors: [], dialogs: [] };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") trouble.console.push(message.text());
  });
  page.on("pageerror", (error) => trouble.errors.push(error.message));
  page.on("dialog", (dialog) => {
    trouble.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return trouble;
}

/** A table of the page as the browser shows it: each cell's key, exact value (data-value) and text. */
export interface ShownTable {
  id: string;
  rows: { key: string; value: string | null; text: string }[][];
}

export function shownTables(page: Page): Promise<ShownTable[]> {
  return page.evaluate(`[...document.querySelectorAll("table[data-table]")].map((t) => ({
    id: t.dataset.table,
    rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => ({
      key: c.dataset.key ?? "", value: c.dataset.value ?? null, text: c.textContent,
    }))),
  }))`) as Promise<ShownTable[]>;
}

/** Every link's resolved address on the page. */
export function pageLinks(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll("a[href]")].map((a) => a.href)`) as Promise<string[]>;
}
