import { afterEach, describe, expect, it } from "vitest";
import { listCompetitions } from "../../registry/competition-registry.js";
import { renderReport } from "../format/render-report.js";
import { selectSeedFlags, selectSeedFlagsInParallel } from "../queries/mlebench-seed-flags.js";
import { aggregateMlebench, compareCodePoints, type RunGroup } from "../stats/mlebench-aggregate.js";
import { meanPassAtK } from "../stats/pass-at-k.js";
import { randomGroups } from "../test-support/mlebench-groups.js";
import { ReportStore } from "../test-support/report-store.js";
import { leaderboardFromStore, type SplitMembers } from "./leaderboard-from-store.js";

let store: ReportStore;
afterEach(() => store?.dispose());

const SPLIT = ["alpha", "beta", "delta", "gamma", "AI4Code"];
/** Every leaderboard split is the same five competitions here: what differs is tested elsewhere. */
const members: SplitMembers = async () => SPLIT;

/** Records grading reports as runs the way the importer does: run group, seed = position in the group. */
function insertGroups(agentId: number, groups: readonly RunGroup[]): void {
  // Insert in reverse name order, so that insertion order is not the order the report must use.
  for (const group of [...groups].sort((a, b) => compareCodePoints(b.name, a.name))) {
    const position = new Map<string, number>();
    for (const entry of group.entries) {
      const seed = position.get(entry.competition_id) ?? 0;
      position.set(entry.competition_id, seed + 1);
      store.run({
        agentId,
        competitionId: entry.competition_id,
        runGroup: group.name,
        seed,
        gold: entry.gold_medal,
        silver: entry.silver_medal,
        bronze: entry.bronze_medal,
        aboveMedian: entry.above_median,
        submissionExists: entry.submission_exists,
        validSubmission: entry.valid_submission,
      });
    }
  }
}

function setUp(): void {
  store = new ReportStore();
  for (const id of [...SPLIT, "outside-the-split"]) store.competition(id, { splits: ["low", "split75"] });
}

describe("bench report (MLE-bench leaderboard) on a real store", () => {
  it("orders runs into seeds as the reference does and reproduces aggregateMlebench per agent", async () => {
    setUp();
    const expected = new Map<string, RunGroup[]>();
    for (const [name, seed] of [
      ["aide", 3],
      ["opendevin", 11],
      ["mlab", 17],
    ] as const) {
      let groups = randomGroups(seed, [...SPLIT, "outside-the-split"], 4);
      // Make every split competition present so that complete seeds exist.
      groups = groups.map((g, i) =>
        i === 0
          ? {
              ...g,
              entries: [...g.entries, ...SPLIT.map((id) => ({ ...g.entries[0]!, competition_id: id }))],
            }
          : g,
      );
      expected.set(name, groups);
      insertGroups(store.agent(name), groups);
    }
    for (const padMissing of [false, true]) {
      const { report } = await leaderboardFromStore(store.db, {
        padMissing,
        filter: store.filter(),
        splitMembers: members,
        split: "low",
      });
      const json = JSON.parse(renderReport(report, "json"));
      const detail = json.tables.find((t: { id: string }) => t.id === "detail");
      for (const [name, groups] of expected) {
        const reference = aggregateMlebench(groups, SPLIT, { padMissing });
        const row = detail.rows.find((r: { agent: string }) => r.agent === name);
        expect(row.seeds, name).toBe(reference.seeds);
        expect(row.any_medal.mean).toBeCloseTo(reference.metrics.any_medal.mean, 12);
        expect(row.any_medal.sem).toBeCloseTo(reference.metrics.any_medal.sem, 12);
        expect(row.gold_medal.mean).toBeCloseTo(reference.metrics.gold_medal.mean, 12);
        expect(row.submission_exists.sem).toBeCloseTo(reference.metrics.submission_exists.sem, 12);
        const passAt = json.tables.find((t: { id: string }) => t.id === "pass_at_k");
        const counts = reference.perCompetition.map((c) => ({ n: c.runs, c: c.medals }));
        const passRow = passAt.rows.find((r: { agent: string }) => r.agent === name);
        expect(passRow.pass_at_1).toBeCloseTo(100 * meanPassAtK(counts, 1), 10);
        expect(passRow[`pass_at_${reference.seeds}`]).toBeCloseTo(
          100 * meanPassAtK(counts, reference.seeds),
          10,
        );
      }
    }
  });

  it("counts graded runs the agent finished, not runs bench stopped or never graded", async () => {
    setUp();
    const agent = store.agent("aide");
    for (const id of SPLIT) store.run({ agentId: agent, competitionId: id, seed: 0 });
    store.run({ agentId: agent, competitionId: "alpha", seed: 1, gold: true, status: "infra_error" });
    store.run({ agentId: agent, competitionId: "alpha", seed: 2, gold: true, status: "cancelled" });
    store.run({ agentId: agent, competitionId: "alpha", seed: 3, gold: true, graded: false });
    store.run({ agentId: agent, competitionId: "beta", seed: 1, gold: true, status: "timed_out" });
    const rows = selectSeedFlags(store.db, store.filter().filter);
    const lengths = Object.fromEntries(rows.map((r) => [r.competitionId, r.flags.length]));
    expect(lengths).toMatchObject({ alpha: 1, beta: 2, gamma: 1 });
  });

  it("filters by --agents, --since, --sweep and --run-group", async () => {
    setUp();
    const a = store.agent("aide");
    const b = store.agent("mlab");
    store.sweep("sweep-1");
    for (const id of SPLIT) {
      store.run({ agentId: a, competitionId: id, seed: 0, queuedAtMs: Date.UTC(2025, 0, 1), gold: true });
      store.run({
        agentId: a,
        competitionId: id,
        seed: 1,
        queuedAtMs: Date.UTC(2026, 0, 2),
        sweepId: "sweep-1",
      });
      store.run({ agentId: b, competitionId: id, seed: 0, runGroup: "g1", bronze: true });
    }
    const anyMedal = async (flags: Parameters<ReportStore["filter"]>[0]) => {
      const { report } = await leaderboardFromStore(store.db, {
        padMissing: false,
        filter: store.filter(flags),
        splitMembers: members,
        split: "all",
      });
      const rows = JSON.parse(renderReport(report, "json")).tables[0].rows;
      return Object.fromEntries(
        rows.map((r: { agent: string; all: { mean: number } }) => [r.agent, r.all.mean]),
      );
    };
    expect(await anyMedal({})).toEqual({ aide: 50, mlab: 100 });
    expect(await anyMedal({ agents: "aide" })).toEqual({ aide: 50 });
    expect(await anyMedal({ since: "2026-01-01" })).toEqual({ aide: 0 }); // mlab's runs are older
    expect(await anyMedal({ sweep: "sweep-1" })).toEqual({ aide: 0 });
    expect(await anyMedal({ runGroup: "g1" })).toEqual({ mlab: 100 });
    expect(() => store.filter({ agents: "aid" })).toThrow(/no agent "aid".*did you mean "aide"/);
    expect(() => store.filter({ sweep: "sweep-2" })).toThrow(/no sweep "sweep-2"/);
    expect(() => store.filter({ since: "last week" })).toThrow(/--since/);
  });

  it("shows an agent missing a competition as incomplete, and counts it as no submission with padding", async () => {
    setUp();
    const a = store.agent("aide");
    const b = store.agent("mlab");
    for (const id of SPLIT) store.run({ agentId: a, competitionId: id, gold: true });
    for (const id of SPLIT.filter((id) => id !== "AI4Code"))
      store.run({ agentId: b, competitionId: id, gold: true });
    const build = (padMissing: boolean) =>
      leaderboardFromStore(store.db, {
        padMissing,
        filter: store.filter(),
        splitMembers: members,
        split: "low",
      });
    const complete = (await build(false)).report;
    const text = renderReport(complete, "terminal");
    expect(text).toMatch(/mlab\s+-/);
    expect(complete.tables[0]!.footnotes.join("\n")).toMatch(
      /mlab, Low: no graded run on 1 of 5 competitions \(AI4Code\)/,
    );
    const padded = JSON.parse(renderReport((await build(true)).report, "json")).tables[0].rows;
    expect(padded.find((r: { agent: string }) => r.agent === "mlab").low.mean).toBe(80);
  });

  it("splits the query over two threads on a large store and gets the same rows", async () => {
    setUp();
    const groups = randomGroups(5, SPLIT, 3);
    for (const name of ["a1", "a2", "a3", "a4", "a5"]) insertGroups(store.agent(name), groups);
    const filter = store.filter().filter;
    const sort = (rows: { agentId: number; competitionId: string }[]) =>
      [...rows].sort((x, y) => x.agentId - y.agentId || compareCodePoints(x.competitionId, y.competitionId));
    let ranMeanwhile = false;
    const parallel = await selectSeedFlagsInParallel(store.db, filter, {
      file: store.file,
      agentIds: store.filter().agents.map((agent) => agent.id),
      meanwhile: async () => {
        ranMeanwhile = true;
      },
    });
    expect(ranMeanwhile).toBe(true);
    expect(sort(parallel)).toEqual(sort(selectSeedFlags(store.db, filter)));
    const viaReport = await leaderboardFromStore(store.db, {
      padMissing: true,
      filter: store.filter(),
      splitMembers: members,
      storeFile: store.file,
      parallelMinBytes: 0,
    });
    const single = await leaderboardFromStore(store.db, {
      padMissing: true,
      filter: store.filter(),
      splitMembers: members,
    });
    expect(renderReport(viaReport.report, "csv")).toBe(renderReport(single.report, "csv"));
    // A failure on this thread (here: the registry) stops the worker and surfaces as is.
    const failing = selectSeedFlagsInParallel(store.db, filter, {
      file: store.file,
      agentIds: [1, 2, 3],
      meanwhile: async () => {
        throw new Error("registry unreadable");
      },
    });
    await expect(failing).rejects.toThrow("registry unreadable");
  });

  it("takes the splits' members from the registry: Low has its 22 competitions", async () => {
    store = new ReportStore();
    const low = (await listCompetitions({ split: "low" })).map((c) => c.id);
    expect(low).toHaveLength(22);
    for (const id of low) store.competition(id, { splits: ["low", "split75"] });
    const agent = store.agent("aide");
    for (const [i, id] of low.entries()) {
      store.run({ agentId: agent, competitionId: id, seed: 0, gold: i < 11 });
      store.run({ agentId: agent, competitionId: id, seed: 1, gold: i < 1 });
    }
    const registry = async (tag: string) => (await listCompetitions({ split: tag })).map((c) => c.id);
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: registry,
      split: "all",
    });
    const row = JSON.parse(renderReport(report, "json")).tables[0].rows[0];
    expect(row.all).toBeNull(); // the other 53 competitions of All have no run
    expect(report.tables[0]!.footnotes.join("\n")).toMatch(
      /aide, All: no graded run on 53 of 75 competitions/,
    );
    const lite = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: registry,
      split: "low",
    });
    expect(JSON.parse(renderReport(lite.report, "json")).tables[0].rows[0].low.mean).toBeCloseTo(
      (50 + 100 / 22) / 2,
      12,
    );
    expect(lite.report.tables[0]!.footnotes[0]).toMatch(/Competitions per split: Low 22\./);
  });

  it("shows by default the splits the runs cover: Lite-only runs get the Lite column alone", async () => {
    store = new ReportStore();
    const registry = async (tag: string) => (await listCompetitions({ split: tag })).map((c) => c.id);
    const low = await registry("low");
    for (const competition of await listCompetitions({ split: "split75" })) {
      store.competition(competition.id, { splits: competition.manifest.splits });
    }
    const agent = store.agent("aide");
    for (const [i, id] of low.entries()) {
      store.run({ agentId: agent, competitionId: id, seed: 0, gold: i < 11 });
      store.run({ agentId: agent, competitionId: id, seed: 1, gold: i < 1 });
    }
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: registry,
    });
    const summary = JSON.parse(renderReport(report, "json")).tables[0];
    expect(summary.columns.map((c: { key: string }) => c.key)).toEqual(["rank", "agent", "low", "seeds"]);
    expect(summary.rows[0].rank).toBe(1);
    expect(summary.rows[0].low.mean).toBeCloseTo((50 + 100 / 22) / 2, 12);
    const footnotes = report.tables[0]!.footnotes.join("\n");
    expect(footnotes).toMatch(/Competitions per split: Low 22\./);
    // All has runs but is not covered: it is named, not shown as a column of "-".
    expect(footnotes).toContain("Not shown: All, where no agent has runs on every competition");
    expect(footnotes).not.toContain("Medium");
    expect(report.tables.map((t) => t.id)).toEqual(["leaderboard", "detail", "pass_at_k"]);
  });

  it("shows a registry tag the runs cover (dev), not the tags inside it (spaceship-titanic)", async () => {
    store = new ReportStore();
    const registry = async (tag: string) => (await listCompetitions({ split: tag })).map((c) => c.id);
    const dev = await listCompetitions({ split: "dev" });
    for (const competition of dev) store.competition(competition.id, { splits: competition.manifest.splits });
    const agent = store.agent("aide");
    for (const competition of dev) store.run({ agentId: agent, competitionId: competition.id, bronze: true });
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: registry,
    });
    expect(report.tables[0]!.columns.map((c) => c.key)).toEqual(["rank", "agent", "dev", "seeds"]);
    expect(report.tables[0]!.rows[0]!.dev).toEqual({ mean: 100, sem: 0 });
  });
});
