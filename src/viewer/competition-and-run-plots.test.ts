// The competition page's known issues and its plot of the runs over the real leaderboard, and the run
// page's LLM usage and score-log plot, on a store made by real sweeps (plus usage and a registry
// competition with a known issue written into it, as an import or a usage watcher would).

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCompetition } from "../registry/competition-registry.js";
import { registrySplitMembers } from "../reports/mlebench/registry-split-members.js";
import { openReportStore } from "../reports/open-report-store.js";
import { upsertRegistryCompetitions } from "../store/competitions-repo.js";
import { openStore, type Store } from "../store/open-store.js";
import { queryRunList } from "../store/runs-query.js";
import { readScoreLog } from "../store/score-log-repo.js";
import { replaceRunUsage } from "../store/usage-repo.js";
import { appendValidation } from "../store/validations-repo.js";
import { paths, routeOf } from "./page-paths.js";
import { respond, type SiteResponse, type Viewer } from "./site.js";
import { makeViewerStore, type ViewerStore } from "./test-support/viewer-store.js";

let seeded: ViewerStore;
let store: Store;
let viewer: Viewer;
let runWithLog = "";
let otherRun = "";

beforeAll(async () => {
  seeded = await makeViewerStore();
  const writable = openStore({ path: seeded.db });
  try {
    const runs = queryRunList(
      writable.db,
      { competitionId: "demo-binary-auc" },
      { limit: 100, offset: 0 },
    ).rows;
    runWithLog = runs.find((run) => readScoreLog(writable.db, run.id).length > 0)!.id;
    otherRun = runs.find((run) => run.id !== runWithLog)!.id;
    replaceRunUsage(writable.db, runWithLog, [
      { model: "gpt-x", calls: 3, inputTokens: 1200, outputTokens: 300, costUsd: 0.25 },
      { model: "<b>odd</b>", calls: 1, inputTokens: 10, outputTokens: 5, costUsd: null, unpricedCalls: 1 },
    ]);
    appendValidation(writable.db, runWithLog, {
      atMs: Date.UTC(2026, 10, 30, 1, 0, 0),
      elapsedMs: 60_000,
      verdict: "invalid",
      message: '{"result":"Submission invalid! <script>x</script> missing column \\"id\\""}',
    });
    appendValidation(writable.db, runWithLog, {
      atMs: Date.UTC(2026, 10, 30, 1, 5, 0),
      elapsedMs: 360_000,
      verdict: "valid",
      message: '{"result":"Submission is valid."}',
    });
    const champs = await loadCompetition("champs-scalar-coupling");
    upsertRegistryCompetitions(writable.db, [champs.manifest]);
  } finally {
    writable.close();
  }
  store = openReportStore(seeded.db);
  viewer = { store, splitMembers: registrySplitMembers(), clock: Date.now };
}, 120_000);
afterAll(() => store?.close());

async function get(path: string): Promise<SiteResponse> {
  return respond(viewer, routeOf(path.split("/")), path, new URLSearchParams(), { static: false });
}

describe("a competition's page", () => {
  it("draws its runs over the real leaderboard, with the medal thresholds", async () => {
    const page = await get(paths.competition("demo-binary-auc"));
    expect(page.status).toBe(200);
    expect(page.kind === "html" && page.body).toContain('src="../competitions/demo-binary-auc/scores.svg"');
    const svg = await get(paths.competitionScores("demo-binary-auc"));
    expect(svg.kind).toBe("svg");
    const body = svg.kind === "svg" ? svg.body : "";
    expect(body).toMatch(/^<\?xml/);
    expect(body).toContain("leaderboard entries");
    expect(body).toContain("medal threshold");
    // The demo leaderboard's size is in the subtitle, so the bars come from the real file.
    const rows =
      readFileSync((await loadCompetition("demo-binary-auc")).leaderboardPath!, "utf8")
        .trim()
        .split("\n").length - 1;
    expect(body).toContain(`${rows} leaderboard entries`);
  });

  it("lists the registry's known issues of the competition", async () => {
    const page = await get(paths.competition("champs-scalar-coupling"));
    expect(page.status).toBe(200);
    const body = page.kind === "html" ? page.body : "";
    expect(body).toContain("Known issues");
    expect(body).toContain("Test molecules are missing from structures.csv.");
    expect(body).toContain("openai/mle-bench#70");
    // No run here, but a leaderboard: the plot still shows where the humans are.
    const svg = await get(paths.competitionScores("champs-scalar-coupling"));
    expect(svg.kind).toBe("svg");
  });

  it("has no known-issues section when the registry names none", async () => {
    const page = await get(paths.competition("demo-binary-auc"));
    expect(page.kind === "html" && page.body).not.toContain("Known issues");
  });
});

describe("a run's page", () => {
  it("shows the run's LLM usage per model with totals, escaped", async () => {
    const page = await get(paths.run(runWithLog));
    const body = page.kind === "html" ? page.body : "";
    expect(body).toContain('data-table="usage"');
    expect(body).toContain("gpt-x");
    expect(body).toContain("&lt;b&gt;odd&lt;/b&gt;");
    expect(body).toContain('data-key="tokens">1,515<');
    expect(body).toContain('data-key="total_cost_usd">$0.2500<');
    expect(body).toContain("lower bound");
  });

  it("lists the run's validation requests, escaped, with a count per verdict", async () => {
    const page = await get(paths.run(runWithLog));
    const body = page.kind === "html" ? page.body : "";
    expect(body).toContain('data-validations="2"');
    expect(body).toContain("1 invalid, 1 valid");
    expect(body).toContain("Submission is valid.");
    expect(body).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(body).not.toContain("<script>x");
    const other = await get(paths.run(otherRun));
    expect(other.kind === "html" && other.body).toContain("did not ask bench to validate");
  });

  it("shows the time a run waited to start apart from its own duration", async () => {
    const page = await get(paths.run(runWithLog));
    const body = page.kind === "html" ? page.body : "";
    expect(body).toMatch(/<th scope="row">waited to start<\/th><td[^>]*>[^<]*\d/);
    expect(body).toMatch(/<th scope="row">duration<\/th>/);
  });

  it("says when a run recorded no usage", async () => {
    const page = await get(paths.run(otherRun));
    expect(page.kind === "html" && page.body).toContain("recorded no LLM usage");
  });

  it("draws the score log over time when it has scores, and 404s otherwise", async () => {
    const page = await get(paths.run(runWithLog));
    expect(page.kind === "html" && page.body).toContain("/score-log.svg");
    const svg = await get(paths.runScoreLog(runWithLog));
    expect(svg.kind).toBe("svg");
    expect(svg.kind === "svg" && svg.body).toContain("hours since the run started");
    const none = await get(paths.runScoreLog(otherRun));
    expect(none.status).toBe(404);
  });
});

describe("routes of the plots", () => {
  it("round-trip through their paths, hostile ids included", () => {
    const id = "a/../b:<x>";
    expect(routeOf(paths.runScoreLog(id).split("/"))).toEqual({ kind: "run-score-log", id });
    expect(routeOf(paths.competitionScores(id).split("/"))).toEqual({ kind: "competition-scores", id });
    expect(routeOf(["competitions", "x", "other.svg"])).toBeNull();
  });
});
