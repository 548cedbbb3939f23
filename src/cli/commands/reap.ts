// `bench reap`: stops what dead bench sessions left behind in a runtime. Docker and the local runtime
// reap at the start of every sweep anyway; Slurm jobs are reaped only here, because a bench started again
// on the same sweep re-attaches to its dead predecessor's jobs instead (see runtimes/slurm/).

import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { createRuntime, type RuntimeName } from "../../runtimes/create-runtime.js";
import { isSessionAlive } from "../../runtimes/session.js";

const RUNTIMES: readonly RuntimeName[] = ["slurm", "docker", "local"];

export function registerReapCommand(program: Command): void {
  program
    .command("reap")
    .description(
      "Stop what dead bench sessions left behind: Slurm jobs (scancel), containers, local processes.",
    )
    .option("--runtime <name>", "slurm | docker | local", "slurm")
    .action(async (flags: { runtime: string }) => {
      if (!RUNTIMES.includes(flags.runtime as RuntimeName)) {
        throw new BenchError(
          "USAGE",
          `--runtime must be one of ${RUNTIMES.join(", ")}, got ${flags.runtime}.`,
        );
      }
      const runtime = await createRuntime(flags.runtime as RuntimeName);
      const reaped = await runtime.reapOrphans(isSessionAlive);
      const what =
        runtime.name === "slurm"
          ? "Slurm job(s) cancelled"
          : runtime.name === "docker"
            ? "container(s) removed"
            : "run(s)' processes killed";
      process.stdout.write(`${reaped} ${what}: left behind by bench sessions that are no longer running.\n`);
    });
}
