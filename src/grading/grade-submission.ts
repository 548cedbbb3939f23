// Grades one submission file for one competition, as MLE-bench's grade_csv does: check the file,
// run the competition's grader, round the score to 5 decimals (numpy's half-to-even), then compare it
// with the leaderboard's thresholds. Every outcome is a report: a missing or invalid submission is
// reported with the reason, never thrown, and so is any error the submission provokes (see
// submission-failure.ts). Only problems with the answers and bench's configuration are thrown.
// A metric that returns NaN or ±Infinity for a well-formed submission (a constant prediction under a
// correlation, an exact one under a log-error) is handled here, once for every grader: the submission
// stays valid, its score is null, and it wins nothing (see `nonFiniteScoreNote`).

import { existsSync, lstatSync } from "node:fs";
import { extname } from "node:path";
import type { Frame } from "./csv/frame.js";
import { exceedsHumansPct, type HumanScores } from "./exceeds-humans.js";
import type { CompetitionReport } from "./grade-report.js";
import type { Grader } from "./grader.js";
import { limitMessage } from "./input-excerpt.js";
import { awardMedals, type MedalThresholds } from "./medals.js";
import { pythonRound, roundHalfEven } from "./metrics/round-score.js";
import { normalizedScore, type RebenchNormalization } from "./normalized-score.js";
import { submissionFailure } from "./submission-failure.js";
import { readSubmission } from "./submission-file.js";

export interface GradeRequest {
  competitionId: string;
  submissionPath: string;
  grader: Grader;
  /** Loads the answers; called at most once, and only when the submission exists. */
  answers: () => Frame;
  /** The answers file, which the submission must not be (see submission-file.ts). */
  answersPath?: string | undefined;
  /** The leaderboard's thresholds, or null for a competition without a leaderboard. */
  thresholds: MedalThresholds | null;
  /** The leaderboard's scores sorted for "exceeds % of humans"; null or absent without a leaderboard. */
  humans?: HumanScores | null;
  /** The metric's own direction: a disagreement with the leaderboard is reported in `notes`. */
  metricLowerIsBetter: boolean;
  rebench?: RebenchNormalization;
  now?: () => Date;
  /**
   * Set when the caller has already refused the file without reading it (e.g. an agent's
   * submission.csv that is a symlink): the report is invalid with this reason.
   */
  refusal?: string | undefined;
}

function emptyMedals() {
  return {
    gold_medal: false,
    silver_medal: false,
    bronze_medal: false,
    any_medal: false,
    above_median: false,
  };
}

/**
 * Why a valid submission has no score: the metric's result was not a finite number. The reference
 * keeps NaN (which wins nothing) and compares ±Infinity with the thresholds as a number, so an infinite
 * score could win a medal there; bench awards none either way.
 */
export function nonFiniteScoreNote(score: number): string {
  const what = Number.isNaN(score)
    ? "NaN for a well-formed submission (a constant prediction has no correlation, for example)"
    : `${score > 0 ? "+" : "-"}Infinity for a well-formed submission (an exact prediction under a log-error metric, for example)`;
  const reference = Number.isNaN(score)
    ? ""
    : " MLE-bench would compare the infinite score with the thresholds and could award a medal.";
  return `The metric returned ${what}; the score is reported as null and no medal is awarded.${reference}`;
}

export function gradeSubmission(request: GradeRequest): CompetitionReport {
  const { thresholds } = request;
  const notes: string[] = [];
  const isLowerBetter = thresholds?.isLowerBetter ?? request.metricLowerIsBetter;
  if (thresholds !== null && thresholds.isLowerBetter !== request.metricLowerIsBetter) {
    notes.push(
      `The leaderboard says ${thresholds.isLowerBetter ? "lower" : "higher"} is better but the metric says the opposite; medals follow the leaderboard, as the reference does. This is a data error in the competition's files.`,
    );
  }
  const base = {
    competition_id: request.competitionId,
    gold_threshold: thresholds?.gold ?? null,
    silver_threshold: thresholds?.silver ?? null,
    bronze_threshold: thresholds?.bronze ?? null,
    median_threshold: thresholds?.median ?? null,
    is_lower_better: isLowerBetter,
    created_at: (request.now?.() ?? new Date()).toISOString(),
    submission_path: request.submissionPath,
    notes,
    exceeds_humans_pct: null as number | null,
  };
  if (thresholds === null) notes.push("This competition has no leaderboard: no medal can be awarded.");

  const invalid = (submissionExists: boolean, error: string): CompetitionReport => ({
    ...base,
    score: null,
    ...emptyMedals(),
    submission_exists: submissionExists,
    valid_submission: false,
    error,
    ...(request.rebench ? { normalized_score: null } : {}),
  });

  const path = request.submissionPath;
  const failed = (error: unknown): CompetitionReport => {
    const failure = submissionFailure(path, error);
    if (failure === undefined) throw error;
    if (failure.note !== undefined) notes.push(failure.note);
    return invalid(true, failure.error);
  };

  if (request.refusal !== undefined) return invalid(true, limitMessage(request.refusal));
  if (!existsSync(path)) {
    return invalid(false, `${path}: no submission file was found.`);
  }
  if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    return invalid(false, `${path}: is a directory, not a submission file.`);
  }
  if (extname(path).toLowerCase() !== ".csv") {
    return invalid(true, `${path}: a submission must be a .csv file (the reference grades nothing else).`);
  }

  // The submission first: whatever goes wrong reading it is its verdict.
  let submission: Frame;
  try {
    submission = readSubmission(path, request.answersPath);
  } catch (error) {
    return failed(error);
  }
  // Then the answers, outside the try: a problem there is bench's data, not the submission's fault.
  const answers = request.answers();
  let score: number;
  try {
    const outcome = request.grader.grade(submission, answers);
    notes.push(...outcome.notes.map((note) => limitMessage(note)));
    score =
      request.grader.scoreRounding === "python"
        ? pythonRound(outcome.score, 5)
        : roundHalfEven(outcome.score, 5);
  } catch (error) {
    return failed(error);
  }

  if (!Number.isFinite(score)) {
    notes.push(nonFiniteScoreNote(score));
    return {
      ...base,
      score: null,
      ...emptyMedals(),
      submission_exists: true,
      valid_submission: true,
      error: null,
      ...(request.rebench ? { normalized_score: null } : {}),
    };
  }
  const medals = thresholds === null ? emptyMedals() : awardMedals(score, thresholds);
  const report: CompetitionReport = {
    ...base,
    score,
    exceeds_humans_pct: request.humans ? exceedsHumansPct(score, request.humans) : null,
    ...medals,
    submission_exists: true,
    valid_submission: true,
    error: null,
  };
  if (request.rebench) report.normalized_score = normalizedScore(score, request.rebench);
  return report;
}
