// `bench import csv` with usage columns: METR's total_tokens and dollar_equivalent land in run_usage,
// and a bad usage cell is an error naming it.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { packageRoot } from "../registry/package-root.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importCsvResults } from "./import-csv.js";

const SHARED = path.resolve(process.env.BENCH_SHARED_DIR ?? path.join(packageRoot(), "..", "shared"));
const METR = path.join(SHARED, "rebench", "metr-runs.csv");
if (!existsSync(METR)) console.warn(`import-csv-usage.test.ts: ${METR} is missing; its test is skipped`);
const METR_MAP =
  "agent=alias,competition=task_family,run=run_id,score=score,time_limit=time_limit,tokens=total_tokens,cost_usd=dollar_equivalent";

const registry = new CompetitionRegistry();
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.dispose());

/** Per agent: rows, and the sums of the two usage columns over the rows that have them. */
function sumsFromCsv(file: string) {
  // METR's file has no quoted fields (checked below), so splitting on commas reads it exactly.
  const text = readFileSync(file, "utf8");
  expect(text).not.toContain('"');
  const [header, ...lines] = text.trimEnd().split("\n");
  const columns = header!.split(",");
  const at = (name: string) => columns.indexOf(name);
  const sums = new Map<
    string,
    { rows: number; tokens: number; tokenRows: number; cost: number; costRows: number }
  >();
  for (const line of lines) {
    const cells = line.split(",");
    const agent = cells[at("alias")]!;
    const sum = sums.get(agent) ?? { rows: 0, tokens: 0, tokenRows: 0, cost: 0, costRows: 0 };
    sum.rows++;
    const tokens = cells[at("total_tokens")]!;
    const cost = cells[at("dollar_equivalent")]!;
    if (tokens !== "") {
      sum.tokens += Number(tokens);
      sum.tokenRows++;
    }
    if (cost !== "") {
      sum.cost += Number(cost);
      sum.costRows++;
    }
    sums.set(agent, sum);
  }
  return sums;
}

describe.skipIf(!existsSync(METR))("importing METR's runs with their usage", () => {
  it("stores total_tokens and dollar_equivalent per run; per-agent totals match the file's sums", async () => {
    const summary = await importCsvResults(store.db, METR, {
      map: METR_MAP,
      scoreKind: "normalized",
      registry,
    });
    expect(summary).toMatchObject({ status: "imported", runs: 1808 });
    const stored = store.sqlite
      .prepare(
        `select a.name as agent, count(*) as runs, count(u.run_id) as usage_runs, count(u.tokens) as token_rows,
                sum(u.tokens) as tokens, count(u.cost_usd) as cost_rows, sum(u.cost_usd) as cost
           from runs r join agents a on a.id = r.agent_id left join run_usage u on u.run_id = r.id
          group by a.name`,
      )
      .all() as {
      agent: string;
      runs: number;
      usage_runs: number;
      token_rows: number;
      tokens: number | null;
      cost_rows: number;
      cost: number | null;
    }[];
    const expected = sumsFromCsv(METR);
    expect(stored.map((row) => row.agent).sort()).toEqual([...expected.keys()].sort());
    for (const row of stored) {
      const sums = expected.get(row.agent)!;
      expect(row.runs, row.agent).toBe(sums.rows);
      expect(row.token_rows, row.agent).toBe(sums.tokenRows);
      expect(row.cost_rows, row.agent).toBe(sums.costRows);
      if (sums.tokenRows === 0) expect(row.tokens, row.agent).toBeNull();
      else expect(row.tokens, row.agent).toBeCloseTo(sums.tokens, 6);
      if (sums.costRows === 0) expect(row.cost, row.agent).toBeNull();
      else expect(row.cost, row.agent).toBeCloseTo(sums.cost, 6);
    }
    // The file gives usage for its human baselines only (93 runs), and no model.
    expect(stored.reduce((n, row) => n + row.usage_runs, 0)).toBe(93);
    expect(store.sqlite.prepare("select count(*) from run_usage where model is not null").pluck().get()).toBe(
      0,
    );
  });
});

describe("usage columns", () => {
  it("names a negative usage cell and leaves empty ones unknown", async () => {
    const file = path.join(store.dir, "usage.csv");
    writeFileSync(file, "agent,task,score,tokens,cost\na,t1,1,100,\na,t2,2,,0.5\na,t3,3,,\na,t4,4,-5,1\n");
    const map = "agent=agent,competition=task,score=score,tokens=tokens,cost_usd=cost";
    const error = await importCsvResults(store.db, file, { map, registry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).message).toBe(
      `${file}, row 4 (line 5), column "tokens": expected a number of tokens, 0 or more, got -5.`,
    );
    writeFileSync(file, "agent,task,score,tokens,cost\na,t1,1,100,\na,t2,2,,0.5\na,t3,3,,\n");
    await importCsvResults(store.db, file, { map, registry });
    expect(
      store.sqlite
        .prepare(
          "select r.competition_id as task, u.tokens, u.cost_usd as cost from runs r join run_usage u on u.run_id = r.id order by 1",
        )
        .all(),
    ).toEqual([
      { task: "t1", tokens: 100, cost: null },
      { task: "t2", tokens: null, cost: 0.5 },
    ]);
  });
});
