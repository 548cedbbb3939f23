// A cgroup per local run: every process the agent starts, whatever it does to its session or process
// group, stays in its run's cgroup, so the run's processes can be listed, counted and killed as one,
// and none can outlive the run. cgroup v2 kills a whole group at once (cgroup.kill); cgroup v1 freezes
// the group (no fork can race the kill), kills every member, then thaws it so the kills land.
//
// Run cgroups live in bench's own cgroup, at bench/<session id, URI-encoded>/<run>, so that a later bench
// can tell a dead session's leftovers from a live one's. The agent joins its cgroup before it runs any
// code of its own (JOIN_SCRIPT), so no fork ever happens outside it.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { benchRoots, type CgroupKind } from "./cgroup-mounts.js";
import { isLive, signalPid } from "./proc-scan.js";

/** sh -c JOIN_SCRIPT join <procs file>... -- <command> <args>...: join every cgroup, then become the command. */
export const JOIN_SCRIPT =
  'while [ "$1" != -- ]; do echo $$ > "$1" || { echo "bench: could not join the run cgroup $1" >&2; exit 125; }; shift; done; shift; exec "$@"';

/** How long a kill waits for the members to be gone before giving up (they are then left to the reaper). */
const KILL_WAIT_MS = 10_000;

function runKey(runId: string): string {
  const safe = runId.replace(/[^a-zA-Z0-9_.-]+/g, "-").slice(0, 80);
  return `${safe}-${Math.random().toString(16).slice(2, 8)}`;
}

// Whether a process could join a freshly made cgroup of each kind, found once per bench: mkdir can
// succeed where moving a process in is refused (a cgroup v2 hierarchy not delegated to this user).
const joinWorks = new Map<CgroupKind, boolean>();

export class RunCgroup {
  readonly kind: CgroupKind;
  /** The run's folder in each hierarchy it uses (v1: pids and/or freezer). */
  readonly dirs: readonly string[];

  private constructor(kind: CgroupKind, dirs: readonly string[]) {
    this.kind = kind;
    this.dirs = dirs;
  }

  /** Makes the run's cgroup; throws an Error saying why it cannot be made on this machine. */
  static create(kind: CgroupKind, sessionId: string, runId: string): RunCgroup {
    if (process.platform !== "linux") throw new Error("cgroups exist only on Linux");
    const roots = benchRoots(kind);
    if (roots.length === 0) throw new Error(`no ${kind} hierarchy is mounted`);
    const key = runKey(runId);
    const dirs = roots.map((root) => path.join(root, encodeURIComponent(sessionId), key));
    const made: string[] = [];
    try {
      for (const dir of dirs) {
        mkdirSync(dir, { recursive: true });
        made.push(dir);
      }
      const group = new RunCgroup(kind, dirs);
      if (kind === "cgroup2" && !existsSync(path.join(dirs[0]!, "cgroup.kill"))) {
        throw new Error("this kernel's cgroup v2 has no cgroup.kill (Linux 5.14 and later have it)");
      }
      if (joinWorks.get(kind) === undefined) {
        const probe = spawnSync("/bin/sh", ["-c", JOIN_SCRIPT, "join", ...group.procsFiles, "--", "true"], {
          encoding: "utf8",
          timeout: 5_000,
        });
        joinWorks.set(kind, probe.status === 0);
        if (probe.status !== 0) throw new Error(`a process could not join it: ${probe.stderr.trim()}`);
      } else if (!joinWorks.get(kind)) {
        throw new Error("a process could not join it");
      }
      return group;
    } catch (error) {
      for (const dir of made) removeDir(dir);
      throw new Error(`${kind} at ${dirs[0]}: ${(error as Error).message}`);
    }
  }

  /** A leftover run cgroup of a dead session, made by an earlier bench. */
  static existing(kind: CgroupKind, dirs: readonly string[]): RunCgroup {
    return new RunCgroup(kind, dirs);
  }

  /** The files a process writes its pid into to join every hierarchy of the run. */
  get procsFiles(): string[] {
    return this.dirs.map((dir) => path.join(dir, "cgroup.procs"));
  }

  /** The live processes in the run's cgroup. */
  pids(): number[] {
    const found = new Set<number>();
    for (const file of this.procsFiles) {
      let text = "";
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // removed already
      }
      for (const line of text.split("\n")) if (line !== "") found.add(Number(line));
    }
    return [...found].filter(isLive);
  }

  /** Kills every member and waits until none is left; returns whether none is. */
  async kill(): Promise<boolean> {
    const deadline = Date.now() + KILL_WAIT_MS;
    if (this.kind === "cgroup2") {
      tryWrite(path.join(this.dirs[0]!, "cgroup.kill"), "1");
    } else {
      await this.#freezeAndKill();
    }
    for (;;) {
      const left = this.pids();
      if (left.length === 0) return true;
      if (Date.now() > deadline) return false;
      // A member that forked between listing and killing (no freezer) is caught on the next pass.
      for (const pid of left) signalPid(pid, "SIGKILL");
      await sleep(20);
    }
  }

  /** Kills every member, then removes the run's cgroup (and the session's folder once it is empty). */
  async remove(): Promise<boolean> {
    const empty = await this.kill();
    let removed = true;
    for (const dir of this.dirs) {
      if (!removeDir(dir)) removed = false;
      removeDir(path.dirname(dir)); // the session's folder: other runs of the session may still use it
    }
    return empty && removed;
  }

  async #freezeAndKill(): Promise<void> {
    const freezer = this.dirs.find((dir) => existsSync(path.join(dir, "freezer.state")));
    const state = freezer === undefined ? undefined : path.join(freezer, "freezer.state");
    if (state !== undefined && tryWrite(state, "FROZEN")) {
      // FREEZING lasts while a member is in an uninterruptible wait; the kill then still goes ahead.
      for (let i = 0; i < 100 && readText(state) !== "FROZEN"; i++) await sleep(10);
    }
    for (const pid of this.pids()) signalPid(pid, "SIGKILL");
    if (state !== undefined) tryWrite(state, "THAWED");
  }
}

export interface SessionCgroups {
  sessionId: string;
  /** The session's folder in each hierarchy. */
  folders: string[];
  runs: RunCgroup[];
}

/** The run cgroups of one kind on this machine, by the bench session that made them. */
export function cgroupsBySession(kind: CgroupKind): SessionCgroups[] {
  const sessions = new Map<
    string,
    { sessionId: string; folders: string[]; runDirs: Map<string, string[]> }
  >();
  for (const root of benchRoots(kind)) {
    for (const folder of subfolders(root)) {
      let sessionId: string;
      try {
        sessionId = decodeURIComponent(folder);
      } catch {
        continue; // not one of bench's
      }
      const session = sessions.get(folder) ?? {
        sessionId,
        folders: [],
        runDirs: new Map<string, string[]>(),
      };
      session.folders.push(path.join(root, folder));
      for (const run of subfolders(path.join(root, folder))) {
        const dirs = session.runDirs.get(run) ?? [];
        dirs.push(path.join(root, folder, run));
        session.runDirs.set(run, dirs);
      }
      sessions.set(folder, session);
    }
  }
  return [...sessions.values()].map(({ sessionId, folders, runDirs }) => ({
    sessionId,
    folders,
    runs: [...runDirs.values()].map((dirs) => RunCgroup.existing(kind, dirs)),
  }));
}

/** Removes an empty cgroup folder; true when it is gone. */
export function removeDir(dir: string): boolean {
  try {
    rmdirSync(dir); // a cgroup folder goes with rmdir alone, once no process is left in it
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function tryWrite(file: string, text: string): boolean {
  try {
    writeFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}
