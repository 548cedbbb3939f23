// Runs scripts/python/reference_grade.py (the independent Python re-implementation of the reference's
// grade functions) on many (competition, answers, submission) jobs in ONE process: importing pandas and
// scikit-learn costs about a second, so batching keeps the parity test fast.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Debian's python3 (pandas, numpy, scipy, scikit-learn); BENCH_PYTHON overrides it. */
export const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
export const REFERENCE_SCRIPT = fileURLToPath(
  new URL("../../scripts/python/reference_grade.py", import.meta.url),
);

export interface ReferenceJob {
  readonly competition: string;
  readonly answers: string;
  readonly submission: string;
}

export interface ReferenceResult {
  /** Rounded to 5 decimals as the reference rounds; null when invalid, or when the score is NaN. */
  readonly score: number | null;
  readonly error: string | null;
  /** A valid NaN score (degenerate kappa). */
  readonly nan?: boolean;
  /** A valid infinite score: its sign. */
  readonly inf?: 1 | -1;
}

/** Why the Python reference cannot run here, or undefined when it can. */
export function pythonUnavailableReason(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
  try {
    execFileSync(PYTHON, ["-c", "import pandas, numpy, scipy, sklearn"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `${PYTHON} cannot import pandas, numpy, scipy and scikit-learn (${stderr?.split("\n").pop() ?? String(error)})`;
  }
}

export function runReference(jobs: readonly ReferenceJob[]): ReferenceResult[] {
  const output = execFileSync(PYTHON, [REFERENCE_SCRIPT, "--batch"], {
    input: JSON.stringify(jobs),
    maxBuffer: 64 * 1024 * 1024,
  });
  const results = JSON.parse(output.toString()) as ReferenceResult[];
  if (results.length !== jobs.length)
    throw new Error(`reference_grade.py answered ${results.length} of ${jobs.length} jobs`);
  return results;
}
