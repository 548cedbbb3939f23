// Shared by the tests that need a real Slurm cluster (scripts/slurm-test-cluster.sh start): whether one
// answers (skip with a printed reason, or fail under BENCH_REQUIRE_SLURM=1), how many GPUs its node
// declares, and the jobs bench left in squeue.

import { execFileSync } from "node:child_process";
import { parseJobComment } from "../job-identity.js";

export const REQUIRE_SLURM = process.env.BENCH_REQUIRE_SLURM === "1";

function run(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "pipe"] });
}

/** Why the Slurm tests cannot run here, or undefined when they can. */
export function slurmUnavailableReason(): string | undefined {
  try {
    const states = run("sinfo", ["-h", "-o", "%T"]).trim().split("\n");
    if (!states.some((state) => /^(idle|mixed|allocated|completing)/.test(state))) {
      return `no Slurm node is up (sinfo: ${states.join(", ")}): run scripts/slurm-test-cluster.sh start`;
    }
  } catch (error) {
    return `no Slurm cluster answers (${(error as Error).message.split("\n")[0]}): run scripts/slurm-test-cluster.sh start`;
  }
  return undefined;
}

/** Prints why a Slurm test file is skipped (never silently); returns whether to skip it. */
export function skipWithoutSlurm(file: string, unavailable: string | undefined): boolean {
  if (unavailable === undefined || REQUIRE_SLURM) return false;
  console.warn(`${file} skipped: ${unavailable} (set BENCH_REQUIRE_SLURM=1 to make this fail)`);
  return true;
}

/** The GPUs the cluster's nodes declare in all (GRES gpu:N). */
export function declaredGpus(): number {
  let total = 0;
  for (const line of run("sinfo", ["-h", "-N", "-o", "%G"]).split("\n")) {
    const match = /gpu(?::[^:(,]+)?:(\d+)/.exec(line);
    if (match) total += Number(match[1]);
  }
  return total;
}

/** bench's jobs of one sweep that Slurm still has queued or running. */
export function liveJobsOfSweep(sweepId: string): string[] {
  // Queued, running or suspended; not a job Slurm is only cleaning up after (COMPLETING).
  const out = run("squeue", ["-h", "-t", "PD,CF,R,S,RQ,RH,RS", "-o", "%i|%k"]);
  return out
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => parseJobComment(line.slice(line.indexOf("|") + 1))?.sweepId === sweepId)
    .map((line) => line.slice(0, line.indexOf("|")));
}

export const REQUIRE_PODMAN = process.env.BENCH_REQUIRE_PODMAN === "1";

/** Why the podman launcher's tests cannot run here (scripts/podman-test-setup.sh), or undefined. */
export function podmanUnavailableReason(image = "bench-busybox:test"): string | undefined {
  try {
    run("podman", ["image", "inspect", "-f", "{{.Id}}", image]);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "podman is not installed"
        : `podman has no image ${image}`;
    return `${reason}: run scripts/podman-test-setup.sh`;
  }
  return undefined;
}

/** Prints why a podman test is skipped (never silently); returns whether to skip it. */
export function skipWithoutPodman(what: string, unavailable: string | undefined): boolean {
  if (unavailable === undefined || REQUIRE_PODMAN) return false;
  console.warn(`${what} skipped: ${unavailable} (set BENCH_REQUIRE_PODMAN=1 to make this fail)`);
  return true;
}
