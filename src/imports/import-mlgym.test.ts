// `bench import mlgym` on trajectories laid out as MLGym writes them. MLGym's raw trajectories are not
// in shared/ (only its published per-task tables are: shared/mlgym/scores.csv), so the tests write, for
// every model and task of one published result set, four run folders whose results.json hold that
// table's numbers: one run whose attempts reach the published best attempt and whose final submission
// is the published best submission, two worse runs, and one run that never submitted. Importing them
// must give back exactly the published table, and the same AUP as importing the table itself.

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { packageRoot } from "../registry/package-root.js";
import { aupFromStore } from "../reports/aup/aup-from-store.js";
import { resolveFilter } from "../reports/report-filters.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importCsvResults } from "./import-csv.js";
import { importMlgymTrajectories, mlgymTaskTable } from "./import-mlgym.js";
import { MLGYM_TASKS } from "./mlgym-tasks.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const SCORES = path.join(SHARED, "mlgym", "scores.csv");
if (!existsSync(SCORES)) console.warn(`import-mlgym.test.ts: ${SCORES} is missing; its tests are skipped`);
const SET = "v1_b813721_repo_table";

interface Published {
  task: string;
  direction: "maximize" | "minimize";
  model: string;
  bestAttempt: number;
  bestSubmission: number;
  baseline: number;
}

function published(): Published[] {
  const [header, ...lines] = readFileSync(SCORES, "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  const at = (name: string) => columns.indexOf(name);
  return lines
    .map((line) => line.split(","))
    .filter((cells) => cells[at("dataset")] === SET)
    .map((cells) => ({
      // An empty cell (no feasible result) is NaN, not Number("") = 0.
      ...Object.fromEntries(
        (["bestAttempt", "bestSubmission", "baseline"] as const).map((key, i) => {
          const cell = cells[at(["best_attempt_at4", "best_submission_at4", "baseline"][i]!)]!;
          return [key, cell.trim() === "" ? Number.NaN : Number(cell)];
        }),
      ),
      task: cells[at("task_id")]!,
      direction: cells[at("direction")] as Published["direction"],
      model: cells[at("model")]!,
    })) as Published[];
}

const registry = new CompetitionRegistry();
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.dispose());

function writeRun(root: string, folder: string, results: unknown): void {
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, "results.json"), JSON.stringify(results));
}

/** The published set as trajectories: 4 runs per model and task (the model "baseline" is the baseline). */
function writeTrajectories(root: string, rows: readonly Published[]): void {
  for (const row of rows.filter((r) => r.model !== "baseline")) {
    const metric = MLGYM_TASKS[row.task]!.metric;
    const entry = (value: number) => ({ [metric]: value, other_metric: 12345 });
    const up = row.direction === "maximize";
    const worst = up
      ? Math.min(row.bestAttempt, row.bestSubmission)
      : Math.max(row.bestAttempt, row.bestSubmission);
    const worse = (by: number) =>
      up ? worst - (Math.abs(worst) + 1) * by : worst + (Math.abs(worst) + 1) * by;
    const baseline = { [metric]: row.baseline, other_metric: 1 };
    const name = (k: number) => `${row.model}__${row.task}__default__t-0.00__run_${k}`;
    if (Number.isNaN(row.bestAttempt)) {
      // No feasible result published: four runs that never submitted.
      for (let k = 0; k < 4; k++) writeRun(root, name(k), { agent: [], baseline });
      continue;
    }
    writeRun(root, name(0), {
      agent: [entry(worse(0.5)), entry(row.bestAttempt), entry(row.bestSubmission)],
      baseline,
    });
    writeRun(root, name(1), { agent: [entry(worse(0.2)), entry(worse(0.3))], baseline });
    writeRun(root, name(2), { agent: [entry(worse(0.1))], baseline });
    writeRun(root, name(3), { agent: [], baseline });
  }
}

function scoresTables(db: TempStore["db"]) {
  const { report } = aupFromStore(db, { filter: resolveFilter(db, {}) });
  const json = JSON.parse(JSON.stringify(report)) as {
    tables: { id: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }[];
  };
  const byMethod = (id: string) => {
    const table = json.tables.find((t) => t.id === id)!;
    const label = new Map(table.columns.map((c) => [c.key, c.label]));
    const out = new Map<string, number | null>();
    for (const row of table.rows) {
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith("method_")) out.set(`${label.get(key)}|${row.task}`, value as number | null);
      }
    }
    return out;
  };
  const aup = new Map(
    json.tables
      .find((t) => t.id === "aup")!
      .rows.map((r) => [r.method as string, [r.aup_best_attempt, r.aup_last_submission]]),
  );
  return { best: byMethod("aup_scores"), last: byMethod("aup_scores_last_submission"), aup };
}

describe.skipIf(!existsSync(SCORES))("bench import mlgym on trajectories of a published result set", () => {
  it("reproduces the published per-task best-attempt and last-submission scores, and their AUP", async () => {
    const rows = published();
    expect(rows.length).toBeGreaterThan(50);
    const root = path.join(store.dir, "trajectories");
    writeTrajectories(root, rows);
    const summary = await importMlgymTrajectories(store.db, root, { registry, runGroup: SET });
    const models = rows.filter((r) => r.model !== "baseline");
    expect(summary).toMatchObject({ status: "imported", runs: models.length * 4, runGroups: [SET] });

    const fromTrajectories = scoresTables(store.db);
    const orNull = (value: number) => (Number.isNaN(value) ? null : value);
    for (const row of models) {
      const key = `${row.model}|${row.task}`;
      expect(fromTrajectories.best.get(key), key).toBe(orNull(row.bestAttempt));
      expect(fromTrajectories.last.get(key), key).toBe(orNull(row.bestSubmission));
    }
    // The run that never submitted is a run without a valid submission.
    const invalid = store.sqlite
      .prepare(
        "select count(*) from grades where valid_submission = 0 and error like '%agent list is empty%'",
      )
      .pluck()
      .get();
    const never = models.filter((r) => Number.isNaN(r.bestAttempt)).length;
    expect(never).toBeGreaterThan(0); // llama3-405b-tools on languageModelingFineWeb
    expect(invalid).toBe(models.length - never + 4 * never);

    // The same AUP as importing the published table itself (its "baseline" rows are the baseline).
    const other = openTempStore();
    try {
      await importCsvResults(other.db, SCORES, {
        map: "agent=model,competition=task_id,score=best_attempt_at4,last_score=best_submission_at4,baseline=baseline,direction=direction,group=dataset",
        registry,
      });
      const { report } = aupFromStore(other.db, { filter: resolveFilter(other.db, { runGroup: SET }) });
      const table = report.tables.find((t) => t.id === "aup")!;
      for (const row of table.rows) {
        expect(fromTrajectories.aup.get(row.method as string), String(row.method)).toEqual([
          row.aup_best_attempt,
          row.aup_last_submission,
        ]);
      }
      expect(table.rows.length).toBe(fromTrajectories.aup.size);
    } finally {
      other.dispose();
    }

    // Importing the same folder again changes nothing.
    const again = await importMlgymTrajectories(store.db, root, { registry, runGroup: SET });
    expect(again.status).toBe("unchanged");
  });
});

describe("bench import mlgym's checks", () => {
  const root = () => path.join(store.dir, "t");

  it("says which task it does not know, and imports it once told the metric and direction", async () => {
    writeRun(root(), "m__myTask__run_0", { agent: [{ loss: 2 }, { loss: 1 }], baseline: { loss: 3 } });
    const error = await importMlgymTrajectories(store.db, root(), { registry }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).code).toBe("DATA_INVALID");
    expect((error as BenchError).message).toContain('"myTask"');
    expect((error as BenchError).hint).toContain("--metric");
    const done = await importMlgymTrajectories(store.db, root(), {
      registry,
      metrics: ["myTask=loss:lower"],
    });
    expect(done.runs).toBe(1);
    const grade = store.sqlite.prepare("select score, last_score, baseline_score from grades").get();
    expect(grade).toEqual({ score: 1, last_score: 1, baseline_score: 3 });
  });

  it("refuses an entry without the task's metric among several, naming the keys it has", async () => {
    writeRun(root(), "m__blotto__run_0", { agent: [{ a: 1, b: 2 }], baseline: { Score: 0 } });
    const error = await importMlgymTrajectories(store.db, root(), { registry }).catch((e) => e);
    expect((error as BenchError).message).toMatch(
      /agent entry 1 has no value of blotto's metric "Score" \(it has: a, b\)/,
    );
    expect(store.sqlite.prepare("select count(*) from runs").pluck().get()).toBe(0);
  });

  it("takes a lone metric whatever its name, matches keys ignoring case, and follows the direction", async () => {
    writeRun(root(), "m__languageModelingFineWeb__x__run_0", {
      agent: [{ VAL_LOSS: 4 }, { VAL_LOSS: 3.5 }, { VAL_LOSS: 3.9 }],
      baseline: { val_loss: 4.2 },
    });
    writeRun(root(), "m__blotto__run_1", { agent: [{ points: -0.2 }, { points: 0.3 }] });
    await importMlgymTrajectories(store.db, root(), { registry });
    const grades = store.sqlite
      .prepare(
        "select competition_id as task, score, last_score as last, baseline_score as base from grades order by task",
      )
      .all();
    expect(grades).toEqual([
      { task: "blotto", score: 0.3, last: 0.3, base: null },
      { task: "languageModelingFineWeb", score: 3.5, last: 3.9, base: 4.2 },
    ]);
  });

  it("refuses malformed files with the file named and imports nothing; skips links and stray files", async () => {
    writeRun(root(), "m__blotto__run_0", { agent: [{ Score: 1 }] });
    mkdirSync(path.join(root(), "m__blotto__run_1"), { recursive: true });
    writeFileSync(path.join(root(), "m__blotto__run_1", "results.json"), "{not json");
    const error = await importMlgymTrajectories(store.db, root(), { registry }).catch((e) => e);
    expect((error as BenchError).message).toContain(path.join("m__blotto__run_1", "results.json"));
    expect(store.sqlite.prepare("select count(*) from runs").pluck().get()).toBe(0);

    writeFileSync(path.join(root(), "m__blotto__run_1", "results.json"), JSON.stringify({ agent: "nope" }));
    await expect(importMlgymTrajectories(store.db, root(), { registry })).rejects.toThrow(/agent/);

    writeRun(root(), "m__blotto__run_1", { agent: [{ Score: 2 }] });
    writeRun(root(), "not-a-run-folder", { agent: [{ Score: 3 }] });
    symlinkSync(path.join(root(), "m__blotto__run_0"), path.join(root(), "m__blotto__run_9"));
    const summary = await importMlgymTrajectories(store.db, root(), { registry });
    expect(summary.runs).toBe(2);
    expect(summary.warnings.join("\n")).toMatch(/not-a-run-folder.*not named/);
    expect(summary.warnings.join("\n")).toMatch(/m__blotto__run_9 \(a symbolic link/);
  });

  it("says so when the folder holds no run, or is not a folder", async () => {
    mkdirSync(root(), { recursive: true });
    await expect(importMlgymTrajectories(store.db, root(), { registry })).rejects.toThrow(/no run folder/);
    await expect(importMlgymTrajectories(store.db, path.join(root(), "nope"), { registry })).rejects.toThrow(
      /not a folder of MLGym trajectories/,
    );
  });

  it("parses --metric overrides and refuses malformed ones", () => {
    expect(mlgymTaskTable(["blotto=Total"]).get("blotto")).toEqual({ metric: "Total", direction: "higher" });
    expect(mlgymTaskTable(["a=x:lower,b=y:higher"]).get("b")).toEqual({ metric: "y", direction: "higher" });
    expect(() => mlgymTaskTable(["nokey"])).toThrow(/TASK=KEY/);
    expect(() => mlgymTaskTable(["newTask=x"])).toThrow(/say which way is better/);
  });
});

describe.skipIf(!existsSync(SCORES))("bench's MLGym task table", () => {
  it("has every task of MLGym's published tables, in the direction they rank it", () => {
    const directions = new Map(published().map((r) => [r.task, r.direction]));
    const all = readFileSync(SCORES, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    for (const cells of all) directions.set(cells[1]!, cells[3] as Published["direction"]);
    expect([...directions.keys()].sort()).toEqual(Object.keys(MLGYM_TASKS).sort());
    for (const [task, direction] of directions) {
      expect(MLGYM_TASKS[task]!.direction, task).toBe(direction === "minimize" ? "lower" : "higher");
    }
  });
});
