// Shared by the sklearn-baseline tests: where its program is, and whether the Python it needs is here
// (Debian's /usr/bin/python3 with pandas and scikit-learn, what its agent file runs). Without it the tests
// skip with the reason printed, unless BENCH_REQUIRE_PYTHON=1 (CI), where its absence fails them.

import path from "node:path";
import { demoPythonProblem } from "../../src/cli/commands/demo.js";

export const AGENTS_DIR = path.resolve(import.meta.dirname, "../../agents");
export const PROGRAM = path.join(AGENTS_DIR, "sklearn-baseline", "agent.py");
export const AGENT_FILE = path.join(AGENTS_DIR, "sklearn-baseline.yaml");
export const PYTHON = "/usr/bin/python3";

/** Whether to skip a test file for want of Python (printing why); never when BENCH_REQUIRE_PYTHON=1. */
export function skipWithoutPython(file: string): boolean {
  const problem = demoPythonProblem(PYTHON);
  if (problem === undefined || process.env.BENCH_REQUIRE_PYTHON === "1") return false;
  console.warn(`${file} skipped: ${problem} (set BENCH_REQUIRE_PYTHON=1 to make this fail)`);
  return true;
}
