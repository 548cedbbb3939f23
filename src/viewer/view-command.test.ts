// `bench view` as users start it: it prints its URL and serves until Ctrl-C; with --export it writes
// the pages and ends; a mistyped port or a missing store is a usage error, not a stack trace.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LARGE_EXPORT_RUNS, largeExportNote } from "../cli/commands/view.js";
import { runCli } from "../cli/run-cli.js";
import { EXPORT_MARKER } from "./export-site.js";
import { makeViewerStore, type ViewerStore } from "./test-support/viewer-store.js";

let seeded: ViewerStore;
let out: string[];
let err: string[];

beforeAll(async () => {
  seeded = await makeViewerStore();
}, 120_000);

function capture() {
  out = [];
  err = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
}
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("bench view", () => {
  it("prints its loopback URL, serves the store, and stops on Ctrl-C", async () => {
    capture();
    const running = runCli(["node", "bench", "view", "--db", seeded.db]);
    await vi.waitFor(() => expect(out.join("")).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 10_000 });
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.join(""))![0];
    const page = await fetch(new URL("sweeps.html", url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("nightly");
    process.emit("SIGINT");
    await running;
    expect(process.exitCode ?? 0).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("--export writes the pages, and refuses a folder that holds something else", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "bench-view-cli-")), "site");
    capture();
    await runCli(["node", "bench", "view", "--db", seeded.db, "--export", dir]);
    expect(process.exitCode ?? 0).toBe(0);
    // Plots: the demo competition's runs over its leaderboard, and the score logs of the runs that
    // asked for a score (the hostile agent's three).
    const plots = Number(/Wrote \d+ pages, (\d+) plots and 5 agent logs/.exec(out.join(""))?.[1]);
    expect(plots).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(dir, "competitions", "demo-binary-auc", "scores.svg"))).toBe(true);
    const scoreLogs = readdirSync(path.join(dir, "runs"), { recursive: true }).filter((f) =>
      String(f).endsWith("score-log.svg"),
    );
    expect(plots).toBe(1 + scoreLogs.length);
    expect(existsSync(path.join(dir, "index.html"))).toBe(true);
    expect(readdirSync(path.join(dir, "runs")).filter((name) => name.endsWith(".html"))).toHaveLength(5);
    // Exporting again writes over its own earlier export.
    await runCli(["node", "bench", "view", "--db", seeded.db, "--export", dir]);
    expect(process.exitCode ?? 0).toBe(0);
    const other = mkdtempSync(path.join(tmpdir(), "bench-view-other-"));
    writeFileSync(path.join(other, "keep.txt"), "mine");
    await runCli(["node", "bench", "view", "--db", seeded.db, "--export", other]);
    expect(process.exitCode).toBe(2);
    expect(err.join("")).toMatch(/not empty and holds no earlier export/);
    expect(existsSync(path.join(other, EXPORT_MARKER))).toBe(false);
  });

  it("--export --sweep writes one sweep's site: its runs, its competitions, its reports, no link out of it", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "bench-view-cli-")), "extra");
    capture();
    await runCli(["node", "bench", "view", "--db", seeded.db, "--export", dir, "--sweep", "extra"]);
    expect(process.exitCode ?? 0).toBe(0);
    expect(out.join("")).toMatch(/Wrote \d+ pages, \d+ plots and 1 agent logs of sweep extra into /);
    // Sweep "extra" has one run of the five; "nightly" has the other four.
    expect(readdirSync(path.join(dir, "runs")).filter((name) => name.endsWith(".html"))).toHaveLength(1);
    expect(readdirSync(path.join(dir, "sweeps"))).toEqual(["extra.html"]);
    const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
    expect(read("sweeps.html")).not.toContain("nightly");
    expect(read("competitions.html")).toMatch(
      /demo-binary-auc<\/a><\/td>(?:<td>[^<]*<\/td>){4}<td class="num">1<\/td>/,
    );
    expect(read("competitions/demo-binary-auc.html")).toMatch(/<tbody>(?:(?!<\/tbody>)[\s\S])*extra/);
    expect(read("competitions/demo-binary-auc.html")).not.toContain("nightly");
    // The leaderboard is `bench report --sweep extra`'s, and every page says whose site it is.
    expect(read("index.html")).toContain("sweep extra");
    for (const file of ["index.html", "sweeps.html", "competitions.html", "rebench.html"])
      expect(read(file)).toContain('data-scope="extra"');
    // Every link and picture of every page is a file of the export.
    const broken: string[] = [];
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (!file.endsWith(".html")) continue;
      for (const [, target] of read(file).matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (target!.startsWith("data:")) continue;
        const resolved = path.join(dir, path.dirname(file), decodeURIComponent(target!.split(/[?#]/)[0]!));
        if (!existsSync(resolved)) broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("--sweep: an unknown sweep is named with the close ones, and without --export it is a usage error", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "bench-view-cli-")), "site");
    capture();
    await runCli(["node", "bench", "view", "--db", seeded.db, "--export", dir, "--sweep", "nighty"]);
    expect(process.exitCode).toBe(2);
    expect(err.join("")).toMatch(/no sweep "nighty" in the results store \(did you mean "nightly"\?\)/);
    expect(existsSync(dir)).toBe(false);
    capture();
    await runCli(["node", "bench", "view", "--db", seeded.db, "--sweep", "nightly"]);
    expect(process.exitCode).toBe(2);
    expect(err.join("")).toMatch(/--sweep goes with --export/);
  });

  it("says, before exporting a whole store of many runs, how long it takes and how to export one sweep", () => {
    expect(largeExportNote(5)).toBeNull();
    expect(largeExportNote(LARGE_EXPORT_RUNS)).toBeNull();
    expect(largeExportNote(1_000_000)).toMatch(
      /holds 1000000 runs .*\(about 50 min\); --sweep NAME exports one sweep/,
    );
  });

  it("says what is wrong with a bad port or a missing store", async () => {
    capture();
    await runCli(["node", "bench", "view", "--db", seeded.db, "--port", "http"]);
    expect(process.exitCode).toBe(2);
    expect(err.join("")).toMatch(/--port: expected a port number/);
    capture();
    await runCli(["node", "bench", "view", "--db", path.join(seeded.dir, "nope.db")]);
    expect(process.exitCode).toBe(1);
    expect(err.join("")).toMatch(/there is no results store/);
  });
});
