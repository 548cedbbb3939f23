// Picks the runtime by name. Docker's adapter (and Slurm's) is loaded only when asked for, so the local
// runtime (the default for trying bench) never loads dockerode.
import { LocalRuntime } from "./local/local-runtime.js";
import type { Runtime } from "./runtime.js";
import type { SlurmRuntimeOptions } from "./slurm/slurm-runtime.js";

export type RuntimeName = "docker" | "local" | "slurm";

export async function createRuntime(
  name: RuntimeName,
  options: { slurm?: SlurmRuntimeOptions } = {},
): Promise<Runtime> {
  if (name === "local") return new LocalRuntime();
  if (name === "slurm") {
    const { SlurmRuntime } = await import("./slurm/slurm-runtime.js");
    return new SlurmRuntime(options.slurm);
  }
  const { DockerRuntime } = await import("./docker/docker-runtime.js");
  return new DockerRuntime();
}
