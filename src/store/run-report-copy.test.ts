// The runs' copy of their grade and usage (runs.grade_*, runs.usage_*: migration 0006), which every
// report reads instead of joining grades and run_usage: kept by SQLite triggers on every write, filled
// for the grades and usage an older store already holds, and brought to a store opened only to read.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompetitionReport } from "../grading/grade-report.js";
import { encodeRunFlags, FLAG_CHAR_OFFSET, RUN_FLAG_BITS } from "../reports/mlebench/run-flags.js";
import { openReportStore } from "../reports/open-report-store.js";
import { selectSeedFlags } from "../reports/queries/mlebench-seed-flags.js";
import { createRandom } from "../reports/stats/random.js";
import { findOrCreateAgent } from "./agents-repo.js";
import { ensureExternalCompetition } from "./competitions-repo.js";
import { gradeFieldsFromReport, insertGrades, writeGrade, writeGradeReport } from "./grades-repo.js";
import { openStore } from "./open-store.js";
import { runReportCopy } from "./run-report-copy.js";
import { insertRun, insertRuns } from "./runs-repo.js";
import { openTempStore, type TempStore } from "./temp-store.js";
import { olderStore } from "./test-support/older-store.js";
import { insertRunUsage, replaceRunUsage } from "./usage-repo.js";

const FLAG_NAMES = Object.keys(RUN_FLAG_BITS) as (keyof typeof RUN_FLAG_BITS)[];

function report(bits: number, extra: Partial<CompetitionReport> = {}): CompetitionReport {
  const has = (name: keyof typeof RUN_FLAG_BITS) => (bits & RUN_FLAG_BITS[name]) !== 0;
  return {
    competition_id: "c",
    score: bits / 10,
    gold_threshold: 1,
    silver_threshold: 0.9,
    bronze_threshold: 0.8,
    median_threshold: 0.5,
    any_medal: has("gold_medal") || has("silver_medal") || has("bronze_medal"),
    gold_medal: has("gold_medal"),
    silver_medal: has("silver_medal"),
    bronze_medal: has("bronze_medal"),
    above_median: has("above_median"),
    submission_exists: has("submission_exists"),
    valid_submission: has("valid_submission"),
    is_lower_better: bits % 2 === 0,
    created_at: "2026-11-30T00:00:00.000Z",
    submission_path: "",
    error: null,
    notes: [],
    ...extra,
  };
}

interface CopyRow {
  grade_flags: number | null;
  grade_score: number | null;
  grade_last_score: number | null;
  grade_normalized_score: number | null;
  grade_exceeds_humans_pct: number | null;
  grade_baseline_score: number | null;
  grade_is_lower_better: number | null;
  usage_rows: number;
  usage_tokens: number | null;
  usage_cost_usd: number | null;
  usage_unknown_cost: number | null;
}

function copyOf(sqlite: TempStore["sqlite"], runId: string): CopyRow {
  return sqlite.prepare("select * from runs where id = ?").get(runId) as CopyRow;
}

let store: TempStore;
let agentId: number;
beforeEach(() => {
  store = openTempStore();
  agentId = findOrCreateAgent(store.db, { name: "a", contentHash: "h" }).id;
  ensureExternalCompetition(store.db, { id: "c" });
});
afterEach(() => store.dispose());

function run(id: string): void {
  insertRun(store.db, { id, agentId, competitionId: "c", seed: 0, status: "completed", queuedAtMs: 0 });
}

describe("the runs' copy of their grade", () => {
  it("packs the six flags as run-flags.ts does, for every combination", () => {
    for (let bits = 0; bits < 64; bits++) {
      run(`r${bits}`);
      writeGradeReport(store.db, `r${bits}`, report(bits));
    }
    for (let bits = 0; bits < 64; bits++) {
      const flags = Object.fromEntries(FLAG_NAMES.map((name) => [name, (bits & RUN_FLAG_BITS[name]) !== 0]));
      const expected = encodeRunFlags(flags).charCodeAt(0) - FLAG_CHAR_OFFSET;
      const copy = copyOf(store.sqlite, `r${bits}`);
      expect(copy.grade_flags, `bits ${bits}`).toBe(expected);
      expect(copy.grade_score).toBe(bits / 10);
      expect(copy.grade_is_lower_better).toBe(bits % 2 === 0 ? 1 : 0);
    }
  });

  it("follows a regrade and a deleted grade, and a run without a grade has none", () => {
    run("r1");
    run("r2");
    expect(copyOf(store.sqlite, "r1").grade_flags).toBeNull();
    writeGradeReport(store.db, "r1", report(0b101011));
    writeGradeReport(store.db, "r2", report(3));
    store.sqlite
      .prepare(
        "update grades set normalized_score = 0.25, last_score = 0.5, baseline_score = 0.1, exceeds_humans_pct = 42.5 where run_id = 'r1'",
      )
      .run();
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      grade_flags: 0b101011,
      grade_score: 4.3,
      grade_normalized_score: 0.25,
      grade_last_score: 0.5,
      grade_baseline_score: 0.1,
      grade_exceeds_humans_pct: 42.5,
    });
    writeGradeReport(store.db, "r1", report(1, { score: null, valid_submission: false }));
    expect(copyOf(store.sqlite, "r1")).toMatchObject({ grade_flags: 1, grade_score: null });
    store.sqlite.prepare("delete from grades where run_id = 'r1'").run();
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      grade_flags: null,
      grade_score: null,
      grade_normalized_score: null,
      grade_exceeds_humans_pct: null,
    });
    expect(copyOf(store.sqlite, "r2").grade_flags).toBe(3);
  });
});

describe("the runs' copy of their usage", () => {
  it("sums the run's usage rows, and knows when part of its cost is unknown", () => {
    run("r1");
    expect(copyOf(store.sqlite, "r1")).toMatchObject({ usage_rows: 0, usage_tokens: null });
    replaceRunUsage(store.db, "r1", [
      { model: "m1", inputTokens: 100, outputTokens: 20, costUsd: 0.5 },
      { model: "m2", tokens: 30, costUsd: 0.25 },
    ]);
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      usage_rows: 2,
      usage_tokens: 150,
      usage_cost_usd: 0.75,
      usage_unknown_cost: 0,
    });
    replaceRunUsage(store.db, "r1", [
      { model: "m1", tokens: 10, costUsd: 0.5 },
      { model: "m3", tokens: 5, costUsd: null },
    ]);
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      usage_rows: 2,
      usage_tokens: 15,
      usage_cost_usd: 0.5,
      usage_unknown_cost: 1,
    });
    store.sqlite.prepare("update run_usage set cost_usd = 1, tokens = 7 where model = 'm3'").run();
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      usage_tokens: 17,
      usage_cost_usd: 1.5,
      usage_unknown_cost: 0,
    });
    replaceRunUsage(store.db, "r1", []);
    expect(copyOf(store.sqlite, "r1")).toMatchObject({
      usage_rows: 0,
      usage_tokens: null,
      usage_cost_usd: null,
      usage_unknown_cost: null,
    });
  });
});

/** A store as bench left it before migration 0006, with two graded runs (one with usage) and one not. */
function storeBeforeTheCopy(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-older-")), "bench.db");
  const sqlite = olderStore(file, "0005_validations");
  sqlite.exec(`
    insert into agents (id, name, content_hash, created_at_ms) values (1, 'a', 'h', 0);
    insert into competitions (id, kind, name, origin, created_at_ms) values ('c', 'external', 'c', 'import', 0);
    insert into runs (id, agent_id, competition_id, seed, status, queued_at_ms) values
      ('r1', 1, 'c', 0, 'completed', 0), ('r2', 1, 'c', 1, 'completed', 0), ('r3', 1, 'c', 2, 'agent_error', 0);
    insert into grades (run_id, competition_id, score, any_medal, gold_medal, silver_medal, bronze_medal,
      above_median, submission_exists, valid_submission, exceeds_humans_pct, graded_at_ms) values
      ('r1', 'c', 0.9, 1, 0, 1, 0, 1, 1, 1, 75.5, 0),
      ('r2', 'c', 0.1, 0, 0, 0, 0, 0, 1, 1, null, 0);
    insert into run_usage (run_id, model, tokens, cost_usd, updated_at_ms) values
      ('r1', 'm1', 100, 0.5, 0), ('r1', 'm2', 50, null, 0);
  `);
  sqlite.close();
  return file;
}

describe("a store written before the copy existed", () => {
  it("is filled in when a writing command opens it, and keeps its old index no more", () => {
    const file = storeBeforeTheCopy();
    const opened = openStore({ path: file });
    try {
      const rows = opened.sqlite
        .prepare(
          "select id, grade_flags, grade_score, grade_exceeds_humans_pct, usage_rows, usage_tokens, usage_cost_usd, usage_unknown_cost from runs order by id",
        )
        .all();
      expect(rows).toEqual([
        {
          id: "r1",
          grade_flags: 1 + 2 + 4 + 16,
          grade_score: 0.9,
          grade_exceeds_humans_pct: 75.5,
          usage_rows: 2,
          usage_tokens: 150,
          usage_cost_usd: 0.5,
          usage_unknown_cost: 1,
        },
        {
          id: "r2",
          grade_flags: 1 + 2,
          grade_score: 0.1,
          grade_exceeds_humans_pct: null,
          usage_rows: 0,
          usage_tokens: null,
          usage_cost_usd: null,
          usage_unknown_cost: null,
        },
        {
          id: "r3",
          grade_flags: null,
          grade_score: null,
          grade_exceeds_humans_pct: null,
          usage_rows: 0,
          usage_tokens: null,
          usage_cost_usd: null,
          usage_unknown_cost: null,
        },
      ]);
      const indexes = opened.sqlite
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'runs'")
        .pluck()
        .all();
      expect(indexes).toContain("runs_report_idx");
      expect(indexes).not.toContain("runs_agent_competition_idx");
    } finally {
      opened.close();
    }
  });

  it("is brought up to date by a reading command, which says so once, then reads it", () => {
    const file = storeBeforeTheCopy();
    const first = openReportStore(file);
    try {
      expect(first.notices.join("\n")).toMatch(
        /was written by an older bench: brought it up to date \(0006_run_report_copy\) in [\d.]+ s; this happens once/,
      );
      const rows = selectSeedFlags(first.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.flags).toBe(
        encodeRunFlags({
          submission_exists: true,
          valid_submission: true,
          above_median: true,
          silver_medal: true,
        }) + encodeRunFlags({ submission_exists: true, valid_submission: true }),
      );
    } finally {
      first.close();
    }
    const second = openReportStore(file);
    try {
      expect(second.notices.join("\n")).not.toMatch(/older bench/);
    } finally {
      second.close();
    }
  });
});

describe("the copy an import writes with its runs", () => {
  const changes = () => store.sqlite.prepare("select total_changes()").pluck().get() as number;

  it("is what the triggers compute, for grades and usage of every shape", () => {
    const next = createRandom(3);
    const pick = <T>(values: readonly T[]) => values[next.nextInt(values.length)]!;
    for (let i = 0; i < 300; i++) {
      const fields = gradeFieldsFromReport(
        report(next.nextInt(64), {
          score: pick([null, 0.25, -3, 1e9]),
          is_lower_better: pick([true, false]),
        }),
      );
      const grade = {
        ...fields,
        normalizedScore: pick([null, 0.5, -1.25]),
        lastScore: pick([null, 2]),
        baselineScore: pick([null, 0.125]),
        exceedsHumansPct: pick([null, 0, 42.25, 100]),
        isLowerBetter: pick([null, true, false]),
      };
      const usage = [
        [],
        [{ model: null, tokens: 100, costUsd: 0.5 }],
        [{ model: "m", inputTokens: 10, outputTokens: 5, costUsd: null }],
        [
          { model: "a", tokens: 0, costUsd: null },
          { model: "b", tokens: 7, costUsd: 0.25, unpricedCalls: 2 },
        ],
      ][i % 4]!;
      // Without the copy: the triggers compute it.
      run(`t${i}`);
      writeGrade(store.db, `t${i}`, grade);
      if (usage.length > 0) replaceRunUsage(store.db, `t${i}`, usage);
      const computed = copyOf(store.sqlite, `t${i}`);
      const copy = runReportCopy(grade, usage);
      expect({
        ...copy,
        gradeIsLowerBetter: copy.gradeIsLowerBetter === null ? null : Number(copy.gradeIsLowerBetter),
      }).toEqual({
        gradeFlags: computed.grade_flags,
        gradeExceedsHumansPct: computed.grade_exceeds_humans_pct,
        gradeNormalizedScore: computed.grade_normalized_score,
        gradeScore: computed.grade_score,
        gradeLastScore: computed.grade_last_score,
        gradeBaselineScore: computed.grade_baseline_score,
        gradeIsLowerBetter: computed.grade_is_lower_better,
        usageRows: computed.usage_rows,
        usageTokens: computed.usage_tokens,
        usageCostUsd: computed.usage_cost_usd,
        usageUnknownCost: computed.usage_unknown_cost,
      });
      // With the copy given: inserting the grade and the usage changes only their own rows (total_changes
      // counts the triggers' updates too).
      insertRuns(store.db, [
        { id: `u${i}`, agentId, competitionId: "c", seed: 0, status: "completed", queuedAtMs: 0, ...copy },
      ]);
      const before = changes();
      insertGrades(store.db, [{ ...grade, runId: `u${i}` }]);
      insertRunUsage(
        store.db,
        usage.map((u) => ({ ...u, runId: `u${i}` })),
      );
      // (An import writes at most one usage row per run, its totals; with several, each but the last
      // leaves the copy short of the rows still to come, and the trigger updates it, rightly.)
      if (usage.length <= 1) expect(changes() - before).toBe(1 + usage.length);
      expect(copyOf(store.sqlite, `u${i}`)).toEqual({ ...computed, id: `u${i}` });
    }
  });

  it("is put right by the triggers when it is wrong", () => {
    const grade = gradeFieldsFromReport(report(0b111111));
    insertRuns(store.db, [
      {
        id: "w",
        agentId,
        competitionId: "c",
        seed: 0,
        status: "completed",
        queuedAtMs: 0,
        ...runReportCopy(grade),
        gradeFlags: 0,
        usageRows: 5,
      },
    ]);
    insertGrades(store.db, [{ ...grade, runId: "w" }]);
    insertRunUsage(store.db, [{ runId: "w", model: null, tokens: 3, costUsd: 1 }]);
    expect(copyOf(store.sqlite, "w")).toMatchObject({ grade_flags: 63, usage_rows: 1, usage_tokens: 3 });
  });
});
