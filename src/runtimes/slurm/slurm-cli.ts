// The Slurm commands bench uses (sbatch, squeue, scontrol, scancel), run as child processes: the one
// place that knows their arguments and output formats. Every call is bounded in time; a command that is
// missing or does not answer becomes a BenchError RUNTIME (an infrastructure error, retried).

import { execFile } from "node:child_process";
import { BenchError } from "../../errors.js";

/** One job as squeue / scontrol show it. */
export interface SlurmJobInfo {
  jobId: string;
  /** PENDING, RUNNING, COMPLETING, COMPLETED, FAILED, TIMEOUT, OUT_OF_MEMORY, CANCELLED, NODE_FAIL ... */
  state: string;
  /** Why it waits or ended (Resources, Priority, None ...). */
  reason: string;
  comment: string;
  name: string;
}

export interface SlurmCommands {
  /** Submits a batch script; returns the job id. */
  sbatch(args: readonly string[], script: string): Promise<string>;
  /** The jobs among `jobIds` that squeue still knows (in any state); one call for all of them. */
  squeue(jobIds: readonly string[]): Promise<SlurmJobInfo[]>;
  /** Every job of bench's user that squeue knows, with its comment (used to find jobs to re-attach). */
  squeueAll(): Promise<SlurmJobInfo[]>;
  /** One job's state from scontrol (finished jobs stay there for MinJobAge); null when unknown. */
  showJob(jobId: string): Promise<SlurmJobInfo | null>;
  /**
   * Cancels jobs, or with `signal` only signals them: every process of the job (--full), or with
   * `batchOnly` the batch script alone (--batch); with `state` only the jobs in that state (--state).
   */
  scancel(jobIds: readonly string[], options?: ScancelOptions): Promise<void>;
  setComment(jobId: string, comment: string): Promise<void>;
}

export interface ScancelOptions {
  signal?: string;
  batchOnly?: boolean;
  state?: "PENDING" | "RUNNING";
}

const FIELD = "\u001f"; // unit separator: never in a job name or comment bench writes
const SQUEUE_FORMAT = ["%i", "%T", "%r", "%k", "%j"].join(FIELD);
const COMMAND_TIMEOUT_MS = 60_000;

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: readonly string[], input?: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      [...args],
      { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        if (code === null) {
          const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
          reject(
            new BenchError(
              "RUNTIME",
              missing
                ? `${file} was not found: the Slurm runtime needs Slurm's client commands on this machine.`
                : `${file} did not answer: ${error?.message ?? "unknown error"}`,
              {
                hint: missing
                  ? "install slurm-client (Debian) or run bench on a login node; for a test cluster: scripts/slurm-test-cluster.sh start"
                  : "check that slurmctld is up (sinfo).",
                cause: error,
              },
            ),
          );
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function failure(what: string, output: Output): BenchError {
  return new BenchError(
    "RUNTIME",
    `${what} failed (exit ${output.code}): ${output.stderr.trim().slice(0, 500)}`,
    {
      hint: "check the cluster with sinfo and squeue; a test cluster starts with scripts/slurm-test-cluster.sh start",
    },
  );
}

export function parseSqueue(text: string): SlurmJobInfo[] {
  const jobs: SlurmJobInfo[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const [jobId, state, reason, comment, name] = line.split(FIELD);
    if (jobId === undefined || state === undefined) continue;
    jobs.push({
      jobId: jobId.trim(),
      state: state.trim(),
      reason: (reason ?? "").trim(),
      comment: comment === "(null)" ? "" : (comment ?? ""),
      name: name ?? "",
    });
  }
  return jobs;
}

/** `scontrol show job -o` prints one line of Key=Value pairs; values may not hold spaces except Comment's. */
export function parseShowJob(text: string): SlurmJobInfo | null {
  const line = text.trim();
  if (line === "") return null;
  const get = (key: string): string => {
    const match = new RegExp(`(?:^|\\s)${key}=(\\S*)`).exec(line);
    return match?.[1] ?? "";
  };
  const jobId = get("JobId");
  if (jobId === "") return null;
  const comment = /(?:^|\s)Comment=(.*?)(?:\s[A-Z][A-Za-z]*=|$)/.exec(line)?.[1] ?? "";
  return {
    jobId,
    state: get("JobState"),
    reason: get("Reason"),
    comment: comment === "(null)" ? "" : comment,
    name: get("JobName"),
  };
}

export class SlurmCli implements SlurmCommands {
  async sbatch(args: readonly string[], script: string): Promise<string> {
    const output = await exec("sbatch", ["--parsable", ...args], script);
    if (output.code !== 0) throw failure("sbatch", output);
    // --parsable prints "<id>" or "<id>;<cluster>".
    const jobId = output.stdout.trim().split(";")[0] ?? "";
    if (!/^\d+(_\d+)?$/.test(jobId)) {
      throw new BenchError("RUNTIME", `sbatch printed no job id: ${output.stdout.slice(0, 200)}`);
    }
    return jobId;
  }

  async squeue(jobIds: readonly string[]): Promise<SlurmJobInfo[]> {
    if (jobIds.length === 0) return [];
    const output = await exec("squeue", ["-h", "-t", "all", "-o", SQUEUE_FORMAT, "-j", jobIds.join(",")]);
    // squeue refuses the whole list when none of its ids is known any more.
    if (output.code !== 0 && /invalid job id/i.test(output.stderr)) return [];
    if (output.code !== 0) throw failure("squeue", output);
    return parseSqueue(output.stdout);
  }

  async squeueAll(): Promise<SlurmJobInfo[]> {
    const output = await exec("squeue", ["-h", "-t", "all", "--me", "-o", SQUEUE_FORMAT]);
    if (output.code !== 0) throw failure("squeue", output);
    return parseSqueue(output.stdout);
  }

  async showJob(jobId: string): Promise<SlurmJobInfo | null> {
    const output = await exec("scontrol", ["show", "job", "-o", jobId]);
    if (output.code !== 0) {
      if (/invalid job id/i.test(output.stderr)) return null;
      throw failure("scontrol show job", output);
    }
    return parseShowJob(output.stdout);
  }

  async scancel(jobIds: readonly string[], options: ScancelOptions = {}): Promise<void> {
    if (jobIds.length === 0) return;
    const args =
      options.signal === undefined
        ? []
        : ["--signal", options.signal, options.batchOnly ? "--batch" : "--full"];
    if (options.state !== undefined) args.push(`--state=${options.state}`);
    const output = await exec("scancel", [...args, ...jobIds]);
    // A job that ended meanwhile is not an error: it is gone, as asked.
    if (
      output.code !== 0 &&
      !/invalid job id|already completing|job has already finished/i.test(output.stderr)
    ) {
      throw failure("scancel", output);
    }
  }

  async setComment(jobId: string, comment: string): Promise<void> {
    const output = await exec("scontrol", ["update", `JobId=${jobId}`, `Comment=${comment}`]);
    if (output.code !== 0) throw failure("scontrol update", output);
  }
}
