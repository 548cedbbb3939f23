import { afterEach, describe, expect, it } from "vitest";
import { ReportStore } from "../test-support/report-store.js";
import { leaderboardFromStore } from "./leaderboard-from-store.js";

let store: ReportStore;
afterEach(() => store?.dispose());

describe("the per-competition matrix of a sweep", () => {
  it("shows per competition and agent the mean score over seeds and the medals won", async () => {
    store = new ReportStore();
    const ids = ["alpha", "beta"];
    for (const id of ids)
      store.competition(id, { splits: ["demo"], direction: id === "beta" ? "lower" : "higher" });
    store.sweep("nightly");
    const a = store.agent("aide");
    const b = store.agent("mlab");
    const sweepId = "nightly";
    store.run({ agentId: a, competitionId: "alpha", seed: 0, sweepId, score: 0.9, gold: true });
    store.run({ agentId: a, competitionId: "alpha", seed: 1, sweepId, score: 0.7 });
    store.run({ agentId: a, competitionId: "beta", seed: 0, sweepId, score: 2, bronze: true });
    store.run({ agentId: a, competitionId: "beta", seed: 1, sweepId, score: 4, bronze: true });
    store.run({ agentId: b, competitionId: "alpha", seed: 0, sweepId, score: 0.5 });
    store.run({ agentId: b, competitionId: "alpha", seed: 1, sweepId, validSubmission: false });
    store.run({
      agentId: b,
      competitionId: "beta",
      seed: 0,
      sweepId,
      validSubmission: false,
      submissionExists: false,
    });
    store.run({
      agentId: b,
      competitionId: "beta",
      seed: 1,
      sweepId,
      validSubmission: false,
      submissionExists: false,
    });
    // Another sweep's run does not count.
    store.run({ agentId: a, competitionId: "alpha", seed: 2, score: 0.1 });

    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter({ sweep: "nightly" }),
      splitMembers: async () => ids,
      split: "demo",
    });
    const matrix = report.tables.find((t) => t.id === "competition_scores")!;
    expect(matrix.columns.map((c) => c.key)).toEqual([
      "competition",
      "better",
      "aide_score",
      "aide_medal",
      "mlab_score",
      "mlab_medal",
    ]);
    expect(matrix.rows).toEqual([
      {
        competition: "alpha",
        better: "higher",
        aide_score: 0.8,
        aide_medal: "1 gold, 1 no medal",
        mlab_score: 0.5,
        mlab_medal: "1 no medal, 1 invalid",
      },
      {
        competition: "beta",
        better: "lower",
        aide_score: 3,
        aide_medal: "bronze",
        mlab_score: null,
        mlab_medal: "invalid",
      },
    ]);
    // Without --sweep the leaderboard has no matrix (a full leaderboard would be 75 rows of it).
    const all = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: async () => ids,
      split: "demo",
    });
    expect(all.report.tables.map((t) => t.id)).toEqual(["leaderboard", "detail", "pass_at_k"]);
  });
});
