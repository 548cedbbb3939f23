// The per-competition grade report, field for field as MLE-bench's CompetitionReport (so users can
// diff bench's reports against the reference tool's), plus bench's own fields: `error` (why a
// submission is invalid), `notes` (where bench and the reference would differ), and
// `normalized_score` for RE-bench kinds.

export interface CompetitionReport {
  competition_id: string;
  score: number | null;
  gold_threshold: number | null;
  silver_threshold: number | null;
  bronze_threshold: number | null;
  median_threshold: number | null;
  any_medal: boolean;
  gold_medal: boolean;
  silver_medal: boolean;
  bronze_medal: boolean;
  above_median: boolean;
  submission_exists: boolean;
  valid_submission: boolean;
  is_lower_better: boolean;
  created_at: string;
  submission_path: string;
  /** Why the submission could not be scored; null when it was. */
  error: string | null;
  /** Things the user should know: quirks of the reference, leaderboard/metric disagreements. */
  notes: string[];
  /**
   * bench's own: the percentage of the competition's real leaderboard entries whose score this one
   * strictly beats (exceeds-humans.ts); null without a leaderboard or a finite score. Optional so that
   * the reference tool's reports read as they are.
   */
  exceeds_humans_pct?: number | null;
  /** RE-bench kinds only: max(0, (y − y_s)/(y_r − y_s)). */
  normalized_score?: number | null;
}

/** The aggregate the reference writes for `grade --batch` (its field names and order). */
export interface BatchGradingReport {
  total_runs: number;
  total_runs_with_submissions: number;
  total_valid_submissions: number;
  total_medals: number;
  total_gold_medals: number;
  total_silver_medals: number;
  total_bronze_medals: number;
  total_above_median: number;
  competition_reports: CompetitionReport[];
}

export function aggregateReports(reports: readonly CompetitionReport[]): BatchGradingReport {
  const count = (flag: (r: CompetitionReport) => boolean) => reports.filter(flag).length;
  return {
    total_runs: reports.length,
    total_runs_with_submissions: count((r) => r.submission_exists),
    total_valid_submissions: count((r) => r.valid_submission),
    total_medals: count((r) => r.any_medal),
    total_gold_medals: count((r) => r.gold_medal),
    total_silver_medals: count((r) => r.silver_medal),
    total_bronze_medals: count((r) => r.bronze_medal),
    total_above_median: count((r) => r.above_median),
    competition_reports: [...reports],
  };
}
