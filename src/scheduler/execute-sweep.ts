// Everything `bench run` and `bench sweep run` share: load the agents and competitions, open the
// store, reap what a dead bench left behind, run the sweep with Ctrl-C handling, and decide the exit
// status a nightly job can alert on.

import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { agentSecretValues, checkAgentEnvironments } from "../config/agent-environment.js";
import { type LoadedAgent, loadAgent } from "../config/agent-schema.js";
import { parseDuration } from "../config/duration.js";
import {
  type FolderAgentOptions,
  loadAgentFolder,
  parseAgentFolderReference,
} from "../config/mlebench-agent-folder.js";
import type { SweepConfig } from "../config/sweep-schema.js";
import { BenchError } from "../errors.js";
import { CompetitionGrading } from "../grading/competition-grading.js";
import type { Competition } from "../registry/competition-registry.js";
import { type CompetitionRegistry, listCompetitions } from "../registry/competition-registry.js";
import { dataLocation } from "../registry/data-location.js";
import { artifactLimitsFromEnv } from "../runtimes/artifact-limits.js";
import { createRuntime } from "../runtimes/create-runtime.js";
import { formatBytes } from "../runtimes/local/folder-budget.js";
import { LOCAL_ISOLATION_WARNING } from "../runtimes/local/local-runtime.js";
import { USAGE_FILE_NAME } from "../runtimes/runtime.js";
import { currentSessionId, isSessionAlive } from "../runtimes/session.js";
import type { SlurmRuntimeOptions } from "../runtimes/slurm/slurm-runtime.js";
import { boundedText } from "../store/bounded-text.js";
import { withBusyRetry } from "../store/busy-retry.js";
import { openStore } from "../store/open-store.js";
import { appendScoreLog } from "../store/score-log-repo.js";
import { resolveRunsRoot } from "../store/store-path.js";
import { replaceRunUsage } from "../store/usage-repo.js";
import { appendValidation } from "../store/validations-repo.js";
import { adaptFolderAgents, checkPrivileged } from "./folder-agent-setup.js";
import { gradeRun } from "./grade-run.js";
import { ResourcePool } from "./resource-pool.js";
import { StoreRunJournal } from "./run-journal.js";
import { ScoreRequestWatcher } from "./score-requests.js";
import { planSweep } from "./sweep-plan.js";
import { runSweep, type SweepEvent, type SweepSummary } from "./sweep-runner.js";
import { DEFAULT_MAX_USAGE_FILE_BYTES, UsageWatcher } from "./usage-watcher.js";
import { ValidationWatcher } from "./validation-requests.js";

/** The score folder is a writable host folder: this caps what an agent can put there (bytes). */
export const SCORE_FOLDER_LIMIT_ENV = "BENCH_MAX_SCORE_FOLDER_BYTES";
/** The most of an agent's usage file bench reads (bytes); an agent writing more is stopped. */
export const USAGE_FILE_LIMIT_ENV = "BENCH_MAX_USAGE_FILE_BYTES";

export interface ExecuteOptions {
  dbPath?: string | undefined;
  runsRoot?: string | undefined;
  competitionsRoot?: string | undefined;
  onEvent?: (event: SweepEvent, progress: { done: number; total: number; running: number }) => void;
  onNotice?: (message: string) => void;
  /** Ctrl-C handling; tests pass their own signals instead. */
  signal?: AbortSignal;
  forceSignal?: AbortSignal;
  retryBaseDelayMs?: number;
}

export interface ExecuteResult {
  sweepId: string;
  summary: SweepSummary;
  /** 0 ok; 1 stopped by a full disk (summary.diskFull); 3 infrastructure errors above the threshold; 130 stopped by the user. */
  exitCode: number;
}

/** A stable name for an unnamed `bench run`: the same agents, competitions and seeds resume it. */
export function defaultSweepName(
  agents: readonly LoadedAgent[],
  competitionIds: readonly string[],
  seeds: number,
): string {
  const hash = createHash("sha256")
    .update(
      JSON.stringify({
        agents: agents.map((a) => a.contentHash).sort(),
        competitionIds: [...competitionIds].sort(),
        seeds,
      }),
    )
    .digest("hex");
  return `run-${hash.slice(0, 10)}`;
}

async function resolveCompetitions(
  sweep: SweepConfig,
  registry: CompetitionRegistry,
): Promise<Competition[]> {
  const byId = new Map<string, Competition>();
  if (sweep.split !== undefined) {
    for (const c of await listCompetitions({ root: registry.root, split: sweep.split })) byId.set(c.id, c);
  }
  for (const id of sweep.competitions) byId.set(id, await registry.get(id));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function loadAgents(
  files: readonly string[],
  options: FolderAgentOptions = {},
): Promise<LoadedAgent[]> {
  // `<agents-dir>#<agent-id>`: an MLE-bench agent folder (mlebench-agent-folder.ts).
  const agents = await Promise.all(
    files.map((file) =>
      parseAgentFolderReference(file) === null ? loadAgent(file) : loadAgentFolder(file, options),
    ),
  );
  if (options.image !== undefined && !agents.some((agent) => agent.path.includes("#"))) {
    throw new BenchError("USAGE", "--image applies to MLE-bench agent folders, and none was given.", {
      hint: "name the agent as <agents-dir>#<agent-id>, or put image: in the agent file",
    });
  }
  const names = new Map<string, string>();
  for (const agent of agents) {
    const other = names.get(agent.config.name);
    if (other !== undefined && other !== agent.contentHash) {
      throw new BenchError(
        "USAGE",
        `two agent files are both named "${agent.config.name}" with different content.`,
        {
          hint: "give each agent configuration its own name: reports group runs by name.",
        },
      );
    }
    names.set(agent.config.name, agent.contentHash);
  }
  return agents;
}

/** The Slurm runtime's options from the sweep file's `slurm:` section. */
function slurmRuntimeOptions(sweep: SweepConfig, notice: (message: string) => void): SlurmRuntimeOptions {
  const slurm = sweep.slurm;
  return {
    launcher: slurm?.launcher ?? "auto",
    partition: slurm?.partition,
    account: slurm?.account,
    qos: slurm?.qos,
    extraArgs: slurm?.sbatch_args ?? [],
    ...(slurm?.poll_interval ? { pollMs: parseDuration(slurm.poll_interval, "slurm.poll_interval") } : {}),
    onNotice: (message) => notice(`warning: ${message}`),
  };
}

/**
 * A pool that only bounds the runs in flight: as many placeholder GPU slots, CPUs and memory as
 * `concurrency` runs of the hungriest agent need. The runtime ignores the slots' names (Slurm
 * allocates the devices); only their number reaches it.
 */
function clusterPool(agents: readonly LoadedAgent[], concurrency: number): ResourcePool {
  const most = (pick: (agent: LoadedAgent) => number) => Math.max(1, ...agents.map(pick)) * concurrency;
  const gpus = most((agent) => agent.config.resources.gpus);
  return new ResourcePool({
    gpuIds: Array.from({ length: gpus }, (_, i) => `slot${i}`),
    cpus: most((agent) => agent.config.resources.cpus),
    memoryGb: most((agent) => agent.config.resources.memory_gb),
  });
}

export async function executeSweep(
  sweep: SweepConfig,
  agents: LoadedAgent[],
  options: ExecuteOptions = {},
): Promise<ExecuteResult> {
  const notice = options.onNotice ?? (() => {});
  // A missing credential must stop the sweep before anything runs, not fail every run at night.
  checkAgentEnvironments(agents);
  checkPrivileged(agents, sweep.allow_privileged);
  adaptFolderAgents(agents, sweep.runtime);
  const grading = new CompetitionGrading({
    dataDir: sweep.data_dir,
    competitionsRoot: options.competitionsRoot,
  });
  const competitions = await resolveCompetitions(sweep, grading.registry);
  // Check gradability and data before launching anything: a missing data dir must not cost a night.
  for (const competition of competitions) await grading.prepare(competition.id);

  const plan = planSweep(sweep, agents, competitions);
  const runtime = await createRuntime(sweep.runtime, { slurm: slurmRuntimeOptions(sweep, notice) });
  // A cluster runtime's scheduler hands out the resources (Slurm picks the GPUs); bench only bounds
  // how many runs are in flight, with a pool no run can exhaust.
  const pool = runtime.allocatesResources
    ? clusterPool(agents, sweep.concurrency)
    : new ResourcePool({
        gpuIds: sweep.gpus,
        cpus: sweep.cpus ?? os.cpus().length,
        memoryGb: sweep.memory_gb ?? Math.floor(os.totalmem() / 1024 ** 3),
      });
  for (const agent of agents) {
    const r = agent.config.resources;
    pool.assertSatisfiable(
      { gpus: r.gpus, cpus: r.cpus, memoryGb: r.memory_gb },
      `agent ${agent.config.name}`,
    );
  }

  if (!runtime.isolates) notice(`warning: ${LOCAL_ISOLATION_WARNING}`);
  if (runtime.name === "docker" && agents.some((agent) => agent.build !== undefined)) {
    // MLE-bench agent folders: their Dockerfiles, built once per content (never pulling anything).
    const { buildAgentImages } = await import("../runtimes/docker/build-agent-image.js");
    await buildAgentImages(agents, { onNotice: notice });
  }
  for (const agent of agents) await runtime.preflight({ image: agent.config.image });

  const store = openStore({ path: options.dbPath });
  const sessionId = currentSessionId();
  try {
    // Jobs a dead bench left on a cluster are re-attached below, not reaped (`bench reap` does that).
    const reaped = runtime.reattaches ? 0 : await runtime.reapOrphans(isSessionAlive);
    if (reaped > 0) {
      const what = runtime.name === "docker" ? "container(s)" : "run(s)' leftover processes";
      notice(`removed ${reaped} ${what} left behind by a bench that is no longer running`);
    }

    const graders = new Map<string, { id: string; version: number }>();
    for (const c of competitions) graders.set(c.id, await grading.graderOf(c.id));
    const journal = new StoreRunJournal({
      db: store.db,
      graderOf: (run) => graders.get(run.competition.id) ?? null,
      isSessionAlive,
      currentSessionId: sessionId,
    });
    journal.startSweep(sweep.name, sweep as unknown as Record<string, unknown>);

    // runs/ of the bench home: $BENCH_HOME, the project's runs/ found upwards, or the current folder.
    const runsRoot = path.resolve(options.runsRoot ?? resolveRunsRoot());
    const scoreFolderLimit = Number(process.env[SCORE_FOLDER_LIMIT_ENV] ?? "") || 1024 ** 3;
    const usageFileLimit = Number(process.env[USAGE_FILE_LIMIT_ENV] ?? "") || DEFAULT_MAX_USAGE_FILE_BYTES;
    let done = 0;
    let running = 0;
    // The last line of defence: a promise some background work forgot to handle must not end the
    // process (and with it every run in flight). Each run's own failures are caught in runSweep.
    const onStray = (reason: unknown) =>
      notice(
        `warning: bench hit an unexpected error outside any run and went on: ${boundedText(reason instanceof Error ? reason.message : String(reason), 500)}`,
      );
    process.on("unhandledRejection", onStray);
    const summary = await runSweep(plan, {
      sweepId: sweep.name,
      sessionId,
      runtime,
      pool,
      journal,
      runsRoot,
      concurrency: sweep.concurrency,
      artifactLimits: artifactLimitsFromEnv(),
      retries: sweep.retries,
      stopGraceMs: parseDuration(sweep.stop_grace, "stop_grace"),
      ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.forceSignal ? { forceSignal: options.forceSignal } : {}),
      publicDataDir: (run) =>
        dataLocation(run.competition.manifest, { dataDir: sweep.data_dir, root: grading.registry.root })
          .publicDir,
      grade: (run, result) => gradeRun(grading, run, path.join(runsRoot, run.relativeDir), result),
      watchRun: (run, runDir, startedAtMs, violate) => {
        const watcher = new ScoreRequestWatcher({
          maxBytes: scoreFolderLimit,
          onOverLimit: (bytes) =>
            violate(
              `the agent wrote ${(bytes / 2 ** 20).toFixed(0)} MiB into its score folder, above the ${(scoreFolderLimit / 2 ** 20).toFixed(0)} MiB allowed; it was stopped`,
            ),
          scoreDir: path.join(runDir, "score"),
          startedAtMs,
          grade: (file, refusal) => grading.grade(run.competition.id, file, refusal ? { refusal } : {}),
          record: (entry) => withBusyRetry(() => appendScoreLog(store.db, run.runId, [entry])),
          // A medal-graded competition's score stays outside: the agent learns valid or invalid only.
          revealScore: run.competition.manifest.kind === "rebench",
          onError: (message) => notice(`warning: run ${run.runId}: ${message}`),
        });
        watcher.start();
        const validations = new ValidationWatcher({
          scoreDir: path.join(runDir, "score"),
          startedAtMs,
          grade: (file, refusal) => grading.grade(run.competition.id, file, refusal ? { refusal } : {}),
          record: (entry) => withBusyRetry(() => appendValidation(store.db, run.runId, entry)),
          revealScore: run.competition.manifest.kind === "rebench",
          perMinute: sweep.validations_per_minute ?? run.agent.config.validation.per_minute,
          secrets: agentSecretValues(run.agent),
          onError: (message) => notice(`warning: run ${run.runId}: ${message}`),
        });
        validations.start();
        const usage = new UsageWatcher({
          file: path.join(runDir, "score", USAGE_FILE_NAME),
          prices: run.agent.config.prices,
          budget: run.agent.config.budget,
          record: (models) => replaceRunUsage(store.db, run.runId, models),
          onOverBudget: (message) => violate(message, "over_budget"),
          maxBytes: usageFileLimit,
          onOverLimit: (bytes) =>
            violate(
              `the agent wrote ${formatBytes(bytes)} into its usage file, above the ${formatBytes(usageFileLimit)} allowed; it was stopped`,
            ),
          onError: (message) => notice(`warning: run ${run.runId}: ${message}`),
        });
        usage.start();
        return {
          stop: async () => {
            await Promise.all([watcher.stop(), validations.stop(), usage.stop()]);
          },
          notes: () => usage.notes(),
        };
      },
      onEvent: (event) => {
        if (event.type === "started") running++;
        if (event.type === "finished") {
          running--;
          done++;
        }
        if (event.type === "skipped") done++;
        options.onEvent?.(event, { done, total: plan.length, running });
      },
    }).finally(() => process.off("unhandledRejection", onStray));

    const stopped = options.signal?.aborted === true;
    const finished = Object.values(summary.byClass).reduce((a, b) => a + b, 0);
    const infraRate = finished === 0 ? 0 : summary.byClass.infra_error / finished;
    // A full disk stopped the sweep: it is interrupted, to be resumed once there is room (this write
    // too may find the disk full; the error then says so).
    journal.endSweep(
      sweep.name,
      stopped || summary.diskFull !== undefined
        ? "interrupted"
        : infraRate > sweep.max_infra_error_rate
          ? "failed"
          : "finished",
    );
    const exitCode = stopped
      ? 130
      : summary.diskFull !== undefined
        ? 1
        : infraRate > sweep.max_infra_error_rate
          ? 3
          : 0;
    return { sweepId: sweep.name, summary, exitCode };
  } finally {
    store.close();
  }
}
