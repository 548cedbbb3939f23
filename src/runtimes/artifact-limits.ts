// How much of a run's files bench keeps, per folder: an agent controls what it writes, and a nightly
// sweep must not fill the disk or lose a valid submission because the agent also wrote a large
// checkpoint. Each folder has its own budget, so a 1 GiB model in code/ never crowds out
// submission.csv. Defaults are generous for real agents; every one can be set in the environment.

import { positiveIntegerFromEnv } from "../config/env-number.js";

export interface FolderBudget {
  /** Most bytes of regular files kept from the folder. */
  bytes: number;
  /** Most entries (files and folders) kept from the folder. */
  entries: number;
}

export interface ArtifactLimits {
  submission: FolderBudget;
  logs: FolderBudget;
  code: FolderBudget;
  /** Most bytes of the agent's stdout/stderr kept in agent.log; the rest is dropped with a note. */
  agentLogBytes: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = {
  // A submission is one CSV; the largest MLE-bench answers are a few hundred MB.
  submission: { bytes: 2 * GiB, entries: 1_000 },
  logs: { bytes: 1 * GiB, entries: 100_000 },
  code: { bytes: 2 * GiB, entries: 100_000 },
  agentLogBytes: 64 * MiB,
};

/** The environment variables that override the defaults, each a whole number. */
export const ARTIFACT_LIMIT_ENV = {
  submissionBytes: "BENCH_MAX_SUBMISSION_BYTES",
  logsBytes: "BENCH_MAX_LOGS_BYTES",
  codeBytes: "BENCH_MAX_CODE_BYTES",
  entries: "BENCH_MAX_ARTIFACT_ENTRIES",
  agentLogBytes: "BENCH_MAX_AGENT_LOG_BYTES",
} as const;

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  return positiveIntegerFromEnv(env, name, fallback, { unit: "bytes or entries" });
}

/** The limits in effect: the defaults, overridden by the environment. */
export function artifactLimitsFromEnv(env: Record<string, string | undefined> = process.env): ArtifactLimits {
  const d = DEFAULT_ARTIFACT_LIMITS;
  const entries = (fallback: number) => positive(env, ARTIFACT_LIMIT_ENV.entries, fallback);
  return {
    submission: {
      bytes: positive(env, ARTIFACT_LIMIT_ENV.submissionBytes, d.submission.bytes),
      entries: entries(d.submission.entries),
    },
    logs: {
      bytes: positive(env, ARTIFACT_LIMIT_ENV.logsBytes, d.logs.bytes),
      entries: entries(d.logs.entries),
    },
    code: {
      bytes: positive(env, ARTIFACT_LIMIT_ENV.codeBytes, d.code.bytes),
      entries: entries(d.code.entries),
    },
    agentLogBytes: positive(env, ARTIFACT_LIMIT_ENV.agentLogBytes, d.agentLogBytes),
  };
}
