import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listCompetitions } from "../../registry/competition-registry.js";
import { openFilePath } from "../../reports/deliver-report.js";
import {
  PYTHON_REQUIRED,
  pandasUnavailableReason,
  readCsvWithPandas,
} from "../../reports/test-support/pandas.js";
import { ReportStore } from "../../reports/test-support/report-store.js";
import { bench } from "../test-support/run-bench.js";

let store: ReportStore;
afterEach(() => store?.dispose());

/** Two agents on the 22 Lite competitions, two seeds each, and RE-bench runs at 2 h. */
async function fill(): Promise<void> {
  store = new ReportStore();
  const low = (await listCompetitions({ split: "low" })).map((c) => c.id);
  for (const id of low) store.competition(id, { splits: ["low", "split75"] });
  store.competition("ai_rd_fix_embedding", { kind: "rebench", splits: ["rebench"] });
  const a = store.agent("aide");
  const b = store.agent("mlab");
  low.forEach((id, i) => {
    store.run({ agentId: a, competitionId: id, seed: 0, gold: true, score: 0.9 });
    store.run({ agentId: a, competitionId: id, seed: 1, bronze: i < 11, score: 0.8 });
    store.run({ agentId: b, competitionId: id, seed: 0, score: 0.5 });
    store.run({ agentId: b, competitionId: id, seed: 1, silver: i < 11, score: 0.7 });
  });
  for (const score of [0.6, 0.3]) {
    store.run({
      agentId: a,
      competitionId: "ai_rd_fix_embedding",
      timeLimitMs: 7_200_000,
      normalizedScore: score,
    });
  }
}

const pandasMissing = pandasUnavailableReason();
if (pandasMissing !== undefined && !PYTHON_REQUIRED) {
  console.warn(`report-output.test.ts: the pandas checks are skipped: ${pandasMissing}`);
}

describe.skipIf(pandasMissing !== undefined && !PYTHON_REQUIRED)(
  "bench report --format csv, read by pandas",
  () => {
    it("writes the main table alone, so that pandas.read_csv reads it; footnotes go to stderr", async () => {
      await fill();
      const result = await bench("report", "--db", store.file, "--split", "low", "--format", "csv");
      expect(result.code).toBe(0);
      const file = path.join(store.dir, "leaderboard.csv");
      writeFileSync(file, result.stdout);
      const frame = readCsvWithPandas(file);
      expect(frame.columns).toEqual(["rank", "agent", "low_mean", "low_sem", "seeds"]);
      expect(frame.records).toEqual([
        { rank: 1, agent: "aide", low_mean: 75, low_sem: 25, seeds: 2 },
        { rank: 2, agent: "mlab", low_mean: 25, low_sem: 25, seeds: 2 },
      ]);
      expect(frame.dtypes.agent).toBe("object");
      expect(result.stderr).toContain("bench: note: Competitions per split: Low 22.");
    });

    it("--table NAME picks another table; an unknown name lists the report's tables", async () => {
      await fill();
      const result = await bench(
        "report",
        "--db",
        store.file,
        "--split",
        "low",
        "--format",
        "csv",
        "--table",
        "pass_at_k",
      );
      expect(result.code).toBe(0);
      const file = path.join(store.dir, "pass.csv");
      writeFileSync(file, result.stdout);
      const frame = readCsvWithPandas(file);
      expect(frame.columns).toEqual(["agent", "split", "seeds", "pass_at_1", "pass_at_2"]);
      expect(frame.records[0]).toMatchObject({ agent: "aide", pass_at_1: 75, pass_at_2: 100 });

      const wrong = await bench(
        "report",
        "--db",
        store.file,
        "--split",
        "low",
        "--format",
        "csv",
        "--table",
        "pass-at-k",
      );
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(
        /--table: this report has no table "pass-at-k" \(did you mean "pass_at_k"\?\)/,
      );
      expect(wrong.stderr).toContain("its tables are: leaderboard, detail, pass_at_k");
    });

    it("--output-dir DIR writes every table into its own file, each one pandas reads", async () => {
      await fill();
      const dir = path.join(store.dir, "tables");
      const result = await bench(
        "report",
        "rebench",
        "--db",
        store.file,
        "--format",
        "csv",
        "--output-dir",
        dir,
      );
      expect(result.code).toBe(0);
      const files = readdirSync(dir).sort();
      expect(files).toEqual([
        "equal_budget.csv",
        "normalized_score.csv",
        "score_at_k.csv",
        "score_over_time.csv",
      ]);
      for (const name of files) expect(() => readCsvWithPandas(path.join(dir, name)), name).not.toThrow();
      const scores = readCsvWithPandas(path.join(dir, "normalized_score.csv"));
      expect(scores.records).toEqual([
        {
          agent: "aide",
          time_limit: "2 h",
          task: "ai_rd_fix_embedding",
          runs: 2,
          failed: 0,
          mean: 0.45,
          max: 0.6,
        },
      ]);
      // The summary names each file, with the footnotes a CSV file cannot hold.
      expect(result.stdout).toContain(`${path.join(dir, "score_at_k.csv")}  (score@k`);
      expect(result.stdout).toMatch(/ {4}\* Failed or invalid runs count as 0/);
    });
  },
);

describe("bench report output files", () => {
  it("--output-dir with another format writes each table in that format", async () => {
    await fill();
    const dir = path.join(store.dir, "md");
    const result = await bench(
      "report",
      "--db",
      store.file,
      "--split",
      "low",
      "--format",
      "markdown",
      "--output-dir",
      dir,
    );
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["detail.md", "leaderboard.md", "pass_at_k.md"]);
    const detail = readFileSync(path.join(dir, "detail.md"), "utf8");
    expect(detail).toContain("## MLE-bench per agent and split");
    expect(detail).not.toContain("## MLE-bench leaderboard: any medal");
  });

  it("Markdown links its plots relative to the file it is written into (--output)", async () => {
    await fill();
    const out = path.join(store.dir, "site");
    const result = await bench(
      "report",
      "rebench",
      "--db",
      store.file,
      "--format",
      "markdown",
      "--plots",
      path.join(out, "plots"),
      "--output",
      path.join(out, "report.md"),
    );
    expect(result.code).toBe(0);
    const markdown = readFileSync(path.join(out, "report.md"), "utf8");
    expect(markdown).toContain("](plots/rebench-score-at-k-2h.svg)");
    // The link resolves from the Markdown file's folder to the plot written.
    const link = /\]\((plots\/[^)]+\.svg)\)/.exec(markdown)![1]!;
    expect(readFileSync(path.join(out, link), "utf8")).toMatch(/^<\?xml/);
    expect(result.stdout).toContain("report.md");
  });

  it("knows the file stdout is redirected to (bench report --format markdown > FILE)", () => {
    store = new ReportStore();
    const file = path.join(store.dir, "out", "report.md");
    mkdirSync(path.dirname(file));
    writeFileSync(file, "");
    const fd = openSync(file, "a");
    try {
      expect(openFilePath(fd)).toBe(file);
    } finally {
      closeSync(fd);
    }
  });

  it("refuses --output with --output-dir", async () => {
    await fill();
    const result = await bench("report", "--db", store.file, "--output", "a.md", "--output-dir", "b");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--output and --output-dir cannot be used together");
  });
});
