// Measures one process as the speed benchmarks do: wall time around the whole process (start-up
// included) and peak RSS, as GNU time reports it (%M, from wait4's rusage) or, without GNU time, as a
// Python wrapper calling os.wait4 reports it.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";

const GNU_TIME = "/usr/bin/time";

/** "gnu-time" when /usr/bin/time exists, else "wait4" (through `python`). */
export function measureMethod() {
  return existsSync(GNU_TIME) ? "gnu-time" : "wait4";
}

let runs = 0;

/**
 * Runs `argv` to completion in `cwd`; returns { code, wallS, rssKb, stdout, stderr }. `python` runs the
 * wait4 wrapper when GNU time is missing.
 */
export function measure(argv, { method = measureMethod(), python = "/usr/bin/python3", cwd } = {}) {
  const statsFile = `${os.tmpdir()}/bench-grade-rusage-${process.pid}-${runs++}.txt`;
  const wrapped =
    method === "gnu-time"
      ? [GNU_TIME, "-f", "%e %M", "-o", statsFile, ...argv]
      : [python, "-c", WAIT4_WRAPPER, statsFile, ...argv];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(wrapped[0], wrapped.slice(1), {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const [, maxRssKb] = readFileSync(statsFile, "utf8").trim().split(/\s+/).slice(-2).map(Number);
      rmSync(statsFile, { force: true });
      resolve({
        code,
        wallS,
        rssKb: maxRssKb,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
  });
}

// Fallback when GNU time is missing: fork/exec the command and read its rusage from os.wait4.
const WAIT4_WRAPPER = `
import os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
start = time.monotonic()
pid = os.fork()
if pid == 0:
    os.execvp(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
open(out, "w").write(f"{time.monotonic() - start:.2f} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
