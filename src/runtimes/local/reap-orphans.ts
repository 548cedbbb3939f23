// After a bench crash: kills what the local runs of dead bench sessions left running and removes their
// run cgroups. Processes are found by the session id in their environment (setsid'd ones included: they
// keep it) and killed one by one, and through their leftover cgroup (ones that cleared it too); a live
// session's runs are never touched.

import { setTimeout as sleep } from "node:timers/promises";
import type { CgroupKind } from "./cgroup-mounts.js";
import { benchIdsOf, listPids, readStat, signalPid } from "./proc-scan.js";
import { cgroupsBySession, removeDir } from "./run-cgroup.js";

const KINDS: readonly CgroupKind[] = ["cgroup2", "cgroup1"];

/** Passes of the environment scan; each kills what the previous one saw being forked. */
const MAX_PASSES = 50;

/** Returns how many runs had leftovers (processes or a cgroup). */
export async function reapLocalOrphans(isSessionAlive: (sessionId: string) => boolean): Promise<number> {
  const runs = new Set<string>();
  const alive = new Map<string, boolean>();
  const dead = (sessionId: string) => {
    let known = alive.get(sessionId);
    if (known === undefined) {
      known = isSessionAlive(sessionId);
      alive.set(sessionId, known);
    }
    return !known;
  };

  for (const kind of KINDS) {
    for (const session of cgroupsBySession(kind)) {
      if (!dead(session.sessionId)) continue;
      for (const cgroup of session.runs) {
        runs.add(`${session.sessionId}\0${cgroup.dirs[0]}`);
        await cgroup.remove();
      }
      for (const folder of session.folders) removeDir(folder);
    }
  }

  const protectedPids = ownAncestry();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let found = 0;
    for (const pid of listPids()) {
      if (protectedPids.has(pid)) continue;
      const ids = benchIdsOf(pid);
      if (ids === null || !dead(ids.sessionId)) continue;
      const stat = readStat(pid);
      if (stat === null || stat.state === "Z") continue;
      runs.add(`${ids.sessionId}\0${ids.runId ?? "?"}`);
      signalPid(pid, "SIGKILL");
      found++;
    }
    if (found === 0) break;
    await sleep(20);
  }
  return runs.size;
}

/** This process and its ancestors: a bench started by an agent of a dead bench must not kill itself. */
function ownAncestry(): Set<number> {
  const pids = new Set<number>();
  for (let pid = process.pid; pid > 1 && !pids.has(pid); pid = readStat(pid)?.ppid ?? 0) pids.add(pid);
  return pids;
}
