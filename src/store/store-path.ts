// Where bench keeps its results: the store file and the run folders. Explicit choices win (--db, then
// $BENCH_DB for the store; $BENCH_HOME for both); otherwise bench looks for the project's `runs/`
// the way git looks for `.git`: in the current folder, then each folder above it, taking the first
// that holds `runs/bench.db`. Only when none does is `runs/` made in the current folder. So running
// bench from a subfolder of a project uses that project's results instead of silently starting a
// new empty store there; `describeHome` says which was used.

import { existsSync } from "node:fs";
import path from "node:path";

export const DB_ENV = "BENCH_DB";
export const HOME_ENV = "BENCH_HOME";
export const RUNS_DIR = "runs";
export const DB_FILE = "bench.db";
export const DEFAULT_DB_PATH = path.join(RUNS_DIR, DB_FILE);

type Env = Record<string, string | undefined>;

export interface BenchHome {
  /** The folder holding runs/. */
  dir: string;
  /** How it was chosen, for the user. */
  source: "BENCH_HOME" | "found" | "current folder";
}

/** The folder whose runs/ bench uses: $BENCH_HOME, else the nearest folder up with runs/bench.db, else cwd. */
export function resolveBenchHome(env: Env = process.env, cwd: string = process.cwd()): BenchHome {
  const home = env[HOME_ENV];
  if (home) return { dir: path.resolve(cwd, home), source: "BENCH_HOME" };
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, RUNS_DIR, DB_FILE))) {
      return { dir, source: dir === path.resolve(cwd) ? "current folder" : "found" };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { dir: path.resolve(cwd), source: "current folder" };
}

/** The store path: an explicit option, then $BENCH_DB, then runs/bench.db of the bench home. */
export function resolveStorePath(
  explicit?: string,
  env: Env = process.env,
  cwd: string = process.cwd(),
): string {
  if (explicit) return path.resolve(cwd, explicit);
  if (env[DB_ENV]) return path.resolve(cwd, env[DB_ENV]);
  return path.join(resolveBenchHome(env, cwd).dir, DEFAULT_DB_PATH);
}

/** The folder under which each run's files land: runs/ of the bench home. */
export function resolveRunsRoot(env: Env = process.env, cwd: string = process.cwd()): string {
  return path.join(resolveBenchHome(env, cwd).dir, RUNS_DIR);
}

/** A line for the user when the home is not simply the current folder; null when it is. */
export function describeHome(env: Env = process.env, cwd: string = process.cwd()): string | null {
  if (env[DB_ENV]) return null;
  const home = resolveBenchHome(env, cwd);
  if (home.source === "current folder") return null;
  const where = path.join(home.dir, RUNS_DIR);
  return home.source === "BENCH_HOME"
    ? `using ${where} (from ${HOME_ENV})`
    : `using ${where}, found above the current folder (set ${HOME_ENV} or --db to choose another)`;
}
