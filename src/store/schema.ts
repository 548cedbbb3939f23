// The results store's schema: every run bench makes or imports, its grade, its score log and its
// artifacts, in one SQLite file. TypeScript names are `xxxTable`/camelCase, SQL names snake_case.
// Times are integer milliseconds since the epoch (`..._at_ms`), durations integer milliseconds.
// Migrations are generated from this file by drizzle-kit (`npm run db:generate`), reviewed, and never
// edited once landed.

import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// ─── competitions ────────────────────────────────────────────────────────────────────────────────
// A copy of the registry entries that results refer to, plus tasks that exist only in imported files
// (e.g. MLGym tasks), so that reports never depend on the registry folder of the day.

export const competitionsTable = sqliteTable("competitions", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["kaggle", "rebench", "external"] }).notNull(),
  name: text("name").notNull(),
  metric: text("metric"),
  direction: text("direction", { enum: ["higher", "lower"] }),
  splits: text("splits", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** "registry" for bench's own entries, "import" for tasks created from an imported file. */
  origin: text("origin", { enum: ["registry", "import"] }).notNull(),
  createdAtMs: integer("created_at_ms").notNull(),
});

// ─── agents ──────────────────────────────────────────────────────────────────────────────────────
// One row per distinct agent configuration: the same name with different content is a new version.

export const agentsTable = sqliteTable(
  "agents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** The agent's declared version, if any. */
    version: text("version"),
    /** sha256 of the agent file's canonical content ("import:<name>" for imported results). */
    contentHash: text("content_hash").notNull(),
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAtMs: integer("created_at_ms").notNull(),
  },
  (t) => [uniqueIndex("agents_name_content_hash_idx").on(t.name, t.contentHash)],
);

// ─── sweeps ──────────────────────────────────────────────────────────────────────────────────────

export const sweepsTable = sqliteTable("sweeps", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  config: text("config", { mode: "json" }).$type<Record<string, unknown>>(),
  status: text("status", { enum: ["running", "finished", "interrupted", "failed"] }).notNull(),
  createdAtMs: integer("created_at_ms").notNull(),
  finishedAtMs: integer("finished_at_ms"),
});

// ─── imports ─────────────────────────────────────────────────────────────────────────────────────
// One row per imported file; the content hash makes importing the same file twice a no-op.

export const importsTable = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["mlebench", "csv", "mlgym"] }).notNull(),
    sourcePath: text("source_path").notNull(),
    /** sha256 of the file's bytes and the import options that shape its rows. */
    contentHash: text("content_hash").notNull(),
    options: text("options", { mode: "json" }).$type<Record<string, unknown>>(),
    rowCount: integer("row_count").notNull(),
    importedAtMs: integer("imported_at_ms").notNull(),
  },
  (t) => [uniqueIndex("imports_content_hash_idx").on(t.contentHash)],
);

// ─── runs ────────────────────────────────────────────────────────────────────────────────────────

// SQLite keeps a status as plain text (drizzle checks the enum in TypeScript only), so a new status
// needs no migration: older stores accept it as they are.
export const RUN_STATUSES = [
  "queued",
  "running",
  "completed",
  "agent_error",
  "timed_out",
  "out_of_memory",
  // Stopped for reporting more LLM usage than its budget allows; graded, and counted like timed_out.
  "over_budget",
  "infra_error",
  "cancelled",
  "interrupted",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runsTable = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    sweepId: text("sweep_id").references(() => sweepsTable.id),
    importId: integer("import_id").references(() => importsTable.id),
    agentId: integer("agent_id")
      .notNull()
      .references(() => agentsTable.id),
    competitionId: text("competition_id")
      .notNull()
      .references(() => competitionsTable.id),
    /**
     * Runs of a sweep: the sweep's seed index. Imported and `bench grade` runs: the 0-based position of
     * the run among the same agent's runs of the same competition in the same run group (NULL group
     * included), in recording order. MLE-bench's seeds (SCORING.md §2) are computed at report time:
     * order runs by run group name (code points), then by this.
     */
    seed: integer("seed").notNull(),
    /**
     * The run group: for MLE-bench imports the grading report's group (one report per group), for CSV
     * imports the mapped `group` column (e.g. MLGym's result set); NULL when the source has none.
     */
    runGroup: text("run_group"),
    /** For CSV imports: the run's id in the source file (its mapped `run` column). */
    sourceRunId: text("source_run_id"),
    timeLimitMs: integer("time_limit_ms"),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    attempt: integer("attempt").notNull().default(1),
    runtime: text("runtime"),
    /** The bench process that owns the run while it is queued or running (see runtimes/session.ts). */
    sessionId: text("session_id"),
    /** Docker container id or local pid, for `bench status` and the reaper. */
    handle: text("handle"),
    exitCode: integer("exit_code"),
    error: text("error"),
    /** What the runtime noted besides the error: artifacts left out, limits applied (bounded). */
    notes: text("notes", { mode: "json" }).$type<string[]>(),
    gpus: text("gpus", { mode: "json" }).$type<string[]>(),
    workspace: text("workspace"),
    queuedAtMs: integer("queued_at_ms").notNull(),
    startedAtMs: integer("started_at_ms"),
    finishedAtMs: integer("finished_at_ms"),
    // The run's grade as the reports read it, copied from `grades` by triggers (migration 0006, kept by
    // SQLite on every insert, update and delete of a grade, whoever writes it): with runs_report_idx,
    // a report over a million runs reads one index in order instead of joining a million grades by
    // their text run id (3.4 s → 0.5 s for the leaderboard's query). Never written by bench's code.
    /** The grader's six flags packed as bits (reports/mlebench/run-flags.ts); NULL: no grade. */
    gradeFlags: integer("grade_flags"),
    gradeExceedsHumansPct: real("grade_exceeds_humans_pct"),
    gradeNormalizedScore: real("grade_normalized_score"),
    gradeScore: real("grade_score"),
    gradeLastScore: real("grade_last_score"),
    gradeBaselineScore: real("grade_baseline_score"),
    gradeIsLowerBetter: integer("grade_is_lower_better", { mode: "boolean" }),
    // The run's LLM usage summed over its run_usage rows, kept the same way by triggers on run_usage.
    /** How many run_usage rows the run has (0: it reported no usage). */
    usageRows: integer("usage_rows").notNull().default(0),
    usageTokens: real("usage_tokens"),
    usageCostUsd: real("usage_cost_usd"),
    /** 1 when some of its usage has no known cost (reports leave it out of the cost). */
    usageUnknownCost: integer("usage_unknown_cost"),
  },
  (t) => [
    index("runs_sweep_id_idx").on(t.sweepId),
    // Every report's runs in seed order (agent, competition, run group, seed, id) with the filters'
    // columns and the grade's copy: the reports' queries read this index alone, in its order.
    index("runs_report_idx").on(
      t.agentId,
      t.competitionId,
      t.runGroup,
      t.seed,
      t.id,
      t.status,
      t.queuedAtMs,
      t.sweepId,
      t.timeLimitMs,
      t.gradeFlags,
      t.gradeExceedsHumansPct,
      t.gradeNormalizedScore,
      t.gradeScore,
      t.gradeLastScore,
      t.gradeBaselineScore,
      t.gradeIsLowerBetter,
      t.usageRows,
      t.usageTokens,
      t.usageCostUsd,
      t.usageUnknownCost,
    ),
    index("runs_status_idx").on(t.status),
    index("runs_import_id_idx").on(t.importId),
    // bench view at a million runs: a sweep's runs by outcome, and the sweeps list's counts, read from
    // the index alone; a competition's runs counted and listed without a scan of the table.
    index("runs_sweep_id_status_idx").on(t.sweepId, t.status),
    index("runs_competition_id_idx").on(t.competitionId),
  ],
);

// ─── grades ──────────────────────────────────────────────────────────────────────────────────────
// One grade per run (the latest grader's); the reference report's fields, plus bench's own.

export const gradesTable = sqliteTable(
  "grades",
  {
    runId: text("run_id")
      .primaryKey()
      .references(() => runsTable.id, { onDelete: "cascade" }),
    competitionId: text("competition_id").notNull(),
    score: real("score"),
    /** A second score where the source has one (MLGym's last submission next to its best attempt). */
    lastScore: real("last_score"),
    normalizedScore: real("normalized_score"),
    /** A baseline score to compare with (MLGym), when the source gives one. */
    baselineScore: real("baseline_score"),
    goldThreshold: real("gold_threshold"),
    silverThreshold: real("silver_threshold"),
    bronzeThreshold: real("bronze_threshold"),
    medianThreshold: real("median_threshold"),
    /** % of the competition's real leaderboard entries the score strictly beats (grading/exceeds-humans.ts). */
    exceedsHumansPct: real("exceeds_humans_pct"),
    anyMedal: integer("any_medal", { mode: "boolean" }).notNull(),
    goldMedal: integer("gold_medal", { mode: "boolean" }).notNull(),
    silverMedal: integer("silver_medal", { mode: "boolean" }).notNull(),
    bronzeMedal: integer("bronze_medal", { mode: "boolean" }).notNull(),
    aboveMedian: integer("above_median", { mode: "boolean" }).notNull(),
    submissionExists: integer("submission_exists", { mode: "boolean" }).notNull(),
    validSubmission: integer("valid_submission", { mode: "boolean" }).notNull(),
    isLowerBetter: integer("is_lower_better", { mode: "boolean" }),
    error: text("error"),
    notes: text("notes", { mode: "json" }).$type<string[]>(),
    graderId: text("grader_id"),
    graderVersion: integer("grader_version"),
    submissionPath: text("submission_path"),
    gradedAtMs: integer("graded_at_ms").notNull(),
  },
  (t) => [index("grades_competition_id_idx").on(t.competitionId)],
);

// ─── score log ───────────────────────────────────────────────────────────────────────────────────
// RE-bench's intermediate scoring: every request an agent makes, with its timestamp and raw score.

export const scoreLogTable = sqliteTable(
  "score_log_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => runsTable.id, { onDelete: "cascade" }),
    atMs: integer("at_ms").notNull(),
    elapsedMs: integer("elapsed_ms").notNull(),
    /** NULL when the solution could not be scored (the reference logs NaN). */
    rawScore: real("raw_score"),
    normalizedScore: real("normalized_score"),
    message: text("message"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("score_log_entries_run_id_idx").on(t.runId)],
);

// ─── usage ───────────────────────────────────────────────────────────────────────────────────────
// An agent's LLM usage, per run and model: what it reported through $BENCH_USAGE_FILE (summed while
// the run goes on, so a running run shows its usage), or the totals an imported file gives. One row per
// model; imported totals have no model. A run without usage has no row.

export const runUsageTable = sqliteTable(
  "run_usage",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => runsTable.id, { onDelete: "cascade" }),
    /** The model as the agent named it; NULL for totals that name none (an imported file's). */
    model: text("model"),
    /** Usage lines counted (LLM calls); NULL for imported totals. */
    calls: integer("calls"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    /**
     * Input plus output tokens, or an imported total. Real: imported files carry fractional
     * token-equivalents (METR's human baselines).
     */
    tokens: real("tokens"),
    /** The sum of the costs known (reported, or priced from the agent file); NULL when none is known. */
    costUsd: real("cost_usd"),
    /** Calls whose cost is unknown (no cost_usd, no price for the model): their tokens count, no cost. */
    unpricedCalls: integer("unpriced_calls").notNull().default(0),
    updatedAtMs: integer("updated_at_ms").notNull(),
  },
  (t) => [index("run_usage_run_id_idx").on(t.runId)],
);

// ─── artifacts ───────────────────────────────────────────────────────────────────────────────────

export const artifactsTable = sqliteTable(
  "artifacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => runsTable.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["submission", "log", "code", "other"] }).notNull(),
    /** Path relative to the runs/ folder. */
    path: text("path").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256"),
    createdAtMs: integer("created_at_ms").notNull(),
  },
  (t) => [index("artifacts_run_id_idx").on(t.runId)],
);

// ─── validations ─────────────────────────────────────────────────────────────────────────────────
// In-run validation (/home/validate_submission.sh, $BENCH_VALIDATE): one row per request an agent
// made, with its time and bench's verdict, so reports can say how often an agent checked its work.
// The score is never kept here: for medal-graded competitions the agent was told only valid/invalid.

export const VALIDATION_VERDICTS = ["valid", "invalid", "rate_limited", "error"] as const;
export type ValidationVerdict = (typeof VALIDATION_VERDICTS)[number];

export const validationsTable = sqliteTable(
  "validations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => runsTable.id, { onDelete: "cascade" }),
    atMs: integer("at_ms").notNull(),
    /** Time since the agent started. */
    elapsedMs: integer("elapsed_ms").notNull(),
    verdict: text("verdict", { enum: VALIDATION_VERDICTS }).notNull(),
    /** The answer the agent got (bounded; secrets masked). */
    message: text("message").notNull(),
  },
  (t) => [index("validations_run_id_idx").on(t.runId)],
);
