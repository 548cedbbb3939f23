import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompetitionReport } from "../grading/grade-report.js";
import { readLeaderboard } from "../grading/leaderboard.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { aggregateMlebench, compareCodePoints, type RunGroup } from "../reports/stats/mlebench-aggregate.js";
import { getCompetition } from "../store/competitions-repo.js";
import { getGrade, gradeToReport } from "../store/grades-repo.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importMlebenchReport, importMlebenchReports } from "./import-mlebench.js";

const registry = new CompetitionRegistry();
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.dispose());

function entry(competition: string, medal: "gold" | "none" | "invalid"): CompetitionReport {
  return {
    competition_id: competition,
    score: medal === "invalid" ? null : medal === "gold" ? 0.9 : 0.5,
    gold_threshold: 0.82066,
    silver_threshold: 0.81388,
    bronze_threshold: 0.80967,
    median_threshold: 0.79565,
    any_medal: medal === "gold",
    gold_medal: medal === "gold",
    silver_medal: false,
    bronze_medal: false,
    above_median: medal === "gold",
    submission_exists: medal !== "invalid",
    valid_submission: medal !== "invalid",
    is_lower_better: false,
    created_at: "2024-10-08T12:00:00Z",
    submission_path: `/submissions/${competition}.csv`,
    error: null,
    notes: [],
  };
}

/** Writes a report where MLE-bench writes it: runs/<group>/<timestamp>_grading_report.json. */
function writeReport(
  group: string,
  entries: CompetitionReport[],
  name = "2024-10-09T01-02-03-GMT_grading_report.json",
) {
  const dir = path.join(store.dir, "runs", group);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ total_runs: entries.length, competition_reports: entries }, null, 2));
  return file;
}

/** What `bench report` reads: the agent's runs grouped by run group, in (competition, seed) order. */
function storedRunGroups(agent: string): RunGroup[] {
  const rows = store.sqlite
    .prepare(
      `select r.run_group as grp, r.competition_id, r.seed, g.submission_exists, g.valid_submission,
              g.above_median, g.gold_medal, g.silver_medal, g.bronze_medal
         from runs r join grades g on g.run_id = r.id join agents a on a.id = r.agent_id
        where a.name = ? order by r.competition_id, r.seed`,
    )
    .all(agent) as Record<string, string | number>[];
  const groups = new Map<string, RunGroup & { entries: unknown[] }>();
  for (const row of rows) {
    const name = String(row.grp);
    if (!groups.has(name)) groups.set(name, { name, entries: [] });
    groups.get(name)!.entries.push({
      competition_id: String(row.competition_id),
      submission_exists: row.submission_exists === 1,
      valid_submission: row.valid_submission === 1,
      above_median: row.above_median === 1,
      gold_medal: row.gold_medal === 1,
      silver_medal: row.silver_medal === 1,
      bronze_medal: row.bronze_medal === 1,
    });
  }
  return [...groups.values()].sort((a, b) => compareCodePoints(a.name, b.name));
}

const count = (table: string) => store.sqlite.prepare(`select count(*) from ${table}`).pluck().get();

describe("importMlebenchReport", () => {
  it("imports one report per run group, named after the folder of a generically named report", async () => {
    const g2 = writeReport("group2", [
      entry("spaceship-titanic", "gold"),
      entry("denoising-dirty-documents", "none"),
    ]);
    const g10 = writeReport("group10", [
      entry("denoising-dirty-documents", "invalid"),
      entry("spaceship-titanic", "none"),
    ]);
    const summaries = await importMlebenchReports(store.db, [g2, g10], { agent: "aide", registry });
    expect(summaries.map((s) => [s.status, s.runs, s.runGroups])).toEqual([
      ["imported", 2, ["group2"]],
      ["imported", 2, ["group10"]],
    ]);
    const runs = store.sqlite
      .prepare("select run_group, competition_id, seed, status from runs order by run_group, competition_id")
      .all();
    expect(runs).toEqual([
      { run_group: "group10", competition_id: "denoising-dirty-documents", seed: 0, status: "completed" },
      { run_group: "group10", competition_id: "spaceship-titanic", seed: 0, status: "completed" },
      { run_group: "group2", competition_id: "denoising-dirty-documents", seed: 0, status: "completed" },
      { run_group: "group2", competition_id: "spaceship-titanic", seed: 0, status: "completed" },
    ]);
    expect(getCompetition(store.db, "spaceship-titanic")).toMatchObject({
      kind: "kaggle",
      origin: "registry",
    });
  });

  it("gives the seeds SCORING.md §2 defines: run groups in text order ('group10' before 'group2')", async () => {
    await importMlebenchReports(
      store.db,
      [
        writeReport("group2", [entry("spaceship-titanic", "gold")]),
        writeReport("group10", [entry("spaceship-titanic", "none")]),
      ],
      { agent: "aide", registry },
    );
    const aggregate = aggregateMlebench(storedRunGroups("aide"), ["spaceship-titanic"], {
      padMissing: false,
    });
    // Seed 0 is group10 (no medal), seed 1 is group2 (gold).
    expect(aggregate.perSeed.map((seed) => seed.gold_medal)).toEqual([0, 100]);
  });

  it("numbers repeated entries of a competition in one report as successive seeds of its group", async () => {
    const file = path.join(store.dir, "extra.json");
    writeFileSync(
      file,
      JSON.stringify([entry("spaceship-titanic", "none"), entry("spaceship-titanic", "gold")]),
    );
    const summary = await importMlebenchReport(store.db, file, { agent: "aide", registry });
    expect(summary.runGroups).toEqual(["extra"]);
    const seeds = store.sqlite
      .prepare("select r.seed, g.gold_medal from runs r join grades g on g.run_id = r.id order by r.seed")
      .all();
    expect(seeds).toEqual([
      { seed: 0, gold_medal: 0 },
      { seed: 1, gold_medal: 1 },
    ]);
  });

  it("changes nothing when the same report is imported again, and imports it anew for another agent", async () => {
    const file = writeReport("g1", [
      entry("spaceship-titanic", "gold"),
      entry("denoising-dirty-documents", "none"),
    ]);
    await importMlebenchReport(store.db, file, { agent: "aide", registry });
    const snapshot = store.sqlite.prepare("select * from runs order by id").all();
    const again = await importMlebenchReport(store.db, file, { agent: "aide", registry });
    expect(again).toMatchObject({ status: "unchanged", runs: 0, importId: 1 });
    expect(store.sqlite.prepare("select * from runs order by id").all()).toEqual(snapshot);
    expect([count("imports"), count("grades"), count("agents")]).toEqual([1, 2, 1]);

    const other = await importMlebenchReport(store.db, file, { agent: "mlab", registry });
    expect(other).toMatchObject({ status: "imported", runs: 2 });
    expect(count("agents")).toBe(2);
  });

  it("keeps each entry's grade as the report gives it", async () => {
    const report = {
      ...entry("spaceship-titanic", "gold"),
      notes: ["a note"],
      created_at: "2024-10-08T12:00:00.000Z",
    };
    await importMlebenchReport(store.db, writeReport("g1", [report]), { agent: "aide", registry });
    const runId = store.sqlite.prepare("select id from runs").pluck().get() as string;
    // The reference's report has no exceeds_humans_pct: the import computes it from the leaderboard.
    const { exceeds_humans_pct, ...rest } = gradeToReport(getGrade(store.db, runId)!);
    expect(rest).toEqual(report);
    expect(exceeds_humans_pct).toBeGreaterThan(99);
  });

  it("computes exceeds_humans_pct from the leaderboard for the reference's reports, keeps bench's own", async () => {
    const { scores } = await readLeaderboard((await registry.get("spaceship-titanic")).leaderboardPath!);
    const median = { ...entry("spaceship-titanic", "none"), score: 0.79565 };
    const own = { ...entry("spaceship-titanic", "none"), score: 0.5, exceeds_humans_pct: 12.5 };
    const invalid = { ...entry("spaceship-titanic", "none"), score: null, valid_submission: false };
    await importMlebenchReport(store.db, writeReport("g1", [median, own, invalid]), {
      agent: "aide",
      registry,
    });
    const stored = store.sqlite
      .prepare(
        "select exceeds_humans_pct from grades join runs on runs.id = grades.run_id order by runs.seed",
      )
      .pluck()
      .all();
    const beaten = Array.from(scores).filter((s) => s < 0.79565).length;
    expect(stored).toEqual([(beaten / scores.length) * 100, 12.5, null]);
    expect(beaten).toBeGreaterThan(1000);
    expect(beaten).toBeLessThan(scores.length / 2);
  });

  it("creates competitions the registry lacks as external tasks, with a warning", async () => {
    const file = writeReport("g1", [
      entry("spaceship-titanik", "none"),
      { ...entry("my-private-comp", "none"), is_lower_better: true },
    ]);
    const summary = await importMlebenchReport(store.db, file, { agent: "aide", registry });
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/2 competitions are not in the registry; created as external tasks/);
    expect(summary.warnings[0]).toMatch(
      /spaceship-titanik \(higher is better\) \(did you mean "spaceship-titanic"\?\)/,
    );
    expect(getCompetition(store.db, "my-private-comp")).toMatchObject({
      kind: "external",
      origin: "import",
      direction: "lower",
    });
  });

  it("takes --run-group for one report and refuses it for several", async () => {
    const a = writeReport("a", [entry("spaceship-titanic", "none")]);
    const b = writeReport("b", [entry("spaceship-titanic", "none")]);
    await expect(
      importMlebenchReports(store.db, [a, b], { agent: "x", runGroup: "g", registry }),
    ).rejects.toThrow(/--run-group names one run group, but 2 reports were given/);
    expect(
      (await importMlebenchReports(store.db, [a], { agent: "x", runGroup: "seed-7", registry }))[0]
        ?.runGroups,
    ).toEqual(["seed-7"]);
  });

  it("warns when two reports fall into one run group, and keeps their entries as successive seeds", async () => {
    const first = writeReport(
      "g1",
      [entry("spaceship-titanic", "none")],
      "2024-01-01T00-00-00-GMT_grading_report.json",
    );
    const second = writeReport(
      "g1",
      [entry("spaceship-titanic", "gold")],
      "2024-01-02T00-00-00-GMT_grading_report.json",
    );
    const summaries = await importMlebenchReports(store.db, [first, second], { agent: "x", registry });
    expect(summaries[1]?.warnings.join("\n")).toMatch(/both fall into run group "g1"/);
    expect(store.sqlite.prepare("select seed from runs order by seed").pluck().all()).toEqual([0, 1]);
  });
});
