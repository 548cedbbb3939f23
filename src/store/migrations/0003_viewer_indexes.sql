CREATE INDEX `runs_sweep_id_status_idx` ON `runs` (`sweep_id`,`status`);--> statement-breakpoint
CREATE INDEX `runs_competition_id_idx` ON `runs` (`competition_id`);