// Finding and killing every process of a local run, whatever the agent did to escape its process group
// (setsid, double forks, daemons). The run gets a cgroup where this machine allows one (see
// run-cgroup.ts); where it does not, its processes are found by the run and session ids in their
// environment, which setsid keeps (only a process that clears its own environment escapes that). Either
// way the process group is stopped too, and the environment scan is the last sweep of every kill.

import type { CgroupKind } from "./cgroup-mounts.js";
import { pidsOfGroup, pidsOfRun, readStat, signalPid } from "./proc-scan.js";
import { JOIN_SCRIPT, RunCgroup } from "./run-cgroup.js";

export type ContainmentMechanism = CgroupKind | "process-scan";

/** "auto": a cgroup v2, else a cgroup v1, else the environment scan. */
export type ContainmentChoice = "auto" | ContainmentMechanism;

const ORDER: readonly CgroupKind[] = ["cgroup2", "cgroup1"];

/** How long the environment scan keeps killing what it finds before it gives up. */
const SCAN_KILL_MS = 10_000;

export class RunContainment {
  readonly mechanism: ContainmentMechanism;
  /** For the run's notes: why the environment scan was used instead of a cgroup; null with a cgroup. */
  readonly fallbackNote: string | null;
  readonly #cgroup: RunCgroup | null;
  readonly #runId: string;
  readonly #sessionId: string;
  /** The agent, leader of its own process group, and when it started (see #group). */
  #leader: { pid: number; startTicks: number } | null = null;

  /**
   * Makes the run's cgroup, or falls back to the scan; throws only for a cgroup kind asked for by name.
   * `kinds`: what "auto" tries, in order (all of them unless a test says otherwise).
   */
  constructor(
    run: { runId: string; sessionId: string },
    choice: ContainmentChoice = "auto",
    kinds: readonly CgroupKind[] = ORDER,
  ) {
    this.#runId = run.runId;
    this.#sessionId = run.sessionId;
    const failures: string[] = [];
    let cgroup: RunCgroup | null = null;
    for (const kind of choice === "auto" ? kinds : ORDER.filter((k) => k === choice)) {
      try {
        cgroup = RunCgroup.create(kind, run.sessionId, run.runId);
        break;
      } catch (error) {
        if (choice === kind) throw error;
        failures.push((error as Error).message);
      }
    }
    this.#cgroup = cgroup;
    this.mechanism = cgroup?.kind ?? "process-scan";
    this.fallbackNote =
      cgroup !== null || choice === "process-scan"
        ? null
        : `no cgroup could be made for this run (${failures.join("; ") || "none tried"}); its processes were found by ` +
          "BENCH_RUN_ID in their environment instead, which misses any that clear their environment";
  }

  /** The run cgroup's folders (none with the environment scan). */
  get cgroupDirs(): readonly string[] {
    return this.#cgroup?.dirs ?? [];
  }

  /** What to spawn for the agent's command: with a cgroup, a shell that joins it first, then execs. */
  command(agent: readonly string[]): { file: string; args: string[] } {
    if (this.#cgroup === null) return { file: agent[0]!, args: agent.slice(1) };
    return {
      file: "/bin/sh",
      args: ["-c", JOIN_SCRIPT, "bench-join", ...this.#cgroup.procsFiles, "--", ...agent],
    };
  }

  /** The agent's pid, spawned as the leader of its own process group. */
  adopt(pid: number): void {
    const stat = readStat(pid);
    // Gone already: nothing to signal by group; the scan still finds what it left.
    if (stat !== null) this.#leader = { pid, startTicks: stat.startTicks };
  }

  /**
   * The agent's process group id while the agent itself is still there (running or a zombie). Once it
   * has been reaped its pid, and so the group id, may be given to an unrelated process that leads its
   * own group (pid_max is 32768 on many machines): signalling the old id then would kill a stranger.
   * What the agent left in its group carries the run's id in its environment and is found by the scan.
   */
  #group(): number | null {
    if (this.#leader === null) return null;
    const stat = readStat(this.#leader.pid);
    if (stat === null || stat.startTicks !== this.#leader.startTicks || stat.pgid !== this.#leader.pid) {
      this.#leader = null;
      return null;
    }
    return this.#leader.pid;
  }

  /** Every live process of the run. */
  pids(): number[] {
    if (this.#cgroup !== null) return this.#cgroup.pids();
    return this.#scan();
  }

  /** Asks every process of the run to stop (SIGTERM): the polite half of a stop. */
  terminate(): void {
    const group = this.#group();
    if (group !== null) signalPid(-group, "SIGTERM");
    for (const pid of this.pids()) signalPid(pid, "SIGTERM");
  }

  /** Kills every process of the run and waits until none is left; false when some outlived the wait. */
  kill(): Promise<boolean> {
    // One kill at a time: two interleaved freeze/thaw sequences of cgroup v1 would undo each other.
    const next = this.#killing.then(() => this.#killOnce());
    this.#killing = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  #killing: Promise<void> = Promise.resolve();

  async #killOnce(): Promise<boolean> {
    const cgroupEmpty = this.#cgroup === null ? true : await this.#cgroup.kill();
    // The last sweep: a process may have moved itself out of the cgroup (an agent running as root can).
    const deadline = Date.now() + SCAN_KILL_MS;
    for (;;) {
      const group = this.#group();
      if (group !== null) signalPid(-group, "SIGKILL");
      const left = this.#scan();
      if (left.length === 0) return cgroupEmpty;
      if (Date.now() > deadline) return false;
      for (const pid of left) signalPid(pid, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Kills what is left and removes the run's cgroup; false when something could not be removed. */
  async release(): Promise<boolean> {
    const killed = await this.kill();
    return (this.#cgroup === null ? true : await this.#cgroup.remove()) && killed;
  }

  #scan(): number[] {
    const found = new Set(pidsOfRun(this.#runId, this.#sessionId));
    const group = this.#group();
    if (group !== null) for (const pid of pidsOfGroup(group)) found.add(pid);
    return [...found];
  }
}

/** The mechanisms this machine allows bench, in the order "auto" tries them (for tests and diagnostics). */
export async function availableMechanisms(): Promise<ContainmentMechanism[]> {
  const available: ContainmentMechanism[] = [];
  for (const kind of ORDER) {
    try {
      await RunCgroup.create(kind, `bench-probe-${process.pid}`, "probe").remove();
      available.push(kind);
    } catch {
      // not here
    }
  }
  if (process.platform === "linux") available.push("process-scan");
  return available;
}
