// What a sweep does with its agents before anything starts, for MLE-bench agent folders and privileged
// agents: a privileged container is refused unless the sweep allows it, and a folder agent in the local
// runtime runs its start script from its folder (in an image it runs $AGENT_DIR/start.sh).

import type { LoadedAgent } from "../config/agent-schema.js";
import { START_SCRIPT_IN_IMAGE } from "../config/mlebench-agent-folder.js";
import { BenchError } from "../errors.js";

/** Throws before any run when an agent asks for a privileged container the sweep did not allow. */
export function checkPrivileged(agents: readonly LoadedAgent[], allowed: boolean): void {
  if (allowed) return;
  const privileged = agents.filter((agent) => agent.config.privileged);
  if (privileged.length === 0) return;
  throw new BenchError(
    "USAGE",
    `${privileged.map((agent) => agent.path).join(", ")} ${privileged.length === 1 ? "asks" : "ask"} for a privileged container, which can take over the machine it runs on.`,
    {
      hint: "if you trust the agent, allow it explicitly: bench run --allow-privileged (sweep file: allow_privileged: true)",
    },
  );
}

/** Points folder agents' commands at their start script on the host when the runtime is local. */
export function adaptFolderAgents(agents: readonly LoadedAgent[], runtime: string): void {
  if (runtime !== "local") return;
  for (const agent of agents) {
    if (agent.startScript === undefined) continue;
    agent.config.command = agent.config.command.map((part) =>
      part === START_SCRIPT_IN_IMAGE ? agent.startScript! : part,
    );
  }
}
