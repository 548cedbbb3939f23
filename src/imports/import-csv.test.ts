import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { packageRoot } from "../registry/package-root.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importCsvResults } from "./import-csv.js";
import { importFailure } from "./test-support/import-failure.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const METR = path.join(SHARED, "rebench", "metr-runs.csv");
const MLGYM = path.join(SHARED, "mlgym", "scores.csv");
// The real data lives in ../shared beside the project (CI always has it); say so when it is missing.
for (const file of [METR, MLGYM]) {
  if (!existsSync(file)) console.warn(`import-csv.test.ts: ${file} is missing; its import tests are skipped`);
}
const METR_MAP = "agent=alias,competition=task_family,run=run_id,score=score,time_limit=time_limit";
const MLGYM_MAP =
  "agent=model,competition=task_id,score=best_attempt_at4,last_score=best_submission_at4,baseline=baseline,direction=direction";

const registry = new CompetitionRegistry();
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.dispose());

const all = (sql: string, ...params: unknown[]) =>
  store.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const one = (sql: string, ...params: unknown[]) =>
  store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params);

function writeCsv(name: string, text: string): string {
  const file = path.join(store.dir, name);
  writeFileSync(file, text);
  return file;
}

describe.skipIf(!existsSync(METR))("importing METR's RE-bench runs", () => {
  it("imports all 1808 runs as they are, with normalized scores, time limits and run ids", async () => {
    const summary = await importCsvResults(store.db, METR, {
      map: METR_MAP,
      scoreKind: "normalized",
      registry,
    });
    expect(summary).toMatchObject({ status: "imported", runs: 1808, warnings: [] });
    expect(one("select count(*) from runs")).toBe(1808);
    expect(one("select count(*) from grades where score is null and valid_submission = 1")).toBe(1808);
    expect(one("select sum(normalized_score) from grades")).toBeCloseTo(246.53224402509923, 9);
    expect(all("select time_limit_ms as ms, count(*) as n from runs group by 1 order by 1")).toEqual([
      { ms: 0, n: 93 },
      { ms: 1_800_000, n: 1519 },
      { ms: 7_200_000, n: 193 },
      { ms: 28_800_000, n: 3 },
    ]);
    expect(one("select count(*) from agents")).toBe(9);
    expect(all("select kind, origin, count(*) as n from competitions group by 1, 2")).toEqual([
      { kind: "rebench", origin: "registry", n: 7 },
    ]);
    // o1-preview ran ai_rd_fix_embedding 54 times: seeds 0..53 in file order.
    const seeds = all(
      `select r.seed, r.source_run_id from runs r join agents a on a.id = r.agent_id
        where a.name = 'o1-preview' and r.competition_id = 'ai_rd_fix_embedding' order by r.seed`,
    );
    expect(seeds.map((row) => row.seed)).toEqual([...Array(54).keys()]);
    expect(one("select source_run_id from runs where source_run_id = 'mp4-server_205615'")).toBe(
      "mp4-server_205615",
    );
  });

  it("changes nothing when the file is imported again with the same options", async () => {
    await importCsvResults(store.db, METR, { map: METR_MAP, scoreKind: "normalized", registry });
    const before = all("select * from runs order by id");
    // The same mapping written in another order is the same import.
    const reordered = "score=score,run=run_id,time_limit=time_limit,agent=alias,competition=task_family";
    const again = await importCsvResults(store.db, METR, {
      map: reordered,
      scoreKind: "normalized",
      registry,
    });
    expect(again).toMatchObject({ status: "unchanged", runs: 0, importId: 1 });
    expect(all("select * from runs order by id")).toEqual(before);
    expect(one("select count(*) from imports")).toBe(1);
  });
});

describe.skipIf(!existsSync(MLGYM))("importing MLGym's scores", () => {
  it("keeps the three result sets apart with group=dataset", async () => {
    const summary = await importCsvResults(store.db, MLGYM, { map: `${MLGYM_MAP},group=dataset`, registry });
    expect(summary.runs).toBe(416);
    expect(summary.runGroups).toEqual([
      "head_9d40c1b_aggregate_results",
      "head_9d40c1b_test_results(v1 MountainCar)",
      "v1_b813721_repo_table",
    ]);
    expect(all("select run_group as g, count(*) as n from runs group by 1 order by 1")).toEqual([
      { g: "head_9d40c1b_aggregate_results", n: 169 },
      { g: "head_9d40c1b_test_results(v1 MountainCar)", n: 169 },
      { g: "v1_b813721_repo_table", n: 78 },
    ]);
    // One run per model, task and result set: every seed is 0.
    expect(one("select max(seed) from runs")).toBe(0);
    // Empty best attempts are runs with no valid submission.
    expect(
      all(
        "select run_group as g, count(*) as n from runs r join grades g on g.run_id = r.id where g.valid_submission = 0 group by 1 order by 1",
      ),
    ).toEqual([
      { g: "head_9d40c1b_aggregate_results", n: 23 },
      { g: "head_9d40c1b_test_results(v1 MountainCar)", n: 22 },
      { g: "v1_b813721_repo_table", n: 1 },
    ]);
    expect(one("select count(*) from competitions where kind = 'external' and origin = 'import'")).toBe(14);
    expect(
      all("select id, direction from competitions where id in ('3SATTime', 'blotto') order by id"),
    ).toEqual([
      { id: "3SATTime", direction: "lower" },
      { id: "blotto", direction: "higher" },
    ]);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/14 competitions are not in the registry; created as external tasks/);
    const house = all(
      `select g.score, g.last_score, g.baseline_score, g.is_lower_better from runs r join grades g on g.run_id = r.id
         join agents a on a.id = r.agent_id
        where a.name = 'claude-35-sonnet-new' and r.competition_id = 'regressionKaggleHousePrice' and r.run_group = 'v1_b813721_repo_table'`,
    );
    expect(house).toEqual([
      {
        score: 0.9212491069630924,
        last_score: 0.9122004413149003,
        baseline_score: 0.8799891474739243,
        is_lower_better: 0,
      },
    ]);
    const again = await importCsvResults(store.db, MLGYM, { map: `${MLGYM_MAP},group=dataset`, registry });
    expect(again.status).toBe("unchanged");
    expect(one("select count(*) from runs")).toBe(416);
  });

  it("imports the file without a group too, as successive runs, and says how to keep the sets apart", async () => {
    const summary = await importCsvResults(store.db, MLGYM, { map: MLGYM_MAP, registry });
    expect(summary.runs).toBe(416);
    expect(summary.runGroups).toEqual([]);
    const repeat = summary.warnings.find((warning) => warning.includes("repeat"));
    expect(repeat).toMatch(
      /rows repeat an agent and competition \(row \d+ repeats \S+ on \S+ from row \d+\)/,
    );
    expect(repeat).toMatch(/--map \.\.\.,group=COLUMN/);
    const seeds = all(
      `select r.seed from runs r join agents a on a.id = r.agent_id
        where a.name = 'claude-35-sonnet-new' and r.competition_id = 'regressionKaggleHousePrice' order by r.seed`,
    );
    expect(seeds.map((row) => row.seed)).toEqual([0, 1, 2]);
  });
});

describe("importing a results CSV", () => {
  it("normalizes raw RE-bench scores with the registry's ys and yr", async () => {
    const ys = 2.196224077002636;
    const yr = 0.2623642644674909;
    const file = writeCsv(
      "raw.csv",
      `agent,task,raw\na,ai_rd_fix_embedding,${yr}\na,ai_rd_fix_embedding,${ys}\na,ai_rd_fix_embedding,3.5\na,ai_rd_fix_embedding,\na,ai_rd_fix_embedding,NaN\n`,
    );
    await importCsvResults(store.db, file, {
      map: "agent=agent,competition=task,score=raw",
      scoreKind: "raw",
      registry,
    });
    const grades = all(
      "select g.score, g.normalized_score as n, g.valid_submission as v, g.error from runs r join grades g on g.run_id = r.id order by r.seed",
    );
    expect(grades.map((g) => g.n)).toEqual([1, 0, 0, null, null]);
    expect(grades.map((g) => g.v)).toEqual([1, 1, 1, 0, 0]);
    expect(grades[3]?.error).toMatch(/raw\.csv, row 4 \(line 5\), column "raw" is empty or NaN/);
  });

  it("computes medals for registry Kaggle competitions from their leaderboard", async () => {
    const file = writeCsv(
      "kaggle.csv",
      "agent,comp,score\na,spaceship-titanic,0.83\na,spaceship-titanic,0.81\n",
    );
    await importCsvResults(store.db, file, { map: "agent=agent,competition=comp,score=score", registry });
    const grades = all(
      "select g.gold_medal, g.bronze_medal, g.above_median, g.gold_threshold from grades g join runs r on r.id = g.run_id order by r.seed",
    );
    expect(grades).toEqual([
      { gold_medal: 1, bronze_medal: 0, above_median: 1, gold_threshold: 0.82066 },
      { gold_medal: 0, bronze_medal: 1, above_median: 1, gold_threshold: 0.82066 },
    ]);
  });

  it("refuses a score that is not a number, naming the file, row, line, column and value", async () => {
    const file = writeCsv("bad.csv", "agent,task,score\na,t,0.5\nb,t,oops\n");
    const error = await importFailure(
      importCsvResults(store.db, file, { map: "agent=agent,competition=task,score=score", registry }),
    );
    expect(error.code).toBe("CSV_MALFORMED");
    expect(error.message).toBe(`${file}, row 2 (line 3), column "score": expected a number, got "oops".`);
    expect(error.hint).toMatch(/leave it empty \(or NaN\) if the run has no valid score/);
    expect(one("select count(*) from runs")).toBe(0);
  });

  it("refuses a mapping to a column the file lacks, listing the file's columns", async () => {
    const file = writeCsv("cols.csv", "model,task_id,best\nm,t,1\n");
    const error = await importFailure(
      importCsvResults(store.db, file, { map: "agent=model,competition=task,score=best", registry }),
    );
    expect(error.code).toBe("USAGE");
    expect(error.message).toMatch(
      /--map competition=task: .*cols\.csv has no column "task" \(did you mean "task_id"\?\)/,
    );
    expect(error.hint).toBe("its columns are: model, task_id, best.");
  });

  it("refuses rows with no agent and tasks with two directions", async () => {
    const empty = writeCsv("empty.csv", "agent,task,score\n,t,1\n");
    expect(
      (
        await importFailure(
          importCsvResults(store.db, empty, { map: "agent=agent,competition=task,score=score", registry }),
        )
      ).message,
    ).toMatch(/empty\.csv, row 1 \(line 2\), column "agent": the cell is empty/);
    const split = writeCsv("dir.csv", "agent,task,score,d\na,t,1,maximize\nb,t,2,minimize\n");
    const error = await importFailure(
      importCsvResults(store.db, split, {
        map: "agent=agent,competition=task,score=score,direction=d",
        registry,
      }),
    );
    expect(error.message).toMatch(
      /dir\.csv, row 2 \(line 3\), column "d": t is "lower" here but "higher" on row 1/,
    );
  });

  it("reads time limits and start times in the units a results table uses", async () => {
    const file = writeCsv(
      "times.csv",
      "agent,task,score,limit,start\na,t,1,1800,1734070031112\na,t,1,2h,1734070031\na,t,1,,2024-12-13T06:07:11Z\n",
    );
    await importCsvResults(store.db, file, {
      map: "agent=agent,competition=task,score=score,time_limit=limit,started_at=start",
      registry,
    });
    expect(all("select time_limit_ms as l, started_at_ms as s from runs order by seed")).toEqual([
      { l: 1_800_000, s: 1734070031112 },
      { l: 7_200_000, s: 1734070031000 },
      { l: null, s: Date.parse("2024-12-13T06:07:11Z") },
    ]);
  });
});
