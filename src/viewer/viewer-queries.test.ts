// The viewer's lookups stay cheap on a million runs because each one reads an index, not the runs
// table: checked on the query plans SQLite makes for the very statements the functions run.

import { afterEach, describe, expect, it } from "vitest";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import {
  competitionRunScores,
  competitionThresholds,
  countCompetitionRuns,
  gradedRunsByCompetition,
  selectSweepsPage,
  sweepCompetitionIds,
  sweepStatusCounts,
} from "./viewer-queries.js";

let store: TempStore;
afterEach(() => store?.dispose());

/** The query plans of the statements `read` runs (each explained with its own parameters). */
function plansOf(read: () => void): string[] {
  const sqlite = store.sqlite;
  const statements: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    statements.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    read();
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
  return statements.map((source) => {
    const params = (source.match(/\?/g) ?? []).map(() => "x");
    const plan = prepare(`explain query plan ${source}`).all(...params) as { detail: string }[];
    return plan.map((row) => row.detail).join("; ");
  });
}

describe("the viewer's lookups", () => {
  it("count a sweep's runs by outcome from an index alone", () => {
    store = openTempStore();
    const [plan] = plansOf(() => sweepStatusCounts(store.db, "nightly"));
    expect(plan).toMatch(/USING COVERING INDEX runs_sweep_id_status_idx/);
  });

  it("count the listed sweeps' runs by outcome from an index alone", () => {
    store = openTempStore();
    store.sqlite
      .prepare("insert into sweeps (id, name, status, created_at_ms) values ('s', 's', 'finished', 0)")
      .run();
    const plans = plansOf(() => selectSweepsPage(store.db, { limit: 10, offset: 0 }));
    expect(plans.find((p) => p.includes("runs"))).toMatch(/USING COVERING INDEX runs_sweep_id_status_idx/);
  });

  it("count a competition's runs from an index", () => {
    store = openTempStore();
    const [plan] = plansOf(() => countCompetitionRuns(store.db, "spaceship-titanic"));
    expect(plan).toMatch(/USING COVERING INDEX runs_competition_id_idx/);
  });

  it("read one sweep's runs (a scoped export) through indexes, never scanning runs or grades", () => {
    store = openTempStore();
    const plans = plansOf(() => {
      countCompetitionRuns(store.db, "spaceship-titanic", "nightly");
      sweepCompetitionIds(store.db, "nightly");
      gradedRunsByCompetition(store.db, "nightly");
      competitionThresholds(store.db, "spaceship-titanic", "nightly");
      competitionRunScores(store.db, "spaceship-titanic", 10, "nightly");
    });
    expect(plans).toHaveLength(6);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (runs|grades)\b(?! USING)/);
  });
});
