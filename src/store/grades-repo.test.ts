import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompetitionReport } from "../grading/grade-report.js";
import { findOrCreateAgent } from "./agents-repo.js";
import { ensureExternalCompetition } from "./competitions-repo.js";
import { getGrade, gradeToReport, writeGradeReport } from "./grades-repo.js";
import { insertRun } from "./runs-repo.js";
import { openTempStore, type TempStore } from "./temp-store.js";

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  const agentId = findOrCreateAgent(store.db, { name: "a", contentHash: "h" }).id;
  ensureExternalCompetition(store.db, { id: "spaceship-titanic" });
  insertRun(store.db, {
    id: "r1",
    agentId,
    competitionId: "spaceship-titanic",
    seed: 0,
    status: "completed",
    queuedAtMs: 0,
  });
});
afterEach(() => store.dispose());

const report: CompetitionReport = {
  competition_id: "spaceship-titanic",
  score: 0.81,
  gold_threshold: 0.82066,
  silver_threshold: 0.81388,
  bronze_threshold: 0.80967,
  median_threshold: 0.79565,
  any_medal: true,
  gold_medal: false,
  silver_medal: false,
  bronze_medal: true,
  above_median: true,
  submission_exists: true,
  valid_submission: true,
  is_lower_better: false,
  created_at: "2024-10-01T12:00:00.000Z",
  submission_path: "runs/g1/spaceship-titanic/submission.csv",
  error: null,
  notes: [],
};

describe("grades repository", () => {
  it("stores a report and reads it back in the reference's shape", () => {
    writeGradeReport(store.db, "r1", report);
    expect(gradeToReport(getGrade(store.db, "r1")!)).toEqual(report);
  });

  it("replaces an older grade of the same run", () => {
    writeGradeReport(store.db, "r1", report);
    writeGradeReport(
      store.db,
      "r1",
      {
        ...report,
        score: Number.NaN,
        valid_submission: false,
        any_medal: false,
        bronze_medal: false,
        above_median: false,
        error: "bad ids",
      },
      { graderId: "accuracy", graderVersion: 2 },
    );
    const grade = getGrade(store.db, "r1")!;
    expect(grade).toMatchObject({ score: null, validSubmission: false, error: "bad ids", graderVersion: 2 });
    expect(store.sqlite.prepare("select count(*) from grades").pluck().get()).toBe(1);
  });

  it("uses the clock when the report's created_at is not a date", () => {
    writeGradeReport(store.db, "r1", { ...report, created_at: "" }, {}, () => 4242);
    expect(getGrade(store.db, "r1")?.gradedAtMs).toBe(4242);
  });
});

describe("a valid submission whose metric gave no finite number", () => {
  it("stores an infinite score as NULL and keeps the submission valid", () => {
    writeGradeReport(store.db, "r1", {
      ...report,
      score: Number.POSITIVE_INFINITY,
      any_medal: false,
      bronze_medal: false,
      above_median: false,
    });
    expect(getGrade(store.db, "r1")).toMatchObject({
      score: null,
      validSubmission: true,
      anyMedal: false,
    });
    expect(store.sqlite.prepare("select score from grades where run_id = 'r1'").pluck().get()).toBeNull();
  });
});
