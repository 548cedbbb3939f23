DROP INDEX `runs_agent_competition_idx`;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_flags` integer;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_exceeds_humans_pct` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_normalized_score` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_score` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_last_score` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_baseline_score` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `grade_is_lower_better` integer;--> statement-breakpoint
ALTER TABLE `runs` ADD `usage_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `usage_tokens` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `usage_cost_usd` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `usage_unknown_cost` integer;--> statement-breakpoint
-- What the reports read of every run, copied into the run's own row (schema.ts: runs.grade_* and
-- runs.usage_*) so that a report reads runs_report_idx alone: filled once here for what is already
-- stored, then kept by the triggers below on every write to grades and run_usage, whoever writes. The
-- flag bits are reports/mlebench/run-flags.ts's RUN_FLAG_BITS (run-report-copy.test.ts checks both agree).
UPDATE `runs` SET
    grade_flags = (g.submission_exists != 0) + 2 * (g.valid_submission != 0) + 4 * (g.above_median != 0) + 8 * (g.gold_medal != 0) + 16 * (g.silver_medal != 0) + 32 * (g.bronze_medal != 0),
    grade_exceeds_humans_pct = g.exceeds_humans_pct,
    grade_normalized_score = g.normalized_score,
    grade_score = g.score,
    grade_last_score = g.last_score,
    grade_baseline_score = g.baseline_score,
    grade_is_lower_better = g.is_lower_better
  FROM `grades` AS g WHERE g.run_id = `runs`.id;--> statement-breakpoint
UPDATE `runs` SET usage_rows = u.n, usage_tokens = u.tokens, usage_cost_usd = u.cost, usage_unknown_cost = u.unknown
  FROM (
    SELECT run_id, count(*) AS n, sum(tokens) AS tokens, sum(cost_usd) AS cost,
      max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0)) AS unknown
    FROM `run_usage` GROUP BY run_id
  ) AS u WHERE u.run_id = `runs`.id;--> statement-breakpoint
CREATE INDEX `runs_report_idx` ON `runs` (`agent_id`,`competition_id`,`run_group`,`seed`,`id`,`status`,`queued_at_ms`,`sweep_id`,`time_limit_ms`,`grade_flags`,`grade_exceeds_humans_pct`,`grade_normalized_score`,`grade_score`,`grade_last_score`,`grade_baseline_score`,`grade_is_lower_better`,`usage_rows`,`usage_tokens`,`usage_cost_usd`,`usage_unknown_cost`);--> statement-breakpoint
-- An insert whose run already holds the same copy (an import writes it with the run) changes nothing.
CREATE TRIGGER `grades_copy_on_insert` AFTER INSERT ON `grades`
WHEN NOT EXISTS (
  SELECT 1 FROM `runs` WHERE id = NEW.run_id
    AND grade_flags IS (NEW.submission_exists != 0) + 2 * (NEW.valid_submission != 0) + 4 * (NEW.above_median != 0) + 8 * (NEW.gold_medal != 0) + 16 * (NEW.silver_medal != 0) + 32 * (NEW.bronze_medal != 0)
    AND grade_exceeds_humans_pct IS NEW.exceeds_humans_pct AND grade_normalized_score IS NEW.normalized_score
    AND grade_score IS NEW.score AND grade_last_score IS NEW.last_score
    AND grade_baseline_score IS NEW.baseline_score AND grade_is_lower_better IS NEW.is_lower_better
) BEGIN
  UPDATE `runs` SET
    grade_flags = (NEW.submission_exists != 0) + 2 * (NEW.valid_submission != 0) + 4 * (NEW.above_median != 0) + 8 * (NEW.gold_medal != 0) + 16 * (NEW.silver_medal != 0) + 32 * (NEW.bronze_medal != 0),
    grade_exceeds_humans_pct = NEW.exceeds_humans_pct,
    grade_normalized_score = NEW.normalized_score,
    grade_score = NEW.score,
    grade_last_score = NEW.last_score,
    grade_baseline_score = NEW.baseline_score,
    grade_is_lower_better = NEW.is_lower_better
  WHERE id = NEW.run_id;
END;--> statement-breakpoint
CREATE TRIGGER `grades_copy_on_update` AFTER UPDATE ON `grades` BEGIN
  UPDATE `runs` SET
    grade_flags = NULL, grade_exceeds_humans_pct = NULL, grade_normalized_score = NULL, grade_score = NULL,
    grade_last_score = NULL, grade_baseline_score = NULL, grade_is_lower_better = NULL
  WHERE id = OLD.run_id AND OLD.run_id IS NOT NEW.run_id;
  UPDATE `runs` SET
    grade_flags = (NEW.submission_exists != 0) + 2 * (NEW.valid_submission != 0) + 4 * (NEW.above_median != 0) + 8 * (NEW.gold_medal != 0) + 16 * (NEW.silver_medal != 0) + 32 * (NEW.bronze_medal != 0),
    grade_exceeds_humans_pct = NEW.exceeds_humans_pct,
    grade_normalized_score = NEW.normalized_score,
    grade_score = NEW.score,
    grade_last_score = NEW.last_score,
    grade_baseline_score = NEW.baseline_score,
    grade_is_lower_better = NEW.is_lower_better
  WHERE id = NEW.run_id;
END;--> statement-breakpoint
CREATE TRIGGER `grades_copy_on_delete` AFTER DELETE ON `grades` BEGIN
  UPDATE `runs` SET
    grade_flags = NULL, grade_exceeds_humans_pct = NULL, grade_normalized_score = NULL, grade_score = NULL,
    grade_last_score = NULL, grade_baseline_score = NULL, grade_is_lower_better = NULL
  WHERE id = OLD.run_id;
END;--> statement-breakpoint
CREATE TRIGGER `run_usage_copy_on_insert` AFTER INSERT ON `run_usage`
WHEN NOT EXISTS (
  SELECT 1 FROM `runs` WHERE id = NEW.run_id
    AND (usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost) IS (
      SELECT count(*), sum(tokens), sum(cost_usd),
        max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0))
      FROM `run_usage` WHERE run_id = NEW.run_id
    )
) BEGIN
  UPDATE `runs` SET (usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost) = (
    SELECT count(*), sum(tokens), sum(cost_usd),
      max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0))
    FROM `run_usage` WHERE run_id = NEW.run_id
  ) WHERE id = NEW.run_id;
END;--> statement-breakpoint
CREATE TRIGGER `run_usage_copy_on_update` AFTER UPDATE ON `run_usage` BEGIN
  UPDATE `runs` SET (usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost) = (
    SELECT count(*), sum(tokens), sum(cost_usd),
      max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0))
    FROM `run_usage` WHERE run_id = OLD.run_id
  ) WHERE id = OLD.run_id AND OLD.run_id IS NOT NEW.run_id;
  UPDATE `runs` SET (usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost) = (
    SELECT count(*), sum(tokens), sum(cost_usd),
      max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0))
    FROM `run_usage` WHERE run_id = NEW.run_id
  ) WHERE id = NEW.run_id;
END;--> statement-breakpoint
CREATE TRIGGER `run_usage_copy_on_delete` AFTER DELETE ON `run_usage` BEGIN
  UPDATE `runs` SET (usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost) = (
    SELECT count(*), sum(tokens), sum(cost_usd),
      max(unpriced_calls > 0 OR (cost_usd IS NULL AND coalesce(tokens, 0) > 0))
    FROM `run_usage` WHERE run_id = OLD.run_id
  ) WHERE id = OLD.run_id;
END;
