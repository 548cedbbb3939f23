// What one import takes: a file of several write batches lands whole and in order; a FIFO, a file over
// the row limit or a bad cell on its last row is refused before the store is opened.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importCsvResults } from "./import-csv.js";
import { checkImportRows, defaultMaxImportRows, maxImportRows } from "./import-limits.js";
import { readMlebenchReportFile } from "./mlebench-report-file.js";
import { importFailure } from "./test-support/import-failure.js";

const registry = new CompetitionRegistry();
const MAP = "agent=model,competition=task,score=score,tokens=tokens";
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
  delete process.env.BENCH_MAX_IMPORT_ROWS;
});

/** `rows` rows over 3 agents and 4 tasks; the score is the row's number, so order can be checked. */
function table(rows: number, lastTokens = "7"): string {
  const lines = ["model,task,score,tokens"];
  for (let i = 0; i < rows; i++)
    lines.push(`m${i % 3},t${i % 4},${i},${i === rows - 1 ? lastTokens : String(i % 10)}`);
  return `${lines.join("\n")}\n`;
}

function file(name: string, text: string): string {
  const target = path.join(store.dir, name);
  writeFileSync(target, text);
  return target;
}

/** The store as the import sees it, counting the times it was opened. */
function opener() {
  const calls = { n: 0 };
  const open = () => {
    calls.n++;
    return store.db;
  };
  return { calls, open };
}

describe("one import", () => {
  it("writes a file of several write batches whole: every row, seeds in file order, the reports' copy", async () => {
    const rows = 4_500;
    const summary = await importCsvResults(store.db, file("big.csv", table(rows)), { map: MAP, registry });
    expect(summary).toMatchObject({ status: "imported", runs: rows });
    const stored = store.sqlite
      .prepare(
        `select a.name agent, r.competition_id task, r.seed, g.score, r.grade_score copy, r.usage_tokens tokens
         from runs r join agents a on a.id = r.agent_id join grades g on g.run_id = r.id order by g.score`,
      )
      .all() as { agent: string; task: string; seed: number; score: number; copy: number; tokens: number }[];
    expect(stored).toHaveLength(rows);
    const seen = new Map<string, number>();
    stored.forEach((run, i) => {
      // Row i, in file order: its agent and task, the next seed of that pair (from 0), its usage.
      expect(run.score).toBe(i);
      expect([run.agent, run.task]).toEqual([`m${i % 3}`, `t${i % 4}`]);
      const key = `${run.agent}/${run.task}`;
      expect(run.seed).toBe((seen.get(key) ?? -1) + 1);
      seen.set(key, run.seed);
      expect(run.copy).toBe(run.score);
      expect(run.tokens).toBe(i === rows - 1 ? 7 : i % 10);
    });
  });

  it("refuses a file over the row limit at once, naming both figures, before opening the store", async () => {
    process.env.BENCH_MAX_IMPORT_ROWS = "10";
    const { calls, open } = opener();
    const error = await importFailure(
      importCsvResults(open, file("eleven.csv", table(11)), { map: MAP, registry }),
    );
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toMatch(/eleven\.csv: 11 rows, more than the 10 one import takes/);
    expect(error.hint).toMatch(/split the file/);
    expect(calls.n).toBe(0);
    // Ten rows are fine.
    expect((await importCsvResults(open, file("ten.csv", table(10)), { map: MAP, registry })).runs).toBe(10);
  });

  it("refuses a bad cell on the last row before opening the store", async () => {
    const { calls, open } = opener();
    const error = await importFailure(
      importCsvResults(open, file("bad-last.csv", table(4_500, "-3")), { map: MAP, registry }),
    );
    expect(error.code).toBe("CSV_MALFORMED");
    expect(error.message).toMatch(/row 4500.*tokens.*expected a number of tokens, 0 or more, got -3/);
    expect(calls.n).toBe(0);
  });

  it("refuses a FIFO at once instead of waiting for a writer (a CSV and an MLE-bench report)", async () => {
    const fifo = path.join(store.dir, "results.csv");
    execFileSync("mkfifo", [fifo]);
    const { calls, open } = opener();
    const error = await importFailure(importCsvResults(open, fifo, { map: MAP, registry }));
    expect(error.code).toBe("DATA_MISSING");
    expect(error.message).toMatch(/is a FIFO \(named pipe\), not a regular file/);
    expect(calls.n).toBe(0);
    expect(() => readMlebenchReportFile(fifo)).toThrow(/is a FIFO \(named pipe\), not a regular file/);
  });

  it("reads the row limit from BENCH_MAX_IMPORT_ROWS, refusing what is not a positive whole number", () => {
    // By default, what this process's heap holds at 2 KB a row: 2.1 million under Node's 4 GiB heap.
    expect(maxImportRows({})).toBe(Math.floor(getHeapStatistics().heap_size_limit / 2048));
    expect(defaultMaxImportRows(4096 * 1024 ** 2)).toBe(2_097_152);
    expect(maxImportRows({ BENCH_MAX_IMPORT_ROWS: "5000000" })).toBe(5_000_000);
    for (const bad of ["0", "-1", "1.5", "lots"]) {
      expect(() => maxImportRows({ BENCH_MAX_IMPORT_ROWS: bad })).toThrow(
        /BENCH_MAX_IMPORT_ROWS must be a positive whole number/,
      );
    }
    const max = defaultMaxImportRows();
    expect(() => checkImportRows("f.csv", max, {})).not.toThrow();
    expect(() => checkImportRows("f.csv", max + 1, {})).toThrow(
      new RegExp(`more than the ${max} one import`),
    );
  });
});
