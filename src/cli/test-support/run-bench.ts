// The CLI as a user drives it, in-process: the same entry point as bin/bench.js, with stdout and stderr
// captured and the exit code read back (and reset, so one test's code never leaks into the next).

import { vi } from "vitest";
import { runCli } from "../run-cli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function bench(...args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await runCli(["node", "bench", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}
