// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file writes bash, where ${NAME-} is bash's.
// One run as one Slurm job, as a pure function of its RunSpec: the sbatch options (resources, time,
// partition, identity) and the batch script, a bash wrapper that runs the agent through a launcher,
// enforces the time limit (SIGTERM, then SIGKILL after the grace) and, for the process launcher, the
// memory limit, and writes its own exit record into the run folder (slurm-job/exit). bench decides the
// outcome from that record and Slurm's state (classify-job.ts), so nothing depends on accounting.
//
// The GPUs are the ones Slurm allocated to the job (--gres=gpu:N); bench never names devices. The
// private answers are never mentioned: only the public data folder and the run folder are.

import path from "node:path";
import { CONTRACT_FILE_PATHS } from "../agent-contract-files.js";
import { containerSpec } from "../docker/container-spec.js";
import { clusterJobLabels } from "../docker/labels.js";
import { localEnvironment } from "../local/local-runtime.js";
import { SESSION_ENV } from "../local/proc-scan.js";
import { runDirLayout } from "../run-dir.js";
import { CONTAINER_PATHS, type RunSpec } from "../runtime.js";
import { formatJobComment, jobName } from "./job-identity.js";

/** How the agent runs inside its job: a plain process (like the local runtime) or a container. */
export type SlurmLauncher = "process" | "docker" | "podman";

/** The launchers that run the agent in a container, and the engine command each one uses. */
export const CONTAINER_ENGINES = { docker: "docker", podman: "podman" } as const;

export function isContainerLauncher(launcher: SlurmLauncher): launcher is keyof typeof CONTAINER_ENGINES {
  return launcher !== "process";
}

/** Cluster options from the sweep file's `slurm:` section. */
export interface SlurmJobOptions {
  partition?: string | undefined;
  account?: string | undefined;
  qos?: string | undefined;
  /** More sbatch options, passed as they are (e.g. ["--constraint=a100"]). */
  extraArgs?: readonly string[] | undefined;
}

/** MLE-bench's checker and rules, written by bench into the run folder (bench/) for the job to use. */
export function contractFiles(runDir: string) {
  const dir = path.join(runDir, "bench");
  return {
    dir,
    validate: path.join(dir, "validate_submission.sh"),
    instructions: path.join(dir, "instructions.txt"),
  };
}

/** The wrapper's files, beside the agent's folders in the run folder. */
export function jobFiles(runDir: string) {
  const dir = path.join(runDir, "slurm-job");
  return {
    dir,
    script: path.join(dir, "job.sh"),
    /** A random token bench writes before submitting: the job checks it sees the same folder. */
    token: path.join(dir, "token"),
    jobId: path.join(dir, "job-id"),
    exit: path.join(dir, "exit"),
    stop: path.join(dir, "stop"),
    gpus: path.join(dir, "gpus"),
  };
}

/** Single-quotes a word for bash. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Slurm's --time in minutes: the run's limit plus the stop grace, plus a minute for the wrapper. */
export function slurmTimeMinutes(timeLimitMs: number, stopGraceMs: number): number {
  return Math.ceil((timeLimitMs + stopGraceMs) / 60_000) + 1;
}

export function sbatchArgs(spec: RunSpec, options: SlurmJobOptions = {}): string[] {
  const files = jobFiles(spec.runDir);
  const { limits } = spec;
  const args = [
    `--job-name=${jobName(spec)}`,
    `--comment=${formatJobComment(spec)}`,
    `--output=${runDirLayout(spec.runDir).agentLog}`,
    `--chdir=${files.dir}`,
    "--nodes=1",
    "--ntasks=1",
    `--cpus-per-task=${Math.max(1, Math.ceil(limits.cpus))}`,
    `--mem=${Math.max(1, Math.ceil(limits.memoryBytes / 2 ** 20))}M`,
    `--time=${slurmTimeMinutes(limits.timeLimitMs, limits.stopGraceMs)}`,
    // The job's environment is built by the wrapper alone: bench's own (with its secrets) stays here.
    "--export=NONE",
    // Not requeued by Slurm behind bench's back: bench retries infrastructure errors itself.
    "--no-requeue",
  ];
  if (limits.gpuIds.length > 0) args.push(`--gres=gpu:${limits.gpuIds.length}`);
  if (options.partition) args.push(`--partition=${options.partition}`);
  if (options.account) args.push(`--account=${options.account}`);
  if (options.qos) args.push(`--qos=${options.qos}`);
  args.push(...(options.extraArgs ?? []));
  return args;
}

/** The signal bench sends the batch script (scancel --batch) to kill its agent at once (a forced stop). */
export const FORCE_SIGNAL = "USR1";

/** The variables the job passes on from Slurm: the GPUs it allocated, and the job's id. */
const SLURM_PASSTHROUGH = ["CUDA_VISIBLE_DEVICES", "SLURM_JOB_GPUS", "GPU_DEVICE_ORDINAL", "SLURM_JOB_ID"];

function processLaunch(spec: RunSpec): string {
  const layout = runDirLayout(spec.runDir);
  // Without the local runtime's session marker: the job is Slurm's, followed (and re-attached after a
  // crash) through Slurm. With it, a local sweep on the same machine would take the agent of a bench that
  // died for its own leftover and kill it (reapLocalOrphans), under the bench that re-attached to the job.
  const { [SESSION_ENV]: _session, ...env } = localEnvironment(spec, {
    ...layout,
    bench: contractFiles(spec.runDir).dir,
  });
  const assignments = Object.entries(env).map(([key, value]) => shellQuote(`${key}=${value}`));
  const passthrough = SLURM_PASSTHROUGH.map((name) => `"${name}=\${${name}-}"`);
  return [
    `cd ${shellQuote(layout.code)}`,
    // setsid: the agent leads its own session and process group, so every process it starts is found
    // (ps --sid) and stopped as one (kill -- -PGID).
    `setsid env -i ${[...assignments, ...passthrough].join(" ")} ${spec.command.map(shellQuote).join(" ")} </dev/null &`,
    "child=$!",
    'stop_agent() { kill -"$1" -- -"$child" 2>/dev/null; }',
    'agent_rss_kb() { local total=0 rss; for rss in $(ps -o rss= --sid "$child" 2>/dev/null); do total=$((total + rss)); done; echo "$total"; }',
  ].join("\n");
}

/** The docker runtime's container spec, as `docker run` options for the node's engine. */
export function dockerRunArgs(spec: RunSpec, name: string): string[] {
  // GPUs are added by the wrapper from what Slurm allocated; the spec must not name any.
  const container = containerSpec({ ...spec, limits: { ...spec.limits, gpuIds: [] } }, { name });
  const host = container.HostConfig ?? {};
  const layout = runDirLayout(spec.runDir);
  const args = ["run", "--name", name, "--entrypoint", "", "--user", String(container.User)];
  // An empty WorkingDir keeps the image's own (agents that ask for it).
  if (container.WorkingDir) args.push("--workdir", container.WorkingDir);
  if (host.Privileged === true) args.push("--privileged");
  for (const entry of container.Env ?? []) args.push("--env", entry);
  // The run's own labels, but not the Docker runtime's (bench.managed, the session): the container is the
  // Slurm job's, and the Docker runtime's reaper must not remove it when the bench that submitted the job
  // dies, since the next bench re-attaches to the job.
  for (const [key, value] of Object.entries(clusterJobLabels(spec))) args.push("--label", `${key}=${value}`);
  if (host.Memory !== undefined)
    args.push("--memory", `${host.Memory}b`, "--memory-swap", `${host.MemorySwap ?? host.Memory}b`);
  if (host.NanoCpus !== undefined) args.push("--cpus", String(host.NanoCpus / 1e9));
  if (host.ShmSize !== undefined) args.push("--shm-size", `${host.ShmSize}b`);
  if (host.PidsLimit !== undefined && host.PidsLimit !== null)
    args.push("--pids-limit", String(host.PidsLimit));
  args.push("--network", String(host.NetworkMode ?? "none"));
  for (const cap of host.CapDrop ?? []) args.push("--cap-drop", cap);
  for (const option of host.SecurityOpt ?? []) args.push("--security-opt", option);
  const logOptions = host.LogConfig?.Config ?? {};
  args.push("--log-driver", "json-file");
  for (const [key, value] of Object.entries(logOptions)) args.push("--log-opt", `${key}=${value}`);
  // The run folder is shared with bench's host: the agent's folders are bind-mounted at the contract's
  // paths, so its artifacts are already where bench grades them when the job ends (no copy-out).
  const bind = (source: string, target: string, readonly: boolean) =>
    args.push("--mount", `type=bind,source=${source},target=${target}${readonly ? ",readonly" : ""}`);
  bind(path.resolve(spec.publicDataDir), CONTAINER_PATHS.data, true);
  bind(layout.submission, CONTAINER_PATHS.submission, false);
  bind(layout.logs, CONTAINER_PATHS.logs, false);
  bind(layout.code, CONTAINER_PATHS.code, false);
  bind(layout.score, CONTAINER_PATHS.score, false);
  const contract = contractFiles(spec.runDir);
  bind(contract.validate, CONTRACT_FILE_PATHS.validate, true);
  bind(contract.instructions, CONTRACT_FILE_PATHS.instructions, true);
  return args;
}

/**
 * How the wrapper hands Slurm's GPUs to the container. docker: `--gpus device=...` where the NVIDIA
 * container toolkit is installed. podman 4.3 (Debian 12) has no working --gpus, so each allocated GPU is
 * passed as a device: by its CDI name (nvidia.com/gpu=N) where the node has an NVIDIA CDI spec
 * (nvidia-ctk cdi generate), else as /dev/nvidiaN plus the driver's control devices where those exist.
 * Either way CUDA_VISIBLE_DEVICES is passed on as Slurm set it.
 */
function gpuArgsLine(engine: keyof typeof CONTAINER_ENGINES): string {
  if (engine === "docker") {
    return 'if [ -n "${SLURM_JOB_GPUS-}" ] && command -v nvidia-container-cli >/dev/null 2>&1; then gpu_args=(--gpus "\\"device=$SLURM_JOB_GPUS\\""); fi';
  }
  return [
    'if [ -n "${SLURM_JOB_GPUS-}" ]; then',
    '  cdi=0; for spec in /etc/cdi/nvidia.yaml /etc/cdi/nvidia.json /var/run/cdi/nvidia.yaml /var/run/cdi/nvidia.json; do [ -e "$spec" ] && cdi=1; done',
    "  for gpu in ${SLURM_JOB_GPUS//,/ }; do",
    '    if [ "$cdi" = 1 ]; then gpu_args+=(--device "nvidia.com/gpu=$gpu");',
    '    elif [ -e "/dev/nvidia$gpu" ]; then gpu_args+=(--device "/dev/nvidia$gpu"); fi',
    "  done",
    '  if [ "$cdi" = 0 ] && [ ${#gpu_args[@]} -gt 0 ]; then',
    '    for control in /dev/nvidiactl /dev/nvidia-uvm /dev/nvidia-uvm-tools; do [ -e "$control" ] && gpu_args+=(--device "$control"); done',
    "  fi",
    "fi",
  ].join("\n");
}

/** The agent in a container on the node's engine (docker or podman: the same `run` options). */
function containerLaunch(spec: RunSpec, engine: keyof typeof CONTAINER_ENGINES): string {
  if (spec.image === undefined) throw new TypeError(`the ${engine} launcher needs the agent's image`);
  const args = dockerRunArgs(spec, "__NAME__").map((arg) =>
    arg === "__NAME__" ? '"$name"' : shellQuote(arg),
  );
  return [
    `engine=${CONTAINER_ENGINES[engine]}`,
    'name="bench-slurm-${SLURM_JOB_ID:-$$}"',
    "gpu_args=()",
    // Only where the engine can hand GPUs to containers; Slurm's allocation is passed on either way.
    gpuArgsLine(engine),
    `"$engine" ${args.join(" ")} --env "CUDA_VISIBLE_DEVICES=\${CUDA_VISIBLE_DEVICES-}" "\${gpu_args[@]}" ${shellQuote(spec.image)} ${spec.command.map(shellQuote).join(" ")} </dev/null &`,
    "child=$!",
    'stop_agent() { "$engine" kill --signal "$1" "$name" >/dev/null 2>&1; }',
    // The engine enforces the memory limit itself (OOMKilled).
    "agent_rss_kb() { echo 0; }",
  ].join("\n");
}

/**
 * The batch script. `token` must equal the content of slurm-job/token: a job whose node sees another
 * folder (not shared) exits at once, leaving no exit record, and the run ends as an infrastructure error.
 */
export function jobScript(spec: RunSpec, launcher: SlurmLauncher, token: string): string {
  const files = jobFiles(spec.runDir);
  const { limits } = spec;
  const memoryKb = launcher === "process" ? Math.ceil(limits.memoryBytes / 1024) : 0;
  return `#!/bin/bash
# Written by bench's Slurm runtime: run ${spec.runId.replace(/\n/g, " ")} (launcher: ${launcher}).
# Runs the agent, stops it at its time limit, and writes its exit record to slurm-job/exit.
set -u
job_dir=${shellQuote(files.dir)}
# bench's stop (Ctrl-C: SIGTERM to this script) and forced stop (second Ctrl-C: ${FORCE_SIGNAL}, the agent
# killed at once: a container by its engine, which a SIGKILL of this script would leave running; bench
# then kills every process of the job). Trapped first, so that a stop that comes early is not lost.
stop_agent() { :; }
on_term() { printf 'signal\\n' >"$job_dir/stop"; stop_agent TERM; }
on_force() { printf 'signal\\n' >"$job_dir/stop"; stop_agent KILL; }
trap on_term TERM INT
trap on_force ${FORCE_SIGNAL}
if [ "$(<"$job_dir/token")" != ${shellQuote(token)} ] 2>/dev/null; then
  echo "bench: this node ($(hostname)) does not see the run folder bench wrote; it must be shared" >&2
  exit 97
fi
now_ms() { local t="\${EPOCHREALTIME//[!0-9]/}"; echo $((t / 1000)); }
started=$(now_ms)
printf '%s\\n' "\${SLURM_JOB_GPUS-}" >"$job_dir/gpus"
if [ -s "$job_dir/stop" ]; then
  # Stopped before the agent started: it is not started at all.
  printf 'signal 143 %s %s\\n' "$started" "$(now_ms)" >"$job_dir/exit.tmp" && mv -f "$job_dir/exit.tmp" "$job_dir/exit"
  exit 143
fi
${isContainerLauncher(launcher) ? containerLaunch(spec, launcher) : processLaunch(spec)}
# One watch loop: the time limit and bench's stop (TERM, then KILL after the grace), and the memory
# limit (KILL).
(
  # A sleep without a process per tick: read with a timeout on a pipe this shell holds open itself.
  exec 3<> <(:)
  deadline=$((started + ${limits.timeLimitMs}))
  killed_at=0
  while kill -0 "$child" 2>/dev/null; do
    now=$(now_ms)
    if [ "$killed_at" -eq 0 ] && [ -s "$job_dir/stop" ]; then
      killed_at=$now # bench stopped the run (SIGTERM, see on_term): SIGKILL after the grace too
    elif [ "$killed_at" -eq 0 ] && [ "$now" -ge "$deadline" ]; then
      printf 'timeout\\n' >"$job_dir/stop"; stop_agent TERM; killed_at=$now
    elif [ "$killed_at" -gt 0 ] && [ "$now" -ge $((killed_at + ${limits.stopGraceMs})) ]; then
      stop_agent KILL
    fi
    if [ ${memoryKb} -gt 0 ] && [ "$(agent_rss_kb)" -gt ${memoryKb} ]; then
      printf 'oom\\n' >"$job_dir/stop"; stop_agent KILL
    fi
    read -r -t 0.25 -u 3 || :
  done
) &
watch=$!
wait "$child"
code=$?
while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
kill "$watch" 2>/dev/null
reason=exit
[ -s "$job_dir/stop" ] && read -r reason <"$job_dir/stop"
${
  isContainerLauncher(launcher)
    ? `oom_killed() { [ "$("$engine" inspect -f '{{.State.OOMKilled}}' "$name" 2>/dev/null)" = true ]; }
if oom_killed; then reason=oom
elif [ "$code" -eq 137 ] && [ "$reason" = exit ]; then
  # The engine sets OOMKilled from an event of its own, which can come after the exit (docker/oom-flag.ts).
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    sleep 0.1
    if oom_killed; then reason=oom; break; fi
  done
fi
[ "$code" -eq 125 ] && [ "$reason" = exit ] && reason=engine
"$engine" rm -f "$name" >/dev/null 2>&1`
    : `# Whatever the agent left running in its process group goes with it (Slurm ends the rest with the job).
kill -KILL -- -"$child" 2>/dev/null`
}
printf '%s %s %s %s\\n' "$reason" "$code" "$started" "$(now_ms)" >"$job_dir/exit.tmp" && mv -f "$job_dir/exit.tmp" "$job_dir/exit"
exit "$code"
`;
}
