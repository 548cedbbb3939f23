// The leaderboard's query takes each group's runs in the order SQLite reads runs_report_idx instead of
// sorting them, when the query plan reads that index: checked here against the sorted query on runs
// stored in a scrambled order (run groups, seeds and ids interleaved, non-ASCII group names), for every
// filter a report applies, and both halves of the parallel read.

import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runsTable } from "../../store/schema.js";
import { openTempStore, type TempStore } from "../../store/temp-store.js";
import { createRandom } from "../stats/random.js";
import { readsInIndexOrder, selectSeedFlags, selectSeedFlagsInParallel } from "./mlebench-seed-flags.js";
import type { RunFilter } from "./run-filter.js";

let store: TempStore;

beforeAll(() => {
  store = openTempStore();
  const generator = createRandom(7); // the same scrambled store every time
  const next = () => generator.next();
  const { sqlite } = store;
  sqlite.exec(`
    insert into agents (id, name, content_hash, created_at_ms) values (1, 'a', 'h1', 0), (2, 'b', 'h2', 0), (3, 'c', 'h3', 0);
    insert into sweeps (id, name, status, created_at_ms) values ('s1', 's1', 'finished', 0), ('s2', 's2', 'finished', 0);
  `);
  const competitions = ["c-1", "c-2", "c-3", "c-4"];
  const insertCompetition = sqlite.prepare(
    "insert into competitions (id, kind, name, origin, created_at_ms) values (?, 'kaggle', ?, 'registry', 0)",
  );
  for (const id of competitions) insertCompetition.run(id, id);
  const groups = [null, "g-b", "g-a", "g-é", "G-z", "g-€"];
  const runs: { id: string; agent: number; competition: string; group: string | null; seed: number }[] = [];
  for (let i = 0; i < 1500; i++) {
    runs.push({
      id: `r-${Math.floor(next() * 1e9).toString(36)}-${i}`,
      agent: 1 + Math.floor(next() * 3),
      competition: competitions[Math.floor(next() * competitions.length)]!,
      group: groups[Math.floor(next() * groups.length)]!,
      seed: Math.floor(next() * 6),
    });
  }
  const insertRun = sqlite.prepare(
    `insert into runs (id, sweep_id, agent_id, competition_id, seed, run_group, status, queued_at_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGrade = sqlite.prepare(
    `insert into grades (run_id, competition_id, score, any_medal, gold_medal, silver_medal, bronze_medal,
       above_median, submission_exists, valid_submission, exceeds_humans_pct, graded_at_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)`,
  );
  sqlite.transaction(() => {
    runs.forEach((run, i) => {
      const status = next() < 0.1 ? "infra_error" : next() < 0.1 ? "agent_error" : "completed";
      insertRun.run(
        run.id,
        i % 2 ? "s1" : "s2",
        run.agent,
        run.competition,
        run.seed,
        run.group,
        status,
        i * 1000,
      );
      if (next() < 0.9) {
        const medal = Math.floor(next() * 4); // 0 none, 1 gold, 2 silver, 3 bronze
        insertGrade.run(
          run.id,
          run.competition,
          next(),
          medal > 0 ? 1 : 0,
          medal === 1 ? 1 : 0,
          medal === 2 ? 1 : 0,
          medal === 3 ? 1 : 0,
          next() < 0.5 ? 1 : 0,
          next() < 0.9 ? 1 : 0,
          next() < 0.8 ? Math.round(next() * 10000) / 100 : null,
        );
      }
    });
  })();
});
afterAll(() => store.dispose());

const FILTERS: [string, RunFilter, boolean][] = [
  ["no filter", {}, true],
  ["two agents", { agentIds: [3, 1] }, true],
  ["a split's competitions", { competitionIds: ["c-3", "c-1", "c-4"] }, true],
  ["agents and competitions", { agentIds: [2], competitionIds: ["c-2", "c-1"] }, true],
  ["since", { sinceMs: 700_000 }, true],
  ["a run group", { runGroup: "g-é" }, true],
  // A sweep is read through runs_sweep_id_status_idx and sorted: the sorted query is used.
  ["a sweep", { sweepId: "s1" }, false],
];

describe("seed order without a sort", () => {
  it.each(FILTERS)("gives the sorted query's strings: %s", (_name, filter, fast) => {
    const sorted = selectSeedFlags(store.db, filter, "sql");
    expect(sorted.length).toBeGreaterThan(0);
    expect(sorted.some((row) => row.flags.length > 3)).toBe(true);
    const byKey = (rows: typeof sorted) =>
      new Map(rows.map((row) => [`${row.agentId}/${row.competitionId}`, row]));
    if (fast) expect(selectSeedFlags(store.db, filter, "index").length).toBe(sorted.length);
    const chosen = selectSeedFlags(store.db, filter);
    expect(byKey(chosen)).toEqual(byKey(sorted));
  });

  it("is chosen for the plans that read runs_report_idx, and only for them", () => {
    for (const [name, filter, fast] of FILTERS) {
      const indexOrder = selectSeedFlags(store.db, filter, "index");
      const sorted = selectSeedFlags(store.db, filter, "sql");
      if (fast) expect(indexOrder, name).toEqual(sorted);
    }
    // The check itself: a grouping that reads the index in order passes, one that sorts does not.
    const r = runsTable;
    const grouped = store.db
      .select({ agentId: r.agentId, competitionId: r.competitionId, runs: count() })
      .from(r)
      .groupBy(r.agentId, r.competitionId);
    expect(readsInIndexOrder(store.db, grouped)).toBe(true);
    expect(readsInIndexOrder(store.db, store.db.select({ id: r.id }).from(r).orderBy(r.queuedAtMs))).toBe(
      false,
    );
    expect(
      readsInIndexOrder(store.db, store.db.select({ n: count() }).from(r).groupBy(r.sweepId, r.status)),
    ).toBe(false);
  });

  it("gives the same rows read in two halves on two threads", async () => {
    const file = store.path;
    store.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    for (const [name, filter] of FILTERS) {
      const sorted = selectSeedFlags(store.db, filter, "sql");
      const agentIds = filter.agentIds ?? [1, 2, 3];
      const parallel = await selectSeedFlagsInParallel(store.db, filter, { file, agentIds });
      const key = (row: (typeof sorted)[number]) => `${row.agentId}/${row.competitionId}`;
      const order = (rows: typeof sorted) => [...rows].sort((x, y) => (key(x) < key(y) ? -1 : 1));
      expect(order(parallel), name).toEqual(order(sorted));
    }
  });
});
