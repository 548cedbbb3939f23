// `bench import mlgym <trajectories-dir>`: MLGym's raw results, one folder per run named
// `<model>__<task>__...__run_<k>` holding a `results.json` of the form
//   {"agent": [{metric: value, ...} one per validate/submit, in order], "baseline": {metric: value, ...}}.
// Each folder becomes one run of agent <model> on task <task>: its best attempt (grades.score) is the best
// value of the task's main metric over the entries, its last submission (grades.last_score) the final
// entry's, and the baseline is recorded beside them; an empty `agent` list is a run without a valid
// submission. `bench report aup` then takes, per model and task, the best over the runs of each variant,
// as MLGym's published tables do. The tasks' metrics and directions are mlgym-tasks.ts's table.

import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { BenchError } from "../errors.js";
import type { Direction } from "../store/competitions-repo.js";
import { type Clock, type StoreQueryable, systemClock } from "../store/store-queryable.js";
import { planCompetitions, type RegistryLookup } from "./competition-plan.js";
import { type CsvRow, gradeOfRow, scoringContexts } from "./csv-grade.js";
import type { ImportSummary } from "./import-summary.js";
import { MLGYM_TASKS, type MlgymTask } from "./mlgym-tasks.js";
import { type RecordedRun, recordRuns } from "./record-runs.js";

export const RESULTS_FILE = "results.json";
/** A results.json is a few kilobytes; anything this big is not one. */
const MAX_RESULTS_BYTES = 16 * 1024 * 1024;
/** Folders deeper than this below the trajectories folder are not searched. */
const MAX_DEPTH = 6;

export interface MlgymImportOptions {
  /** Run group of every imported run (e.g. the result set's name); default none. */
  runGroup?: string | undefined;
  /** TASK=KEY[:higher|lower] pairs: the main metric of a task (and its direction, for a task not in the table). */
  metrics?: readonly string[] | undefined;
  registry: RegistryLookup;
  clock?: Clock;
}

const resultsSchema = z.object({
  agent: z.array(z.record(z.string(), z.unknown())),
  baseline: z.record(z.string(), z.unknown()).nullable().optional(),
});

interface RunFolder {
  /** Path relative to the trajectories folder ("/"-separated). */
  relative: string;
  file: string;
  name: string;
  model: string;
  task: string;
}

const RUN_FOLDER = /^(.+?)__(.+?)__(?:.*__)?run_(\d+)$/;

/** The task table with --metric's overrides. */
export function mlgymTaskTable(overrides: readonly string[] = []): Map<string, MlgymTask> {
  const table = new Map(Object.entries(MLGYM_TASKS));
  for (const pair of overrides.flatMap((text) => text.split(","))) {
    const match = /^([^=]+)=([^:]+?)(?::(higher|lower))?$/.exec(pair.trim());
    if (!match) {
      throw new BenchError("USAGE", `--metric: "${pair}" is not TASK=KEY or TASK=KEY:higher|lower.`, {
        hint: 'e.g. --metric "regressionKaggleHousePrice=rmse:lower".',
      });
    }
    const [, task, metric, direction] = match as unknown as [string, string, string, string | undefined];
    const known = table.get(task.trim());
    const resolved = (direction as MlgymTask["direction"] | undefined) ?? known?.direction;
    if (resolved === undefined) {
      throw new BenchError(
        "USAGE",
        `--metric: bench does not know MLGym task "${task.trim()}"; say which way is better: ${task.trim()}=${metric.trim()}:higher or :lower.`,
      );
    }
    table.set(task.trim(), { metric: metric.trim(), direction: resolved });
  }
  return table;
}

function findRunFolders(root: string): { folders: RunFolder[]; skipped: string[] } {
  const folders: RunFolder[] = [];
  const skipped: string[] = [];
  const walk = (dir: string, relative: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      throw new BenchError(
        "DATA_MISSING",
        `${dir}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        { cause: error },
      );
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      const rel = relative === "" ? name : `${relative}/${name}`;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        skipped.push(`${rel} (a symbolic link: not followed)`);
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, rel, depth + 1);
        continue;
      }
      if (name !== RESULTS_FILE) continue;
      const folder = path.basename(dir);
      const match = RUN_FOLDER.exec(folder);
      if (!match) {
        skipped.push(`${rel} (its folder is not named <model>__<task>__...__run_<k>)`);
        continue;
      }
      if (!stat.isFile()) {
        skipped.push(`${rel} (not a regular file)`);
        continue;
      }
      if (stat.size > MAX_RESULTS_BYTES) {
        throw new BenchError(
          "DATA_INVALID",
          `${full}: ${stat.size} bytes is far more than an MLGym results.json holds; nothing was imported.`,
        );
      }
      folders.push({ relative: rel, file: full, name: folder, model: match[1]!, task: match[2]! });
    }
  };
  walk(root, "", 0);
  return { folders, skipped };
}

/** The entry's value of `metric` (exact key, else the key ignoring case, else its only numeric value). */
function metricValue(entry: Record<string, unknown>, metric: string): number | undefined {
  const numeric = Object.entries(entry).filter(
    (kv): kv is [string, number] => typeof kv[1] === "number" && !Number.isNaN(kv[1]),
  );
  const exact = numeric.find(([key]) => key === metric);
  if (exact) return exact[1];
  const folded = numeric.filter(([key]) => key.toLowerCase() === metric.toLowerCase());
  if (folded.length === 1) return folded[0]![1];
  if (numeric.length === 1) return numeric[0]![1];
  return undefined;
}

function better(direction: Direction, a: number, b: number): boolean {
  return direction === "lower" ? a < b : a > b;
}

interface ParsedRun {
  folder: RunFolder;
  best: number | null;
  last: number | null;
  baseline: number | null;
  entries: number;
}

function parseRun(folder: RunFolder, bytes: Buffer, task: MlgymTask): ParsedRun {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new BenchError("DATA_INVALID", `${folder.file}: not JSON (${(error as Error).message}).`, {
      hint: 'each run folder\'s results.json must be MLGym\'s {"agent": [...], "baseline": {...}}.',
    });
  }
  const parsed = resultsSchema.safeParse(json);
  if (!parsed.success) {
    throw new BenchError(
      "DATA_INVALID",
      `${folder.file}: expected {"agent": [{metric: value, ...}, ...], "baseline": {metric: value, ...}}: ${parsed.error.issues[0]?.path.join(".") || "the top level"}: ${parsed.error.issues[0]?.message}.`,
    );
  }
  const values = parsed.data.agent.map((entry, i) => {
    const value = metricValue(entry, task.metric);
    if (value === undefined) {
      throw new BenchError(
        "DATA_INVALID",
        `${folder.file}: agent entry ${i + 1} has no value of ${folder.task}'s metric "${task.metric}" (it has: ${Object.keys(entry).join(", ") || "nothing"}).`,
        { hint: `name the metric: --metric "${folder.task}=KEY".` },
      );
    }
    return value;
  });
  let best: number | null = null;
  for (const v of values) {
    if (Number.isFinite(v) && (best === null || better(task.direction, v, best))) best = v;
  }
  const final = values.length === 0 ? undefined : values[values.length - 1];
  const baseline = parsed.data.baseline ? metricValue(parsed.data.baseline, task.metric) : undefined;
  return {
    folder,
    best,
    last: final !== undefined && Number.isFinite(final) ? final : null,
    baseline: baseline !== undefined && Number.isFinite(baseline) ? baseline : null,
    entries: values.length,
  };
}

export async function importMlgymTrajectories(
  /** The store, or a function that opens it: called only once every file has been read and checked. */
  db: StoreQueryable | (() => StoreQueryable),
  dir: string,
  options: MlgymImportOptions,
): Promise<ImportSummary> {
  const clock = options.clock ?? systemClock;
  let isDir = false;
  try {
    isDir = lstatSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new BenchError("DATA_MISSING", `${dir}: not a folder of MLGym trajectories.`, {
      hint: "give the folder that holds one <model>__<task>__...__run_<k>/results.json per run.",
    });
  }
  const tasks = mlgymTaskTable(options.metrics);
  const { folders, skipped } = findRunFolders(dir);
  if (folders.length === 0) {
    throw new BenchError(
      "DATA_MISSING",
      `${dir}: no run folder with a results.json (<model>__<task>__...__run_<k>/results.json) was found.`,
      { hint: skipped.length > 0 ? `skipped: ${skipped.slice(0, 5).join("; ")}` : undefined },
    );
  }
  const unknown = [...new Set(folders.map((f) => f.task).filter((task) => !tasks.has(task)))];
  if (unknown.length > 0) {
    throw new BenchError(
      "DATA_INVALID",
      `bench does not know the MLGym task${unknown.length === 1 ? "" : "s"} ${unknown.map((t) => `"${t}"`).join(", ")} (from the run folders' names); nothing was imported.`,
      {
        hint: `name each one's main metric and direction: --metric "${unknown[0]}=KEY:higher" (known tasks: ${[...tasks.keys()].join(", ")}).`,
      },
    );
  }
  const hash = createHash("sha256");
  const runs = folders.map((folder) => {
    const bytes = readFileSync(folder.file);
    hash.update(folder.relative).update("\0").update(String(bytes.length)).update("\0").update(bytes);
    return parseRun(folder, bytes, tasks.get(folder.task)!);
  });
  const shaping = {
    kind: "mlgym",
    runGroup: options.runGroup ?? null,
    metrics: Object.fromEntries(
      [...new Set(folders.map((f) => f.task))].sort().map((t) => [t, tasks.get(t)]),
    ),
  };
  hash.update("\0bench-import-options\0").update(JSON.stringify(shaping));

  const directions = new Map<string, Direction>(
    [...new Set(folders.map((f) => f.task))].map((task) => [task, tasks.get(task)!.direction]),
  );
  const plan = await planCompetitions(directions.keys(), options.registry, directions);
  const scoring = await scoringContexts(plan, directions, false);
  const now = clock();
  const recorded: RecordedRun[] = runs.map((run, i) => {
    const row: CsvRow = {
      row: i,
      agent: run.folder.model,
      competition: run.folder.task,
      group: options.runGroup ?? null,
      run: run.folder.name,
      score: run.best ?? Number.NaN,
      lastScore: run.last,
      baseline: run.baseline,
      direction: directions.get(run.folder.task)!,
      timeLimitMs: null,
      startedAtMs: null,
    };
    const grade = gradeOfRow(row, scoring.get(run.folder.task)!, false, run.folder.relative, now);
    if (run.best === null) {
      grade.error =
        run.entries === 0
          ? `no valid submission: ${run.folder.relative}'s agent list is empty`
          : `no valid submission: no finite value of the main metric in ${run.folder.relative}`;
    }
    return {
      agent: row.agent,
      competitionId: row.competition,
      runGroup: row.group,
      sourceRunId: row.run,
      grade,
    };
  });
  const outcome = recordRuns(typeof db === "function" ? db() : db, {
    source: { kind: "mlgym", path: dir, contentHash: hash.digest("hex"), options: shaping },
    runs: recorded,
    competitions: plan,
    clock,
  });
  const runGroups = options.runGroup === undefined ? [] : [options.runGroup];
  const warnings = skipped.map((what) => `skipped ${what}`);
  if (outcome.status === "unchanged") {
    return { file: dir, status: "unchanged", importId: outcome.importId, runs: 0, runGroups, warnings };
  }
  return {
    file: dir,
    status: "imported",
    importId: outcome.importId!,
    runs: outcome.runIds.length,
    runGroups,
    warnings: [...warnings, ...outcome.warnings],
  };
}
