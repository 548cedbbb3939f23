import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CompetitionGrading } from "./competition-grading.js";
import { exceedsHumansPct, humanScores, leaderboardHumans } from "./exceeds-humans.js";
import { readLeaderboard } from "./leaderboard.js";
import { inferLowerIsBetter } from "./medals.js";

const COMPETITIONS = path.resolve(import.meta.dirname, "../../competitions");

/** The definition, by brute force: entries whose score `score` strictly beats, over all entries. */
function bruteForce(score: number, scores: ArrayLike<number>, lowerIsBetter: boolean): number {
  let beaten = 0;
  for (let i = 0; i < scores.length; i++) {
    const other = scores[i] as number;
    if (lowerIsBetter ? score < other : score > other) beaten++;
  }
  return (beaten / scores.length) * 100;
}

describe("exceedsHumansPct", () => {
  it("counts entries strictly beaten: ties beat nobody, in both directions", () => {
    const higher = humanScores([0.9, 0.8, 0.8, 0.5], false);
    expect(exceedsHumansPct(0.8, higher)).toBe(25);
    expect(exceedsHumansPct(0.81, higher)).toBe(75);
    expect(exceedsHumansPct(0.95, higher)).toBe(100);
    expect(exceedsHumansPct(0.5, higher)).toBe(0);
    const lower = humanScores([0.1, 0.2, 0.2, 0.7], true);
    expect(exceedsHumansPct(0.2, lower)).toBe(25);
    expect(exceedsHumansPct(0.15, lower)).toBe(75);
    expect(exceedsHumansPct(0, lower)).toBe(100);
    expect(exceedsHumansPct(0.7, lower)).toBe(0);
  });

  it("gives null without a finite score; an entry without a score counts but is never beaten", () => {
    const humans = humanScores([0.9, Number.NaN, 0.5, 0.1], false);
    expect(exceedsHumansPct(null, humans)).toBeNull();
    expect(exceedsHumansPct(Number.NaN, humans)).toBeNull();
    expect(exceedsHumansPct(Number.POSITIVE_INFINITY, humans)).toBeNull();
    expect(exceedsHumansPct(1, humans)).toBe(75);
    expect(exceedsHumansPct(1, humanScores([], false))).toBeNull();
  });

  it("takes the leaderboard's own direction, as medals do", () => {
    expect(leaderboardHumans([0.1, 0.5, 0.9]).isLowerBetter).toBe(true);
    expect(exceedsHumansPct(0.3, leaderboardHumans([0.1, 0.5, 0.9]))).toBeCloseTo(200 / 3, 12);
    expect(exceedsHumansPct(0.3, leaderboardHumans([0.9, 0.5, 0.1]))).toBeCloseTo(100 / 3, 12);
  });

  it("agrees with the definition on every real leaderboard, at and between its scores", async () => {
    const files = readdirSync(COMPETITIONS)
      .map((id) => path.join(COMPETITIONS, id, "leaderboard.csv"))
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(70);
    for (const file of files) {
      const { scores } = await readLeaderboard(file);
      const lower = inferLowerIsBetter(scores);
      const humans = leaderboardHumans(scores);
      // Every 7th score (ties included), halfway between neighbours, and beyond both ends.
      const probes: number[] = [];
      for (let i = 0; i < scores.length; i += 7) {
        probes.push(scores[i]!);
        if (i + 1 < scores.length) probes.push((scores[i]! + scores[i + 1]!) / 2);
      }
      probes.push(Math.min(...scores) - 1, Math.max(...scores) + 1);
      for (const probe of probes) {
        expect(exceedsHumansPct(probe, humans), `${file} at ${probe}`).toBe(bruteForce(probe, scores, lower));
      }
    }
  });
});

describe("exceeds_humans_pct in a grade report", () => {
  it("is the share of the competition's leaderboard a graded submission beats; null when invalid", async () => {
    const grading = new CompetitionGrading();
    const root = path.join(COMPETITIONS, "demo-binary-auc");
    const valid = await grading.grade(
      "demo-binary-auc",
      path.join(root, "examples/2-logistic-regression.csv"),
    );
    const { scores } = await readLeaderboard(path.join(root, "leaderboard.csv"));
    expect(valid.score).not.toBeNull();
    expect(valid.exceeds_humans_pct).toBe(bruteForce(valid.score!, scores, inferLowerIsBetter(scores)));
    const invalid = await grading.grade(
      "demo-binary-auc",
      path.join(root, "examples/4-invalid-wrong-id.csv"),
    );
    expect(invalid.valid_submission).toBe(false);
    expect(invalid.exceeds_humans_pct).toBeNull();
  });
});
