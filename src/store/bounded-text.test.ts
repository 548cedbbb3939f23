import { describe, expect, it } from "vitest";
import { boundedNotes, boundedText, MAX_NOTES } from "./bounded-text.js";
import { gradeFieldsFromReport } from "./grades-repo.js";
import { runsTable } from "./schema.js";
import { appendScoreLog, readScoreLog } from "./score-log-repo.js";
import { openTempStore } from "./temp-store.js";

describe("boundedText", () => {
  it("keeps short text and cuts long text, saying how much was cut", () => {
    expect(boundedText("abc", 3)).toBe("abc");
    expect(boundedText("abcdef", 3)).toBe("abc… (3 more characters not kept)");
  });

  it("never splits a surrogate pair", () => {
    const cut = boundedText("a😀b", 2);
    expect(cut.startsWith("a…")).toBe(true);
  });
});

describe("what a run can store is bounded", () => {
  it("a grade keeps at most a short error and a bounded list of notes", () => {
    const fields = gradeFieldsFromReport({
      competition_id: "x",
      score: null,
      error: `id ${"9".repeat(50_000_000)} is not in the answers`,
      notes: Array.from({ length: 500 }, () => "n".repeat(10_000)),
      created_at: "2026-11-30T00:00:00",
    } as never);
    expect(fields.error!.length).toBeLessThan(2_100);
    expect(fields.notes).toHaveLength(MAX_NOTES + 1);
    expect(fields.notes!.every((note) => note.length < 1_100)).toBe(true);
  });

  it("a score-log entry keeps a short message and small details", () => {
    const store = openTempStore();
    try {
      store.sqlite.exec(
        "insert into competitions (id, kind, name, splits, origin, created_at_ms) values ('c', 'external', 'c', '[]', 'import', 0);" +
          "insert into agents (name, content_hash, created_at_ms) values ('a', 'h', 0);",
      );
      store.db
        .insert(runsTable)
        .values({ id: "r", agentId: 1, competitionId: "c", seed: 1, status: "running", queuedAtMs: 0 })
        .run();
      appendScoreLog(store.db, "r", [
        {
          atMs: 1,
          elapsedMs: 1,
          rawScore: null,
          message: "x".repeat(20_000_000),
          details: { echo: "y".repeat(100_000) },
        },
      ]);
      const [entry] = readScoreLog(store.db, "r");
      expect(entry!.message!.length).toBeLessThan(600);
      expect(JSON.stringify(entry!.details).length).toBeLessThan(200);
      expect(boundedNotes([])).toBeNull();
    } finally {
      store.dispose();
    }
  });
});
