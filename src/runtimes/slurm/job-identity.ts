// How a Slurm job says which bench run it is: its comment carries the run, sweep and session ids (its
// name, shown by squeue, is only for people). A bench killed with kill -9 and started again finds its
// still-running jobs by this comment instead of submitting them again, and `bench reap` cancels the jobs
// of dead sessions by it, never anything else on the cluster.

import type { RunSpec } from "../runtime.js";

export interface JobIdentity {
  runId: string;
  sweepId: string;
  sessionId: string;
}

const PREFIX = "bench:";

export function formatJobComment(identity: JobIdentity): string {
  const field = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;
  return `${PREFIX}${[field("run", identity.runId), field("sweep", identity.sweepId), field("session", identity.sessionId)].join(";")}`;
}

/** The identity in a job's comment; null for a job bench did not submit. */
export function parseJobComment(comment: string): JobIdentity | null {
  if (!comment.startsWith(PREFIX)) return null;
  const fields = new Map<string, string>();
  for (const part of comment.slice(PREFIX.length).split(";")) {
    const equals = part.indexOf("=");
    if (equals <= 0) return null;
    try {
      fields.set(part.slice(0, equals), decodeURIComponent(part.slice(equals + 1)));
    } catch {
      return null;
    }
  }
  const runId = fields.get("run");
  const sweepId = fields.get("sweep");
  const sessionId = fields.get("session");
  if (!runId || !sweepId || !sessionId) return null;
  return { runId, sweepId, sessionId };
}

/** A job name people recognise in squeue: Slurm shows names whole, bench keeps them short. */
export function jobName(spec: Pick<RunSpec, "runId">): string {
  return `bench-${spec.runId.replace(/[^A-Za-z0-9_.:-]+/g, "-")}`.slice(0, 120);
}
