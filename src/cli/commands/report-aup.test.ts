import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../registry/package-root.js";
import { type Direction, type ProfileRow, performanceProfiles } from "../../reports/stats/aup.js";
import { lineLooks } from "../../reports/test-support/svg-parts.js";
import { openTempStore, type TempStore } from "../../store/temp-store.js";
import { bench } from "../test-support/run-bench.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const MLGYM = path.join(SHARED, "mlgym", "scores.csv");
if (!existsSync(MLGYM)) console.warn(`report-aup.test.ts: ${MLGYM} is missing; its tests are skipped`);
// MLGym's file as its README suggests importing it: the dataset column keeps the three result sets apart.
const MAP =
  "agent=model,competition=task_id,score=best_attempt_at4,last_score=best_submission_at4,baseline=baseline,direction=direction,group=dataset";

let store: TempStore;
afterEach(() => store?.dispose());

async function importMlgym(): Promise<void> {
  store = openTempStore();
  store.close();
  const imported = await bench(
    "import",
    "csv",
    MLGYM,
    "--map",
    MAP,
    "--db",
    path.join(store.dir, "bench.db"),
  );
  expect(imported.code, imported.stderr).toBe(0);
}

interface AupRow {
  run_group: string;
  rank: number;
  method: string;
  aup_best_attempt: number;
  aup_last_submission: number;
}

/** performanceProfiles on one dataset's rows of the file, the baseline model being the baseline. */
async function reference(dataset: string) {
  const [header, ...lines] = readFileSync(MLGYM, "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  const rows = lines
    .map((line) => line.split(","))
    .filter((cells) => cells[columns.indexOf("dataset")] === dataset);
  const variant = (column: string): ProfileRow[] =>
    rows.map((cells) => {
      const at = (name: string) => cells[columns.indexOf(name)]!;
      return {
        task: at("task_id"),
        method: at("model"),
        direction: at("direction") as Direction,
        score: at(column) === "" ? null : Number(at(column)),
      };
    });
  return performanceProfiles({
    best_attempt: variant("best_attempt_at4"),
    last_submission: variant("best_submission_at4"),
  });
}

describe.skipIf(!existsSync(MLGYM))(
  "bench report aup on MLGym's three result sets, imported together",
  () => {
    it("keeps each result set apart, labelled with its run group, with the published numbers", async () => {
      await importMlgym();
      const db = path.join(store.dir, "bench.db");
      const json = await bench("report", "aup", "--db", db, "--format", "json");
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout);
      const aup = report.tables[0];
      const rows = aup.rows as AupRow[];
      expect(aup.columns.map((c: { key: string }) => c.key)).toEqual([
        "run_group",
        "rank",
        "method",
        "aup_best_attempt",
        "aup_last_submission",
      ]);
      const groups = [...new Set(rows.map((r) => r.run_group))];
      expect(groups).toEqual([
        "head_9d40c1b_aggregate_results",
        "head_9d40c1b_test_results(v1 MountainCar)",
        "v1_b813721_repo_table",
      ]);
      // The published v1 table: gpt-o1 1.150 / 1.176 in its own set (pooled, it would read 1.434).
      const v1 = rows.filter((r) => r.run_group === "v1_b813721_repo_table");
      const of = (method: string) => v1.find((r) => r.method === method)!;
      expect([of("gpt-o1").aup_best_attempt, of("gpt-o1").aup_last_submission]).toEqual([1.15, 1.176]);
      expect(of("gpt-o1").rank).toBe(1);
      expect([of("baseline").aup_best_attempt, of("baseline").aup_last_submission]).toEqual([0.953, 0.98]);
      expect(rows.some((r) => r.aup_best_attempt === 1.434)).toBe(false);
      // Every set: its own pool, exactly as performanceProfiles computes it from that set's rows alone.
      for (const group of groups) {
        const expected = await reference(group);
        const set = rows.filter((r) => r.run_group === group);
        expect(set.map((r) => r.method).sort(), group).toEqual([...expected.methods].sort());
        for (const row of set) {
          expect(row.aup_best_attempt, `${group} ${row.method}`).toBe(
            expected.variants.best_attempt!.aup[row.method],
          );
          expect(row.aup_last_submission, `${group} ${row.method}`).toBe(
            expected.variants.last_submission!.aup[row.method],
          );
        }
        expect(set.map((r) => r.rank)).toEqual(set.map((_, i) => i + 1));
        expect(aup.footnotes.join("\n")).toContain(`${group}: tau_max = ${expected.tauMax},`);
      }
      // The model named "baseline" is the tasks' baseline: counted once, and the report says so.
      expect(rows.filter((r) => r.method.startsWith("baseline")).map((r) => r.method)).toEqual([
        "baseline",
        "baseline",
        "baseline",
      ]);
      expect(aup.footnotes.join("\n")).toContain(
        'v1_b813721_repo_table: The agent "baseline" scores exactly the tasks\' baseline scores on all its 13 tasks: it is the baseline (imported as a model), counted once as "baseline".',
      );
      expect(report.notes.join("\n")).toMatch(
        /from 3 run groups that share agents and tasks.*--run-group NAME/,
      );
      expect(report.tables.map((t: { id: string }) => t.id)).toEqual([
        "aup",
        "aup_scores_head_9d40c1b_aggregate_results",
        "aup_scores_head_9d40c1b_aggregate_results_last_submission",
        "aup_scores_head_9d40c1b_test_results_v1_mountaincar",
        "aup_scores_head_9d40c1b_test_results_v1_mountaincar_last_submission",
        "aup_scores_v1_b813721_repo_table",
        "aup_scores_v1_b813721_repo_table_last_submission",
      ]);

      const terminal = await bench("report", "aup", "--db", db);
      expect(terminal.stdout).toMatch(/v1_b813721_repo_table\s+1\s+gpt-o1\s+1\.150\s+1\.176/);
      expect(terminal.stdout).toContain(
        "Scores per task in run group head_9d40c1b_test_results(v1 MountainCar)",
      );

      const one = await bench(
        "report",
        "aup",
        "--db",
        db,
        "--run-group",
        "v1_b813721_repo_table",
        "--format",
        "json",
      );
      const single = JSON.parse(one.stdout).tables[0];
      expect(single.columns[0].key).toBe("rank");
      expect(single.rows.map((r: AupRow) => r.method)).toEqual([
        "gpt-o1",
        "claude-35-sonnet-new",
        "gemini-15-pro",
        "llama3-405b-tools",
        "gpt4o2",
        "baseline",
      ]);
    });

    it("draws the profiles of each run group apart, named by the group", async () => {
      await importMlgym();
      const plots = path.join(store.dir, "plots");
      const result = await bench("report", "aup", "--db", path.join(store.dir, "bench.db"), "--plots", plots);
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(plots).sort()).toEqual([
        "aup-profiles-head_9d40c1b_aggregate_results-best-attempt.svg",
        "aup-profiles-head_9d40c1b_aggregate_results-last-submission.svg",
        "aup-profiles-head_9d40c1b_test_results-v1-MountainCar-best-attempt.svg",
        "aup-profiles-head_9d40c1b_test_results-v1-MountainCar-last-submission.svg",
        "aup-profiles-v1_b813721_repo_table-best-attempt.svg",
        "aup-profiles-v1_b813721_repo_table-last-submission.svg",
      ]);
      // 13 methods in one picture: each curve has its own colour and dash.
      const svg = readFileSync(
        path.join(plots, "aup-profiles-head_9d40c1b_aggregate_results-best-attempt.svg"),
        "utf8",
      );
      const looks = lineLooks(svg);
      expect(looks).toHaveLength(13);
      expect(new Set(looks.map((look) => `${look.stroke} ${look.dash}`)).size).toBe(13);
    });
  },
);
