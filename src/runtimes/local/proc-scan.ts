// What the local runtime reads from Linux's /proc about processes: their group, state and resident
// memory, and the bench variables in their environment. A process that leaves bench's process group
// (setsid, a double fork) keeps its environment, so BENCH_RUN_ID and BENCH_SESSION_ID still say which
// run started it; that is how a run's processes are found where no cgroup can be made, and how a later
// bench finds what a dead one left behind. Elsewhere than Linux every scan comes back empty.

import { readdirSync, readFileSync } from "node:fs";

export const RUN_ENV = "BENCH_RUN_ID";
export const SESSION_ENV = "BENCH_SESSION_ID";

// Linux reports RSS in pages; 4 KiB on the machines bench runs on (x86-64, most arm64 kernels).
const PAGE_BYTES = 4096;

export interface ProcStat {
  state: string;
  ppid: number;
  pgid: number;
  rssBytes: number;
  startTicks: number;
}

/** Every process id in /proc (not threads), or none where /proc is missing. */
export function listPids(procRoot = "/proc"): number[] {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    const code = entry.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(entry));
  }
  return pids;
}

/** The fields of /proc/<pid>/stat bench needs; null once the process has gone. */
export function readStat(pid: number, procRoot = "/proc"): ProcStat | null {
  let stat: string;
  try {
    stat = readFileSync(`${procRoot}/${pid}/stat`, "latin1");
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    state: fields[0] ?? "?",
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    rssBytes: Number(fields[21] ?? 0) * PAGE_BYTES,
    // Field 22: when the process started, in clock ticks since boot. With the pid, it names one process
    // for good: a pid reused by a later process has a later start.
    startTicks: Number(fields[19] ?? 0),
  };
}

/** Whether the process still runs: gone and zombie processes hold nothing and cannot be killed. */
export function isLive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== null && stat.state !== "Z" && stat.state !== "X";
}

/** The bench variables in a process's environment, or null when it has none or cannot be read. */
export function benchIdsOf(pid: number): { sessionId: string; runId: string | null } | null {
  let environ: string;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, "latin1");
  } catch {
    return null; // gone, or not ours to read
  }
  const session = variable(environ, SESSION_ENV);
  return session === null ? null : { sessionId: session, runId: variable(environ, RUN_ENV) };
}

function variable(environ: string, name: string): string | null {
  const padded = `\0${environ}`;
  const at = padded.indexOf(`\0${name}=`);
  if (at < 0) return null;
  const start = at + name.length + 2;
  const end = padded.indexOf("\0", start);
  return padded.slice(start, end < 0 ? undefined : end);
}

/** Live processes started for one run of one bench session, wherever they moved to. */
export function pidsOfRun(runId: string, sessionId: string): number[] {
  // Matching the raw text first keeps the scan cheap on a busy machine: most environments say neither.
  const run = `${RUN_ENV}=${runId}\0`;
  const session = `${SESSION_ENV}=${sessionId}\0`;
  const found: number[] = [];
  for (const pid of listPids()) {
    if (pid === process.pid) continue;
    let environ: string;
    try {
      environ = `\0${readFileSync(`/proc/${pid}/environ`, "latin1")}\0`;
    } catch {
      continue;
    }
    if (environ.includes(`\0${run}`) && environ.includes(`\0${session}`) && isLive(pid)) found.push(pid);
  }
  return found;
}

/** Live members of a process group. */
export function pidsOfGroup(pgid: number): number[] {
  const found: number[] = [];
  for (const pid of listPids()) {
    const stat = readStat(pid);
    if (stat !== null && stat.pgid === pgid && stat.state !== "Z" && stat.state !== "X") found.push(pid);
  }
  return found;
}

/** Sum of the resident memory of `pids` (shared pages count once per process, as `ps` shows them). */
export function rssBytesOf(pids: Iterable<number>): number {
  let total = 0;
  for (const pid of pids) total += readStat(pid)?.rssBytes ?? 0;
  return total;
}

/** Sends a signal, ignoring a process that has already gone. */
export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already, or not ours
  }
}
