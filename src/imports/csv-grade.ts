// The grade of one row of a results CSV: its score as the file gives it (raw, or normalized with
// --normalized), RE-bench normalization from the registry's ys/yr, and medals for registry Kaggle
// competitions from their leaderboard thresholds. An empty, NaN or infinite score is a run with no
// valid submission.

import type { CompetitionManifest } from "../config/competition-schema.js";
import { exceedsHumansPct, type HumanScores, leaderboardHumans } from "../grading/exceeds-humans.js";
import { readLeaderboard } from "../grading/leaderboard.js";
import { awardMedals, type MedalThresholds, medalThresholds } from "../grading/medals.js";
import { normalizedScore } from "../grading/normalized-score.js";
import type { Direction } from "../store/competitions-repo.js";
import type { GradeFields } from "../store/grades-repo.js";
import type { CompetitionPlan } from "./competition-plan.js";

/** One row of the file, read with the mapping (NaN score: empty or not a finite number). */
export interface CsvRow {
  row: number;
  agent: string;
  competition: string;
  group: string | null;
  run: string | null;
  score: number;
  lastScore: number | null;
  baseline: number | null;
  direction: Direction | null;
  timeLimitMs: number | null;
  startedAtMs: number | null;
}

export interface ScoringContext {
  manifest: CompetitionManifest | undefined;
  direction: Direction | null;
  thresholds: MedalThresholds | null;
  /** The leaderboard sorted for "exceeds % of humans", with the thresholds. */
  humans: HumanScores | null;
}

export async function scoringContexts(
  plan: CompetitionPlan,
  directions: ReadonlyMap<string, Direction>,
  normalized: boolean,
): Promise<Map<string, ScoringContext>> {
  const contexts = new Map<string, ScoringContext>();
  for (const [id, competition] of plan.registry) {
    const leaderboard =
      !normalized && competition.manifest.kind === "kaggle" && competition.leaderboardPath !== null
        ? await readLeaderboard(competition.leaderboardPath)
        : null;
    contexts.set(id, {
      manifest: competition.manifest,
      direction: competition.manifest.metric.direction,
      thresholds: leaderboard ? medalThresholds(leaderboard.scores) : null,
      humans: leaderboard ? leaderboardHumans(leaderboard.scores) : null,
    });
  }
  for (const external of plan.external) {
    contexts.set(external.id, {
      manifest: undefined,
      direction: directions.get(external.id) ?? null,
      thresholds: null,
      humans: null,
    });
  }
  return contexts;
}

export function gradeOfRow(
  row: CsvRow,
  context: ScoringContext,
  normalized: boolean,
  where: string,
  now: number,
): GradeFields {
  const valid = Number.isFinite(row.score);
  const score = valid ? row.score : null;
  const rebench = context.manifest?.rebench;
  const medals = context.thresholds ? awardMedals(score, context.thresholds) : undefined;
  return {
    competitionId: row.competition,
    score: normalized ? null : score,
    lastScore: row.lastScore,
    normalizedScore: normalized ? score : score !== null && rebench ? normalizedScore(score, rebench) : null,
    baselineScore: row.baseline,
    goldThreshold: context.thresholds?.gold ?? null,
    silverThreshold: context.thresholds?.silver ?? null,
    bronzeThreshold: context.thresholds?.bronze ?? null,
    medianThreshold: context.thresholds?.median ?? null,
    exceedsHumansPct: context.humans ? exceedsHumansPct(score, context.humans) : null,
    anyMedal: medals?.any_medal ?? false,
    goldMedal: medals?.gold_medal ?? false,
    silverMedal: medals?.silver_medal ?? false,
    bronzeMedal: medals?.bronze_medal ?? false,
    aboveMedian: medals?.above_median ?? false,
    submissionExists: valid,
    validSubmission: valid,
    isLowerBetter: context.thresholds
      ? context.thresholds.isLowerBetter
      : context.direction === null
        ? null
        : context.direction === "lower",
    error: valid
      ? null
      : `no valid score (${where} is ${Number.isNaN(row.score) ? "empty or NaN" : String(row.score)})`,
    notes: null,
    graderId: null,
    graderVersion: null,
    submissionPath: null,
    gradedAtMs: now,
  };
}
