// `bench import mlgym` from the command line: a folder of MLGym run folders into a store, then
// `bench report aup --format json` gives both variants' per-task scores; a refused folder leaves no store.

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";

function run(root: string, folder: string, results: unknown): void {
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, "results.json"), JSON.stringify(results));
}

describe("bench import mlgym", () => {
  it("imports the runs, then bench report aup shows best attempt and last submission per task", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-import-mlgym-"));
    const root = path.join(dir, "trajectories");
    const baseline = { r2: 0.88, rmse: 30000 };
    run(root, "gpt__regressionKaggleHousePrice__default__run_0", {
      agent: [
        { r2: 0.9, rmse: 1 },
        { r2: 0.91, rmse: 1 },
        { r2: 0.89, rmse: 1 },
      ],
      baseline,
    });
    run(root, "gpt__regressionKaggleHousePrice__default__run_1", {
      agent: [{ r2: 0.905, rmse: 1 }],
      baseline,
    });
    run(root, "llama__regressionKaggleHousePrice__default__run_0", { agent: [], baseline });
    const db = path.join(dir, "bench.db");
    const imported = await bench("import", "mlgym", root, "--run-group", "mine", "--db", db, "--json");
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).imports[0]).toMatchObject({
      status: "imported",
      runs: 3,
      runGroups: ["mine"],
    });

    const aup = await bench("report", "aup", "--db", db, "--format", "json");
    expect(aup.code, aup.stderr).toBe(0);
    const report = JSON.parse(aup.stdout) as {
      tables: { id: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }[];
    };
    const score = (id: string, method: string) => {
      const table = report.tables.find((t) => t.id === id)!;
      const key = table.columns.find((c) => c.label === method)!.key;
      return table.rows.find((r) => r.task === "regressionKaggleHousePrice")![key];
    };
    expect(score("aup_scores", "gpt")).toBe(0.91);
    expect(score("aup_scores_last_submission", "gpt")).toBe(0.905);
    expect(score("aup_scores", "llama")).toBeNull();
    expect(score("aup_scores", "baseline")).toBe(0.88);

    const again = await bench("import", "mlgym", root, "--run-group", "mine", "--db", db);
    expect(again.stdout).toMatch(/^unchanged /);
  });

  it("refuses a folder without runs with its own error, and leaves no store behind", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-import-mlgym-"));
    const db = path.join(dir, "bench.db");
    const { code, stderr } = await bench("import", "mlgym", dir, "--db", db);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/no run folder with a results\.json/);
    expect(existsSync(db)).toBe(false);
  });
});
