import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateAgent } from "./agents-repo.js";
import { ensureExternalCompetition } from "./competitions-repo.js";
import { insertRows } from "./insert-rows.js";
import { competitionsTable, gradesTable, runsTable } from "./schema.js";
import { openTempStore, type TempStore } from "./temp-store.js";

let store: TempStore;
let agentId: number;
beforeEach(() => {
  store = openTempStore();
  agentId = findOrCreateAgent(store.db, { name: "a", contentHash: "h" }).id;
  ensureExternalCompetition(store.db, { id: "c" });
});
afterEach(() => store.dispose());

const grade = (runId: string, extra: Partial<typeof gradesTable.$inferInsert> = {}) => ({
  runId,
  competitionId: "c",
  anyMedal: false,
  goldMedal: false,
  silverMedal: false,
  bronzeMedal: false,
  aboveMedian: false,
  submissionExists: true,
  validSubmission: true,
  gradedAtMs: 5,
  ...extra,
});

describe("insertRows", () => {
  it("stores what drizzle's own insert stores: NULLs, booleans, JSON, defaults, rows of different fields", () => {
    const runs = (prefix: string): (typeof runsTable.$inferInsert)[] => [
      { id: `${prefix}1`, agentId, competitionId: "c", seed: 0, status: "completed", queuedAtMs: 1 },
      {
        id: `${prefix}2`,
        agentId,
        competitionId: "c",
        seed: 1,
        status: "agent_error",
        queuedAtMs: 2,
        attempt: 3,
        notes: ["one", 'two "quoted"'],
        gpus: [],
        runGroup: null,
        error: "boom",
      },
    ];
    const grades = (prefix: string) => [
      grade(`${prefix}1`, { isLowerBetter: null, notes: null, score: null }),
      grade(`${prefix}2`, {
        isLowerBetter: true,
        notes: ["a note"],
        score: 0.5,
        goldMedal: true,
        anyMedal: true,
      }),
    ];
    for (const run of runs("d")) store.db.insert(runsTable).values(run).run();
    for (const g of grades("d")) store.db.insert(gradesTable).values(g).run();
    insertRows(store.db, runsTable, runs("f"));
    insertRows(store.db, gradesTable, grades("f"));

    const raw = (table: string, id: string) => {
      const column = table === "runs" ? "id" : "run_id";
      const row = store.sqlite.prepare(`select * from ${table} where ${column} = ?`).get(id) as Record<
        string,
        unknown
      >;
      delete row[column];
      return row;
    };
    for (const n of ["1", "2"]) {
      expect(raw("runs", `f${n}`)).toEqual(raw("runs", `d${n}`));
      expect(raw("grades", `f${n}`)).toEqual(raw("grades", `d${n}`));
    }
    // The details that went wrong once: NULL stays NULL in boolean and JSON columns, defaults apply.
    expect(raw("grades", "f1")).toMatchObject({ is_lower_better: null, notes: null, score: null });
    expect(raw("runs", "f1")).toMatchObject({ attempt: 1, notes: null, usage_rows: 0 });
    expect(raw("runs", "f2")).toMatchObject({ attempt: 3, notes: '["one","two \\"quoted\\""]', gpus: "[]" });
  });

  it("does nothing for no rows, and refuses a column whose default is SQL when some rows lack it", () => {
    insertRows(store.db, runsTable, []);
    expect(store.sqlite.prepare("select count(*) from runs").pluck().get()).toBe(0);
    const row = { kind: "external" as const, name: "x", origin: "import" as const, createdAtMs: 0 };
    expect(() =>
      insertRows(store.db, competitionsTable, [
        { id: "x1", ...row, splits: ["dev"] },
        { id: "x2", ...row },
      ]),
    ).toThrow(/column splits has an SQL default/);
  });
});
