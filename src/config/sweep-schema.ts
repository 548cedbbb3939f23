// The schema of a sweep file (`bench sweep run nightly.yaml`): agents × competitions × seeds, the
// runtime, the machine's resources and the failure budget. `bench run` builds the same object from
// its flags, so both paths share one validation and one meaning. The file's `name` may hold
// placeholders ({date}, {datetime}, {git_sha:<folder>}); they are resolved when the file is loaded,
// so a SweepConfig always carries the concrete name.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { BenchError } from "../errors.js";
import { DURATION_EXAMPLES, tryParseDuration } from "./duration.js";
import type { GitRevisionReader } from "./git-revision.js";
import { slurmSchema } from "./slurm-schema.js";
import { resolveSweepName, SWEEP_NAME } from "./sweep-name.js";
import { parseYamlText } from "./yaml-text.js";
import { describeValue, parseConfig } from "./zod-issues.js";

const duration = z.string().refine((text) => (tryParseDuration(text) ?? 0) > 0, {
  error: (issue) =>
    `expected a positive duration like ${DURATION_EXAMPLES}, got ${describeValue(issue.input)}`,
});

export const sweepSchema = z
  .strictObject({
    /** The sweep's identity: running a sweep with the same name again resumes it. */
    name: z.string().regex(SWEEP_NAME, {
      message: "expected letters, digits, '.', '_' or '-' (it names a folder under runs/)",
    }),
    /** Agent files, relative to the sweep file. */
    agents: z.array(z.string().min(1)).min(1),
    /** Competition ids; or use `split`. */
    competitions: z.array(z.string().min(1)).default([]),
    /** A split tag of the registry (low, medium, high, split75, dev, demo ...). */
    split: z.string().min(1).optional(),
    seeds: z.number().int().min(1).max(1000).default(1),
    runtime: z.enum(["docker", "local", "slurm"]).default("local"),
    /** The Slurm runtime's cluster options (partition, account, QoS, launcher ...): see slurm-schema.ts. */
    slurm: slurmSchema.optional(),
    /** Runs at once, at most (resources may allow fewer). */
    concurrency: z.number().int().min(1).default(1),
    /** GPU device ids this machine offers, e.g. ["0", "1"]. Each run gets its own, never shared. */
    gpus: z.array(z.string().min(1)).default([]),
    /** CPUs and memory the sweep may hand out in total. Default: this machine's. */
    cpus: z.number().positive().optional(),
    memory_gb: z.number().positive().optional(),
    /** Overrides the agents' and competitions' time limits. */
    time_limit: duration.optional(),
    /** MLE-bench data dir (holds <id>/prepared/). Default: $BENCH_DATA_DIR. */
    data_dir: z.string().min(1).optional(),
    /** Attempts after an infrastructure error (engine failure, missing image). */
    retries: z.number().int().min(0).max(10).default(2),
    /** The sweep exits non-zero when more than this fraction of runs end in infrastructure errors. */
    max_infra_error_rate: z.number().min(0).max(1).default(0),
    /** Lets agents that ask for a privileged container have one (MLE-bench's `privileged: true`). */
    allow_privileged: z.boolean().default(false),
    /** In-run validation answers per minute for each run; overrides the agents' own setting. */
    validations_per_minute: z.number().int().min(1).optional(),
    /** Grace between SIGTERM and SIGKILL when a run is stopped. */
    stop_grace: duration.default("10s"),
  })
  .superRefine((sweep, context) => {
    if (sweep.competitions.length === 0 && sweep.split === undefined) {
      context.addIssue({
        code: "custom",
        path: ["competitions"],
        message: "give competition ids, or a split",
      });
    }
    if (new Set(sweep.gpus).size !== sweep.gpus.length) {
      context.addIssue({ code: "custom", path: ["gpus"], message: "GPU ids must not repeat" });
    }
  });

export type SweepConfig = z.infer<typeof sweepSchema>;
export type SweepInput = z.input<typeof sweepSchema>;

export function parseSweep(data: unknown, file: string): SweepConfig {
  return parseConfig(sweepSchema, data, { file });
}

export interface LoadSweepOptions {
  /** A name (template) that replaces the file's own, e.g. from --name; relative to the current folder. */
  name?: string | undefined;
  /** The clock for {date} and {datetime}, in ms since the epoch; default Date.now. */
  now?: () => number;
  /** Reads {git_sha:<folder>}; default git itself. */
  gitSha?: GitRevisionReader;
}

/**
 * Reads a sweep file; agent paths are resolved relative to it, and so are the folders of
 * {git_sha:<folder>} in its `name` (those of `options.name` are relative to the current folder).
 */
export async function loadSweepFile(file: string, options: LoadSweepOptions = {}): Promise<SweepConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BenchError("USAGE", `cannot read the sweep file ${file}.`, { cause: error });
  }
  const data = parseYamlText(text, file);
  const base = path.dirname(path.resolve(file));
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const fromFlag = options.name !== undefined;
    const template = fromFlag ? options.name : record.name;
    if (!fromFlag && typeof template === "object" && template !== null) {
      // YAML reads an unquoted value that starts with "{" as a mapping.
      throw new BenchError("CONFIG_INVALID", `${file}: name: expected text, got a mapping.`, {
        hint: 'quote a name that starts with a placeholder: name: "{date}-nightly"',
      });
    }
    if (typeof template === "string") {
      record.name = await resolveSweepName(template, {
        what: fromFlag ? "--name" : `${file}: name`,
        baseDir: fromFlag ? process.cwd() : base,
        ...(options.now ? { now: options.now } : {}),
        ...(options.gitSha ? { gitSha: options.gitSha } : {}),
      });
    }
  }
  const sweep = parseSweep(data, file);
  return { ...sweep, agents: sweep.agents.map((agent) => path.resolve(base, agent)) };
}
