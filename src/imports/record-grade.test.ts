import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aggregateReports, type CompetitionReport } from "../grading/grade-report.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { openTempStore, type TempStore } from "../store/temp-store.js";
import { importMlebenchReport } from "./import-mlebench.js";
import { recordBatchReport, recordGradeReport } from "./record-grade.js";

const registry = new CompetitionRegistry();
let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.dispose());

const report: CompetitionReport = {
  competition_id: "spaceship-titanic",
  score: 0.8,
  gold_threshold: 0.82066,
  silver_threshold: 0.81388,
  bronze_threshold: 0.80967,
  median_threshold: 0.79565,
  any_medal: false,
  gold_medal: false,
  silver_medal: false,
  bronze_medal: false,
  above_median: true,
  submission_exists: true,
  valid_submission: true,
  is_lower_better: false,
  created_at: "2025-01-01T00:00:00.000Z",
  submission_path: "sub.csv",
  error: null,
  notes: [],
};

describe("recording bench grade's results", () => {
  it("records single gradings as successive runs of the agent with no run group", async () => {
    const first = await recordGradeReport(store.db, report, { agent: "manual", registry });
    const second = await recordGradeReport(
      store.db,
      { ...report, score: 0.9 },
      { agent: "manual", registry },
    );
    expect(first).not.toBe(second);
    expect(
      store.sqlite.prepare("select seed, run_group, import_id, status from runs order by seed").all(),
    ).toEqual([
      { seed: 0, run_group: null, import_id: null, status: "completed" },
      { seed: 1, run_group: null, import_id: null, status: "completed" },
    ]);
  });

  it("records a batch report as `bench import mlebench` would, so importing that file later changes nothing", async () => {
    const dir = path.join(store.dir, "runs", "group-a");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "2025-01-01T00-00-00-UTC_grading_report.json");
    writeFileSync(
      file,
      JSON.stringify(aggregateReports([report, { ...report, competition_id: "denoising-dirty-documents" }])),
    );
    const recorded = await recordBatchReport(store.db, file, { agent: "manual", registry });
    expect(recorded).toMatchObject({ status: "imported", runs: 2, runGroups: ["group-a"] });
    const imported = await importMlebenchReport(store.db, file, { agent: "manual", registry });
    expect(imported.status).toBe("unchanged");
    expect(store.sqlite.prepare("select count(*) from runs").pluck().get()).toBe(2);
  });

  it("records a graded batch once: the same batch file and submissions again are unchanged", async () => {
    const dir = path.join(store.dir, "runs", "group-b");
    mkdirSync(dir, { recursive: true });
    const submission = path.join(store.dir, "sub.csv");
    writeFileSync(submission, "id,target\n1,0.5\n");
    const bytes = Buffer.from(
      `${JSON.stringify({ competition_id: "spaceship-titanic", submission_path: submission })}\n`,
    );
    const batch = { file: path.join(store.dir, "batch.jsonl"), bytes, submissionPaths: [submission] };
    const grade = (name: string, created: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(aggregateReports([{ ...report, created_at: created }])));
      return recordBatchReport(store.db, file, { agent: "manual", registry, batch });
    };
    // Each grading writes a report of its own (the time of grading differs); the batch is the same.
    expect(await grade("2025-01-01T00-00-00-UTC_grading_report.json", "2025-01-01T00:00:00Z")).toMatchObject({
      status: "imported",
      runs: 1,
      importId: 1,
    });
    expect(await grade("2025-01-02T00-00-00-UTC_grading_report.json", "2025-01-02T00:00:00Z")).toMatchObject({
      status: "unchanged",
      runs: 0,
      importId: 1,
    });
    writeFileSync(submission, "id,target\n1,0.7\n");
    expect(await grade("2025-01-03T00-00-00-UTC_grading_report.json", "2025-01-03T00:00:00Z")).toMatchObject({
      status: "imported",
      runs: 1,
    });
    expect(store.sqlite.prepare("select seed from runs order by seed").pluck().all()).toEqual([0, 1]);
  });
});
