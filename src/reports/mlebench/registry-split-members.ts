// The registry's split tags for the leaderboard (bench report, bench view): the registry is loaded once
// per process, on the first split asked for, and kept (bundledRegistry).

import { bundledRegistry } from "../../registry/competition-registry.js";
import type { SplitMembers } from "./leaderboard-from-store.js";

export function registrySplitMembers(): SplitMembers {
  return async (tag) =>
    (await bundledRegistry()).filter((c) => c.manifest.splits.includes(tag)).map((c) => c.id);
}
