// The registry's split tags for the leaderboard (bench report, bench view): the registry is loaded once,
// on the first split asked for, and kept.

import { listCompetitions } from "../../registry/competition-registry.js";
import type { SplitMembers } from "./leaderboard-from-store.js";

export function registrySplitMembers(): SplitMembers {
  let all: ReturnType<typeof listCompetitions> | undefined;
  return async (tag) => {
    // A failed load (a damaged manifest, fixed meanwhile) is tried again on the next page.
    all ??= listCompetitions().catch((error: unknown) => {
      all = undefined;
      throw error;
    });
    return (await all).filter((c) => c.manifest.splits.includes(tag)).map((c) => c.id);
  };
}
