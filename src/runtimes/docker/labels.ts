// The labels bench puts on every container it creates. They tie a container to its run, sweep and
// bench session, so `docker ps --filter label=bench.run-id=...` finds a run's container and the reaper
// can remove what a dead session left behind without touching anything bench does not manage.

import type { RunSpec } from "../runtime.js";

export const LABELS = {
  managed: "bench.managed",
  runId: "bench.run-id",
  sweepId: "bench.sweep-id",
  sessionId: "bench.session-id",
  competitionId: "bench.competition-id",
  /** On a container a cluster job started (Slurm's docker and podman launchers): the job owns it. */
  clusterJob: "bench.cluster-job",
} as const;

/** The filter that selects every container bench manages (and nothing else). */
export const MANAGED_FILTER: Readonly<Record<string, string>> = { [LABELS.managed]: "true" };

export function runLabels(
  spec: Pick<RunSpec, "runId" | "sweepId" | "sessionId" | "competitionId">,
): Record<string, string> {
  return {
    [LABELS.managed]: "true",
    [LABELS.runId]: spec.runId,
    [LABELS.sweepId]: spec.sweepId,
    [LABELS.sessionId]: spec.sessionId,
    [LABELS.competitionId]: spec.competitionId,
  };
}

/**
 * The labels of a container a cluster job starts on its node: the run's, sweep's and competition's, but
 * not bench.managed nor the session. The job, not a bench session, owns the container (a bench that dies
 * leaves it to the next one, which re-attaches to the job), so the Docker runtime's reaper must never list it.
 */
export function clusterJobLabels(
  spec: Pick<RunSpec, "runId" | "sweepId" | "competitionId">,
): Record<string, string> {
  return {
    [LABELS.clusterJob]: "true",
    [LABELS.runId]: spec.runId,
    [LABELS.sweepId]: spec.sweepId,
    [LABELS.competitionId]: spec.competitionId,
  };
}
