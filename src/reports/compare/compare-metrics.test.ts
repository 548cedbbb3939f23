// `bench compare` reads each run's value computed by SQLite (metricValueSql); `bench report trend`
// computes it in JavaScript (runValue). Both must give the same number for every run and metric.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempStore, type TempStore } from "../../store/temp-store.js";
import { RUN_FLAG_BITS } from "../mlebench/run-flags.js";
import { selectRunOutcomes, selectRunValues } from "../queries/run-outcomes.js";
import { COMPARE_METRICS, metricCompetitionKind, metricValueSql, runValue } from "./compare-metrics.js";

let store: TempStore;
beforeAll(() => {
  store = openTempStore();
  const { sqlite } = store;
  sqlite.exec(`
    insert into agents (id, name, content_hash, created_at_ms) values (1, 'a', 'h1', 0);
    insert into competitions (id, kind, name, origin, created_at_ms) values
      ('k', 'kaggle', 'k', 'registry', 0), ('r', 'rebench', 'r', 'registry', 0);
  `);
  const insertRun = sqlite.prepare(
    "insert into runs (id, agent_id, competition_id, seed, status, queued_at_ms) values (?, 1, ?, ?, 'completed', 0)",
  );
  const insertGrade = sqlite.prepare(
    `insert into grades (run_id, competition_id, normalized_score, any_medal, gold_medal, silver_medal,
       bronze_medal, above_median, submission_exists, valid_submission, graded_at_ms)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const bit = (bits: number, name: keyof typeof RUN_FLAG_BITS) =>
    (bits & RUN_FLAG_BITS[name]) !== 0 ? 1 : 0;
  for (let bits = 0; bits < 64; bits++) {
    insertRun.run(`k${bits}`, "k", bits);
    const medal = bit(bits, "gold_medal") | bit(bits, "silver_medal") | bit(bits, "bronze_medal");
    insertGrade.run(
      `k${bits}`,
      "k",
      null,
      medal,
      bit(bits, "gold_medal"),
      bit(bits, "silver_medal"),
      bit(bits, "bronze_medal"),
      bit(bits, "above_median"),
      bit(bits, "submission_exists"),
      bit(bits, "valid_submission"),
    );
  }
  [0.25, null, -0.5, 1.75, 0].forEach((score, seed) => {
    insertRun.run(`r${seed}`, "r", seed);
    insertGrade.run(`r${seed}`, "r", score, 0, 0, 0, 0, 0, 1, score === null ? 0 : 1);
  });
});
afterAll(() => store.dispose());

describe("a run's compared value", () => {
  it.each(COMPARE_METRICS)("is the same from SQLite and from JavaScript: %s", (metric) => {
    const expected = selectRunOutcomes(store.db)
      .map((row) => ({ row, value: runValue(row, metric) }))
      .filter(({ value }) => value !== undefined)
      .map(({ row, value }) => ({
        agentName: row.agentName,
        competitionId: row.competitionId,
        seed: row.seed,
        value,
      }));
    const kind = metricCompetitionKind(metric);
    expect(expected).toHaveLength(kind === "kaggle" ? 64 : 5);
    expect(new Set(expected.map((row) => row.value)).size).toBeGreaterThan(1);
    expect(selectRunValues(store.db, {}, kind, metricValueSql(metric))).toEqual(expected);
  });
});
