CREATE TABLE `run_usage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`model` text,
	`calls` integer,
	`input_tokens` integer,
	`output_tokens` integer,
	`tokens` real,
	`cost_usd` real,
	`unpriced_calls` integer DEFAULT 0 NOT NULL,
	`updated_at_ms` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_usage_run_id_idx` ON `run_usage` (`run_id`);