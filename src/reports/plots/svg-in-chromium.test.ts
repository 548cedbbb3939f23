// Opens the report's SVG plots in headless Chromium, as a browser and as an <img> in a page (what a
// Markdown viewer does), and checks the screenshots show a drawing. Chromium is optional on a developer
// machine: without it this file skips with the reason printed, unless BENCH_REQUIRE_CHROMIUM=1 (CI),
// where a missing Chromium fails.

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeAup } from "../aup/aup-analysis.js";
import { aupPlots } from "../aup/aup-report.js";
import type { AupScoreRow } from "../queries/aup-scores.js";
import { inkStats, readPng } from "../test-support/png.js";
import { renderSvg } from "./render-svg.js";

const run = promisify(execFile);

function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const candidate = path.join(dir, name);
      if (dir !== "" && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const chromium = findChromium();
const required = process.env.BENCH_REQUIRE_CHROMIUM === "1";
if (chromium === undefined && !required) {
  console.warn(
    "svg-in-chromium.test.ts: skipped, no Chromium found (install it with `apt-get install -y chromium`, " +
      "or set CHROMIUM_PATH); set BENCH_REQUIRE_CHROMIUM=1 to make this a failure.",
  );
}

const dir = mkdtempSync(path.join(tmpdir(), "bench-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function screenshot(url: string, name: string): Promise<Uint8Array> {
  const out = path.join(dir, `${name}.png`);
  await run(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--hide-scrollbars",
      `--user-data-dir=${path.join(dir, `profile-${name}`)}`,
      "--window-size=900,600",
      `--screenshot=${out}`,
      url,
    ],
    { timeout: 90_000 },
  );
  return readFileSync(out);
}

/** A performance-profile plot from a small real-looking pool: three methods over three tasks. */
async function profilePlot(): Promise<string> {
  const row = (agentId: number, competitionId: string, score: number, baseline: number): AupScoreRow => ({
    agentId,
    competitionId,
    runGroup: null,
    direction: "higher",
    lowerBetterMax: null,
    runs: 1,
    scoreMax: score,
    scoreMin: score,
    lastScoreMax: score * 0.95,
    lastScoreMin: score * 0.95,
    baselineMin: baseline,
    baselineMax: baseline,
  });
  const rows = [
    row(1, "cifar10", 0.9, 0.5),
    row(2, "cifar10", 0.7, 0.5),
    row(1, "mnli", 0.6, 0.52),
    row(2, "mnli", 0.8, 0.52),
  ];
  const analysis = analyzeAup(
    rows,
    new Map([
      [1, "gpt-o1"],
      [2, "claude-35-sonnet"],
    ]),
  );
  return renderSvg(aupPlots([{ analysis }])[0]!.spec);
}

describe.skipIf(chromium === undefined && !required)("SVG plots in headless Chromium", () => {
  it("finds Chromium (BENCH_REQUIRE_CHROMIUM=1 makes its absence a failure)", () => {
    expect(chromium, "no Chromium on PATH or CHROMIUM_PATH").toBeDefined();
  });

  it("renders the SVG file itself and as an <img> in a page, with visible lines and text", async () => {
    const svgFile = path.join(dir, "aup-profiles.svg");
    writeFileSync(svgFile, await profilePlot());
    // A Markdown viewer shows ![...](file.svg) as an <img>: no scripts, sized by the SVG's own width/height.
    const page = path.join(dir, "page.html");
    writeFileSync(
      page,
      `<!doctype html><body style="margin:0;background:#fff"><img src="aup-profiles.svg"></body>`,
    );
    for (const [name, url] of [
      ["direct", pathToFileURL(svgFile).href],
      ["img", pathToFileURL(page).href],
    ] as const) {
      const image = readPng(await screenshot(url, name));
      expect(image.width).toBe(900);
      const { inked, colours } = inkStats(image);
      // Axes, labels and three coloured curves: thousands of non-white pixels, many colours.
      expect(inked, name).toBeGreaterThan(5_000);
      expect(colours, name).toBeGreaterThan(20);
    }
  });
});
