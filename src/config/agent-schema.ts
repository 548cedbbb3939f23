// The schema of an agent file (agents/<name>.yaml): what to run, in which image, with which
// resources. An agent's identity in the store is its name plus a hash of this file's content, so a
// changed agent is a new version and a resumed sweep never mixes the two. Credentials are not in the
// file: it names them (`${{ secrets.NAME }}`, `pass_env`), see agent-environment.ts.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { BenchError } from "../errors.js";
import { ENV_NAME, isMalformedReference } from "./agent-environment.js";
import { DURATION_EXAMPLES, tryParseDuration } from "./duration.js";
import type { AgentImageBuild } from "./mlebench-agent-folder.js";
import { parseYamlText } from "./yaml-text.js";
import { describeValue, parseConfig } from "./zod-issues.js";

const duration = z.string().refine((text) => (tryParseDuration(text) ?? 0) > 0, {
  error: (issue) =>
    `expected a positive duration like ${DURATION_EXAMPLES}, got ${describeValue(issue.input)}`,
});

const command = z
  .array(z.string())
  .min(1, { message: 'expected the command as a list, like ["sh", "-c", "python main.py"]' });

export const agentSchema = z
  .strictObject({
    /** Shown in reports; letters, digits, '.', '_' or '-'. */
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
      message: "expected letters, digits, '.', '_' or '-' (starting with a letter or digit)",
    }),
    version: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    /** Docker image the agent runs in (docker runtime); built or imported beforehand, never pulled. */
    image: z.string().min(1).optional(),
    /** Start command, run in the image (docker) or on the host (local). */
    command,
    /** Appended to the command. */
    args: z.array(z.string()).default([]),
    /**
     * Extra environment variables. A value `${{ secrets.NAME }}` is bench's environment variable NAME,
     * read when a sweep starts (MLE-bench's syntax); the file and the store keep the reference only.
     */
    env: z
      .record(
        z.string().regex(ENV_NAME),
        z.string().refine((value) => !isMalformedReference(value), {
          error: (issue) =>
            `expected a plain value or a whole secret reference like "\${{ secrets.API_KEY }}", got ${describeValue(issue.input)}`,
        }),
      )
      .default({}),
    /** Variables passed from bench's environment under the same name, e.g. [HF_TOKEN]; none by default. */
    pass_env: z
      .array(z.string().regex(ENV_NAME, { message: "expected a variable name: letters, digits and '_'" }))
      .default([]),
    resources: z
      .strictObject({
        gpus: z.number().int().min(0).default(0),
        cpus: z.number().positive().default(1),
        memory_gb: z.number().positive().default(2),
        shm_gb: z.number().positive().default(0.0625),
        pids: z.number().int().positive().default(1024),
      })
      .prefault({}),
    /** Default time limit of a run (a sweep or --time-limit overrides it). */
    time_limit: duration.optional(),
    /** Network access for the agent's container; off by default. */
    network: z.boolean().default(false),
    /** A privileged container (docker runtime); refused unless the sweep allows it (--allow-privileged). */
    privileged: z.boolean().default(false),
    /**
     * In-run validation ($BENCH_VALIDATE, /home/validate_submission.sh): the most answers per minute one
     * run gets (default 5; a sweep's validations_per_minute overrides it).
     */
    validation: z.strictObject({ per_minute: z.number().int().min(1).default(5) }).prefault({}),
    /**
     * Prices of the models the agent calls, in US dollars per million tokens: what a usage line costs
     * when it reports tokens without `cost_usd` (see scheduler/usage-watcher.ts).
     */
    prices: z
      .record(
        z.string().min(1),
        z.strictObject({
          input_per_mtok: z.number().nonnegative(),
          output_per_mtok: z.number().nonnegative(),
        }),
      )
      .optional(),
    /**
     * The most LLM usage one run may report (tokens: input plus output; usd: the known costs). A run
     * past either is stopped like at its time limit and ends `over_budget`.
     */
    budget: z
      .strictObject({
        tokens: z.number().int().positive().optional(),
        usd: z.number().positive().optional(),
      })
      .refine((budget) => budget.tokens !== undefined || budget.usd !== undefined, {
        message: "expected tokens, usd or both, like { tokens: 2000000, usd: 50 }",
      })
      .optional(),
  })
  .superRefine((agent, context) => {
    const seen = new Set<string>();
    agent.pass_env.forEach((name, index) => {
      if (seen.has(name)) {
        context.addIssue({ code: "custom", path: ["pass_env", index], message: `${name} is listed twice` });
      } else if (name in agent.env) {
        context.addIssue({
          code: "custom",
          path: ["pass_env", index],
          message: `${name} is also set in env: keep one of the two`,
        });
      }
      seen.add(name);
    });
  });

export type AgentConfig = z.infer<typeof agentSchema>;

export interface LoadedAgent {
  config: AgentConfig;
  path: string;
  /** sha256 of the file's bytes: the agent's identity together with its name. */
  contentHash: string;
  /** MLE-bench agent folders (mlebench-agent-folder.ts): how the image is built, unless --image gave one. */
  build?: AgentImageBuild;
  /** MLE-bench agent folders: the start script on the host (the local runtime runs it from there). */
  startScript?: string;
}

export function parseAgent(text: string, file: string): AgentConfig {
  return parseConfig(agentSchema, parseYamlText(text, file), { file });
}

export async function loadAgent(file: string): Promise<LoadedAgent> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new BenchError("CONFIG_INVALID", `cannot read the agent file ${file}.`, {
      hint: "pass the path of an agent YAML file, e.g. agents/copy-sample.yaml",
      cause: error,
    });
  }
  const config = parseAgent(bytes.toString("utf8"), file);
  return { config, path: file, contentHash: createHash("sha256").update(bytes).digest("hex") };
}
