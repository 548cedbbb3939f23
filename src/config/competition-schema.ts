// The schema of `competitions/<id>/competition.yaml`: what a competition is (Kaggle or RE-bench), how it
// is scored, where its data and leaderboard live, and the resources a run gets. Keys are snake_case as
// written in the YAML; unknown keys are rejected so that a typo ("directon") fails loudly instead of
// silently falling back to a default.

import { z } from "zod";
import { BenchError } from "../errors.js";
import { DURATION_EXAMPLES, parseDuration, tryParseDuration } from "./duration.js";
import { describeValue, parseConfig } from "./zod-issues.js";

// Competition ids as MLE-bench and RE-bench spell them: "AI4Code", "ai_rd_fix_embedding", "spaceship-titanic".
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID_RULE = "expected letters, digits, '.', '_' or '-' (starting with a letter or digit)";
const TAG_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const TAG_RULE = 'expected a lower-case tag like "low" or "split75"';

/**
 * Resource defaults for one run. MLE-bench gave each agent 24 hours and one GPU (its paper's machines had
 * 36 vCPUs and 440 GB for a single agent); bench runs several agents side by side, so it defaults to a
 * slice a workstation or one cloud GPU node can give each of a few concurrent runs.
 */
export const DEFAULT_LIMITS = { time: "24h", cpus: 8, memory_gb: 32, gpus: 1 } as const;

const direction = z.enum(["higher", "lower"]);

/** Text matching `pattern`, with an error that states the rule and the value found. */
const textMatching = (pattern: RegExp, rule: string) =>
  z.string().regex(pattern, { error: (issue) => `${rule}, got ${describeValue(issue.input)}` });

const relativeDataPath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith("/") && !path.split(/[\\/]/).includes(".."), {
    error: (issue) =>
      `expected a path relative to the competition's prepared/ folder (like "private/test.csv"), got ${describeValue(issue.input)}`,
  });

const duration = z.string().refine((text) => (tryParseDuration(text) ?? 0) > 0, {
  error: (issue) =>
    `expected a positive duration like ${DURATION_EXAMPLES}, got ${describeValue(issue.input)}`,
});

const metricSchema = z.strictObject({
  /** The metric's name as the source benchmark spells it ("auc-roc", "root_mean_squared_error"). */
  name: z.string().min(1),
  /** A coarse grouping for reports ("AUC-ROC", "Log loss"). */
  family: z.string().min(1).optional(),
  /** The metric's natural direction; the leaderboard's inferred direction wins when they disagree. */
  direction,
  /** Metric-specific parameters passed to the grader. */
  params: z.record(z.string(), z.unknown()).optional(),
});

const dataSchema = z.strictObject({
  /** `mlebench`: prepared by `mlebench prepare` under the data dir; `bundled`: shipped in this folder. */
  source: z.enum(["mlebench", "bundled"]),
  /** The answers file, relative to `prepared/` (e.g. `private/test.csv`). */
  answers: relativeDataPath,
  /** The sample submission, relative to `prepared/` (e.g. `public/sample_submission.csv`). */
  sample_submission: relativeDataPath,
  description: z.string().min(1).optional(),
});

const limitsSchema = z
  .strictObject({
    /** Wall-clock limit of one run, e.g. "24h", "30m", "1h30m". */
    time: duration.default(DEFAULT_LIMITS.time),
    cpus: z.number().positive().default(DEFAULT_LIMITS.cpus),
    memory_gb: z.number().positive().default(DEFAULT_LIMITS.memory_gb),
    gpus: z.number().int().min(0).default(DEFAULT_LIMITS.gpus),
    /** Size of /dev/shm for the run's container (PyTorch data loaders need more than Docker's 64 MB). */
    shm_gb: z.number().positive().optional(),
  })
  .prefault({});

const rebenchSchema = z
  .strictObject({
    /** What the environment's raw score measures, e.g. "ln(seconds of finetune.sh)". */
    raw: z.string().min(1),
    better: direction,
    /** Raw score of the starting solution (normalized score 0). */
    ys: z.number(),
    /** Raw score of the reference solution (normalized score 1). */
    yr: z.number(),
    /** Which logged score of a run counts: the best one, or the last valid one. */
    within_run: z.enum(["best", "last"]),
    /** How runs combine in score@k: best of k (the default), or their mean. */
    across_runs: z.enum(["best", "mean"]).optional(),
  })
  .refine((rebench) => rebench.ys !== rebench.yr, {
    message: "ys and yr must differ: the normalized score divides by yr - ys",
    path: ["yr"],
  });

export const competitionManifestSchema = z
  .strictObject({
    /** Must equal the competition's folder name. */
    id: textMatching(ID_PATTERN, ID_RULE),
    name: z.string().min(1),
    kind: z.enum(["kaggle", "rebench"]),
    description: z.string().min(1),
    /** Tags of the sets this competition belongs to: low, medium, high, dev, split75, demo ... */
    splits: z
      .array(textMatching(TAG_PATTERN, TAG_RULE))
      .refine((tags) => new Set(tags).size === tags.length, { message: "split tags must not repeat" }),
    metric: metricSchema,
    /** Id of the grader module; null when bench cannot grade this competition yet. */
    grader: z
      .string({ error: (issue) => `expected a grader id or null, got ${describeValue(issue.input)}` })
      .regex(ID_PATTERN, { error: (issue) => `${ID_RULE}, got ${describeValue(issue.input)}` })
      .nullable(),
    gradable: z.boolean(),
    /** Why the competition is not gradable (required when `gradable` is false). */
    gradable_note: z.string().min(1).optional(),
    data: dataSchema.optional(),
    /** File name of the Kaggle private leaderboard beside the YAML, or null when there is none. */
    leaderboard: z
      .string({
        error: (issue) =>
          `expected a file name like "leaderboard.csv" or null, got ${describeValue(issue.input)}`,
      })
      .regex(/^[^/\\]+\.csv$/, {
        error: (issue) =>
          `expected a CSV file name beside the YAML, like "leaderboard.csv", got ${describeValue(issue.input)}`,
      })
      .nullable(),
    leaderboard_note: z.string().min(1).optional(),
    /** Whether Kaggle awarded medals in this competition (bench computes medals whenever it has a leaderboard). */
    awards_medals: z.boolean(),
    /** Teams on the Kaggle private leaderboard. */
    teams: z.number().int().positive().optional(),
    limits: limitsSchema,
    /**
     * Known problems of the competition as packaged (MLE-bench's "Known Issues"): `leak` (public data
     * reveals test labels), `prepare` (the prepared split is wrong), `data` (files missing or mismatched),
     * `crowded` (medal thresholds barely differ). Reports footnote them; --exclude-known-leaks drops leaks.
     */
    known_issues: z
      .array(
        z.strictObject({
          kind: z.enum(["leak", "prepare", "data", "crowded"]),
          text: z.string().min(1),
          ref: z.string().min(1).nullable(),
        }),
      )
      .optional(),
    /** Required when `kind` is rebench: how raw scores normalize (SCORING.md §3). */
    rebench: rebenchSchema.optional(),
  })
  .superRefine((manifest, context) => {
    const problem = (path: PropertyKey[], message: string) =>
      context.addIssue({ code: "custom", path, message });
    if (manifest.kind === "rebench" && manifest.rebench === undefined) {
      problem(["rebench"], "required when kind is rebench: raw, better, ys, yr, within_run");
    }
    if (manifest.kind === "kaggle" && manifest.rebench !== undefined) {
      problem(["rebench"], "only allowed when kind is rebench");
    }
    if (manifest.kind === "kaggle" && manifest.data === undefined) {
      problem(["data"], "required when kind is kaggle: source, answers, sample_submission");
    }
    if (
      manifest.kind === "rebench" &&
      manifest.rebench &&
      manifest.rebench.better !== manifest.metric.direction
    ) {
      problem(
        ["rebench", "better"],
        `must equal metric.direction ("${manifest.metric.direction}"), got "${manifest.rebench.better}"`,
      );
    }
    if (manifest.gradable && manifest.grader === null) {
      problem(["grader"], "a gradable competition needs a grader id (or set gradable: false)");
    }
    if (!manifest.gradable && manifest.gradable_note === undefined) {
      problem(["gradable_note"], "required when gradable is false: say why it cannot be graded yet");
    }
  });

/** A validated `competition.yaml`, with defaults filled in. */
export type CompetitionManifest = z.infer<typeof competitionManifestSchema>;
/** The YAML as a user may write it (defaults optional). */
export type CompetitionManifestInput = z.input<typeof competitionManifestSchema>;
export type MetricDirection = z.infer<typeof direction>;

/**
 * Validates parsed YAML as a competition manifest. `file` names the source in error messages; with
 * `expectedId` (the folder name) a different `id` is an error too. Throws BenchError CONFIG_INVALID.
 */
export function parseCompetitionManifest(
  data: unknown,
  source: { file: string; expectedId?: string },
): CompetitionManifest {
  const manifest = parseConfig(competitionManifestSchema, data, { file: source.file });
  if (source.expectedId !== undefined && manifest.id !== source.expectedId) {
    throw new BenchError(
      "CONFIG_INVALID",
      `${source.file}: id: must equal the folder name "${source.expectedId}", got "${manifest.id}"`,
      { hint: `rename the folder or set id: ${source.expectedId}` },
    );
  }
  return manifest;
}

/** A run's resource limits in the units the scheduler and runtimes use. */
export interface ResourceLimits {
  timeLimitMs: number;
  cpus: number;
  memoryGb: number;
  gpus: number;
  shmGb: number | undefined;
}

export function resourceLimits(manifest: CompetitionManifest): ResourceLimits {
  return {
    timeLimitMs: parseDuration(manifest.limits.time, `${manifest.id}: limits.time`),
    cpus: manifest.limits.cpus,
    memoryGb: manifest.limits.memory_gb,
    gpus: manifest.limits.gpus,
    shmGb: manifest.limits.shm_gb,
  };
}
