import { describe, expect, it } from "vitest";
import { leaderboardHumans } from "../grading/exceeds-humans.js";
import { medalThresholds } from "../grading/medals.js";
import { type CsvRow, gradeOfRow, type ScoringContext } from "./csv-grade.js";

const row = (score: number): CsvRow => ({
  row: 2,
  agent: "aide",
  competition: "c",
  group: null,
  run: null,
  score,
  lastScore: null,
  baseline: null,
  direction: null,
  timeLimitMs: null,
  startedAtMs: null,
});

describe("gradeOfRow: exceeds % of humans", () => {
  const scores = [0.9, 0.8, 0.7, 0.6, 0.5];
  const context: ScoringContext = {
    manifest: undefined,
    direction: "higher",
    thresholds: medalThresholds(scores),
    humans: leaderboardHumans(scores),
  };

  it("is the share of the leaderboard a CSV row's score strictly beats", () => {
    expect(gradeOfRow(row(0.75), context, false, "row 2", 0).exceedsHumansPct).toBe(60);
    expect(gradeOfRow(row(0.7), context, false, "row 2", 0).exceedsHumansPct).toBe(40);
  });

  it("is null for a row without a score, or without a leaderboard", () => {
    expect(gradeOfRow(row(Number.NaN), context, false, "row 2", 0).exceedsHumansPct).toBeNull();
    const none = { ...context, thresholds: null, humans: null };
    expect(gradeOfRow(row(0.75), none, false, "row 2", 0).exceedsHumansPct).toBeNull();
  });
});
