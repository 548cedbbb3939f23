// How each RE-bench environment of the registry scores a run and combines runs (SCORING.md §3): one
// reading for `bench report rebench` and the viewer's RE-bench page, so both show the same numbers.
// Read once per process: the registry does not change while bench runs.

import { bundledRegistry } from "../../registry/competition-registry.js";
import type { TaskRule, TaskRules } from "./rebench-analysis.js";

let cached: Promise<TaskRules> | undefined;

async function readRules(): Promise<TaskRules> {
  const rules = new Map<string, TaskRule>();
  for (const competition of await bundledRegistry()) {
    if (competition.manifest.kind !== "rebench") continue;
    const rebench = competition.manifest.rebench;
    if (rebench === undefined) continue;
    rules.set(competition.id, {
      withinRun: rebench.within_run,
      acrossRuns: rebench.across_runs === "mean" ? "mean" : "best-of-k",
    });
  }
  return (task) => rules.get(task);
}

export function registryTaskRules(): Promise<TaskRules> {
  cached ??= readRules().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
