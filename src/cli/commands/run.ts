// `bench run` and `bench sweep run`: fan agent runs out over competitions and seeds, grade each
// submission as its run ends, and keep going unattended. Ctrl-C stops launching and stops running
// agents gracefully; a second Ctrl-C forces. A --name (or a sweep file's name) may hold placeholders,
// {date}, {datetime}, {git_sha:<folder>}, so that a nightly job starts a new sweep each night.

import type { Command } from "commander";
import { resolveSweepName } from "../../config/sweep-name.js";
import { loadSweepFile, parseSweep, type SweepInput } from "../../config/sweep-schema.js";
import { BenchError } from "../../errors.js";
import { countText } from "../../reports/format/count-text.js";
import { defaultSweepName, executeSweep, loadAgents } from "../../scheduler/execute-sweep.js";
import type { SweepSummary } from "../../scheduler/sweep-runner.js";
import { formatTable } from "../output.js";
import { createProgressReporter } from "../progress.js";

interface RunFlags {
  agent: string[];
  competition?: string[];
  split?: string;
  seeds: string;
  runtime: string;
  concurrency: string;
  gpus?: string;
  cpus?: string;
  memory?: string;
  timeLimit?: string;
  name?: string;
  dataDir?: string;
  db?: string;
  retries: string;
  maxInfraErrorRate: string;
  image?: string;
  allowPrivileged?: boolean;
  validationsPerMinute?: string;
}

function integer(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new BenchError("USAGE", `${flag} expects a whole number, got "${value}".`);
  return n;
}

/** Runs the sweep with signal handling and prints the outcome; sets process.exitCode. */
async function runWithSignals(
  input: SweepInput,
  agentFiles: string[],
  dbPath: string | undefined,
  source: string,
  image?: string,
) {
  const agents = await loadAgents(agentFiles, { image });
  const sweep = parseSweep(
    { ...input, name: input.name ?? defaultSweepName(agents, input.competitions ?? [], input.seeds ?? 1) },
    source,
  );
  const progress = createProgressReporter();
  progress.notice(`sweep ${sweep.name} (the same name again resumes it)`);
  const stop = new AbortController();
  const force = new AbortController();
  const onSigint = () => {
    if (!stop.signal.aborted) {
      progress.notice(
        "stopping: no new runs will start; running agents get SIGTERM, then SIGKILL after the grace period (Ctrl-C again to force)",
      );
      stop.abort(new Error("stopped by the user"));
    } else {
      progress.notice("forcing: killing running agents now");
      force.abort(new Error("forced by the user"));
    }
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  try {
    const result = await executeSweep(sweep, agents, {
      dbPath,
      signal: stop.signal,
      forceSignal: force.signal,
      onEvent: (event, state) => progress.event(event, state),
      onNotice: (message) => progress.notice(message),
    });
    progress.end();
    printSummary(result.sweepId, result.summary);
    process.exitCode = result.exitCode;
    if (result.summary.diskFull !== undefined) {
      throw new BenchError(
        "DISK_FULL",
        `the sweep stopped: the disk is full (${result.summary.diskFull}). The runs it could not record are queued again or were not started.`,
        {
          hint: "free space on the disk of the store and the run folders, then run the same command again: it resumes the sweep.",
        },
      );
    }
    if (result.exitCode === 3) {
      process.stderr.write(
        `bench: infrastructure errors exceeded the allowed rate (${sweep.max_infra_error_rate}); check the engine and images.\n`,
      );
    }
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
}

function printSummary(sweepId: string, summary: SweepSummary): void {
  const rows = Object.entries(summary.byClass).filter(([, n]) => n > 0);
  if (summary.skipped) rows.push(["skipped (already done)", summary.skipped]);
  if (summary.notStarted) rows.push(["not started", summary.notStarted]);
  process.stdout.write(
    `Sweep ${sweepId}: ${countText(summary.planned, "run")}\n${formatTable(["outcome", "runs"], rows)}\n` +
      `See the results with: bench report --sweep ${sweepId}   (details: bench status --sweep ${sweepId})\n`,
  );
}

export function registerRunCommands(program: Command): void {
  program
    .command("run")
    .description("Run agents on competitions (agents × competitions × seeds), grading every submission.")
    .requiredOption(
      "--agent <file...>",
      "agent YAML file(s), or MLE-bench agent folders as <agents-dir>#<agent-id> (e.g. agents#aide/dev)",
    )
    .option("--competition <id...>", "competition id(s)")
    .option("--split <split>", "a split of the registry: low, medium, high, split75, dev, demo")
    .option("--seeds <n>", "runs per agent and competition", "1")
    .option(
      "--runtime <name>",
      "docker | local | slurm (local isolates nothing; slurm: one job per run, see the sweep file's slurm: section)",
      "local",
    )
    .option("--concurrency <n>", "runs at once, at most", "1")
    .option("--gpus <list>", "GPU device ids this machine offers, e.g. 0,1,2,3")
    .option("--cpus <n>", "CPUs the sweep may use in total (default: this machine's)")
    .option("--memory <gb>", "memory the sweep may use in total, in GB (default: this machine's)")
    .option(
      "--time-limit <duration>",
      "per-run limit, e.g. \"2h\" (default: the agent's, else the competition's)",
    )
    .option(
      "--name <name>",
      "sweep name, may hold {date}, {datetime}, {git_sha:<folder>} (default: derived from agents, competitions and seeds, so re-running resumes)",
    )
    .option("--data-dir <dir>", "MLE-bench data dir (default: $BENCH_DATA_DIR)")
    .option("--retries <n>", "retries after an infrastructure error", "2")
    .option(
      "--max-infra-error-rate <r>",
      "exit non-zero when more than this fraction of runs hit infrastructure errors",
      "0",
    )
    .option(
      "--image <tag>",
      "run MLE-bench agent folders in this existing image instead of building their Dockerfile",
    )
    .option("--allow-privileged", "let agents that ask for a privileged container have one")
    .option(
      "--validations-per-minute <n>",
      "in-run validation answers per minute for each run (default: the agent's, else 5)",
    )
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .action(async (flags: RunFlags) => {
      const input: SweepInput = {
        agents: flags.agent,
        competitions: flags.competition ?? [],
        ...(flags.split ? { split: flags.split } : {}),
        seeds: integer(flags.seeds, "--seeds"),
        runtime: flags.runtime as "docker" | "local" | "slurm",
        concurrency: integer(flags.concurrency, "--concurrency"),
        gpus: flags.gpus
          ? flags.gpus
              .split(",")
              .map((g) => g.trim())
              .filter(Boolean)
          : [],
        ...(flags.cpus ? { cpus: Number(flags.cpus) } : {}),
        ...(flags.memory ? { memory_gb: Number(flags.memory) } : {}),
        ...(flags.timeLimit ? { time_limit: flags.timeLimit } : {}),
        ...(flags.name
          ? { name: await resolveSweepName(flags.name, { what: "--name", baseDir: process.cwd() }) }
          : {}),
        ...(flags.dataDir ? { data_dir: flags.dataDir } : {}),
        retries: integer(flags.retries, "--retries"),
        max_infra_error_rate: Number(flags.maxInfraErrorRate),
        ...(flags.allowPrivileged ? { allow_privileged: true } : {}),
        ...(flags.validationsPerMinute
          ? { validations_per_minute: integer(flags.validationsPerMinute, "--validations-per-minute") }
          : {}),
      } as SweepInput;
      await runWithSignals(input, flags.agent, flags.db, "bench run flags", flags.image);
    });

  program
    .command("sweep")
    .description("Sweeps described in a file, for nightly jobs.")
    .command("run <sweep.yaml>")
    .description("Run (or resume) the sweep a YAML file describes.")
    .option(
      "--name <name>",
      "sweep name instead of the file's; may hold {date}, {datetime}, {git_sha:<folder>}, e.g. nightly-{date}",
    )
    .option("--db <file>", "results store (default: $BENCH_DB or runs/bench.db)")
    .action(async (file: string, flags: { db?: string; name?: string }) => {
      const sweep = await loadSweepFile(file, { name: flags.name });
      await runWithSignals(sweep, sweep.agents, flags.db, file);
    });
}
