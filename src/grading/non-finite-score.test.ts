// A metric that returns NaN or ±Infinity for a well-formed submission (a constant prediction under
// Pearson, an exact one under a log-MAE): through the grading pipeline, the store and the leaderboard,
// the submission is valid, has no score, and wins nothing. No Lite grader can produce such a score on
// its real answers, so small graders built on real metrics stand in for one.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { renderReport } from "../reports/format/render-report.js";
import { leaderboardFromStore } from "../reports/mlebench/leaderboard-from-store.js";
import { ReportStore } from "../reports/test-support/report-store.js";
import { getGrade, writeGradeReport } from "../store/grades-repo.js";
import { numberAt } from "./blocks/cell-number.js";
import { type Frame, parseCsv } from "./csv/frame.js";
import type { CompetitionReport } from "./grade-report.js";
import { gradeSubmission } from "./grade-submission.js";
import type { Grader } from "./grader.js";
import { medalThresholds } from "./medals.js";
import { pearson } from "./metrics/correlation.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
let store: ReportStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

const answers = parseCsv("id,y\n1,1\n2,2\n3,4\n4,8\n", "answers.csv");

function targets(frame: Frame): number[] {
  const column = frame.column("y")!;
  return Array.from({ length: frame.rowCount }, (_, row) => numberAt(column, row)!);
}

function meanAbsoluteError(submission: Frame, truth: Frame): number {
  const predicted = targets(submission);
  const actual = targets(truth);
  return predicted.reduce((sum, p, i) => sum + Math.abs(p - actual[i]!), 0) / predicted.length;
}

const pearsonGrader: Grader = {
  id: "test-pearson",
  version: 1,
  grade: (submission, truth) => ({ score: pearson(targets(submission), targets(truth)), notes: [] }),
};
/** log(MAE), lower is better: an exact prediction scores -Infinity. */
const logMaeGrader: Grader = {
  id: "test-log-mae",
  version: 1,
  grade: (submission, truth) => ({ score: Math.log(meanAbsoluteError(submission, truth)), notes: [] }),
};
/** -log(MAE), higher is better: an exact prediction scores +Infinity. */
const negLogMaeGrader: Grader = {
  id: "test-neg-log-mae",
  version: 1,
  grade: (submission, truth) => ({ score: -Math.log(meanAbsoluteError(submission, truth)), notes: [] }),
};

const higherBetter = medalThresholds([0.99, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
const lowerBetter = medalThresholds([-9, -8, -7, -6, -5, -4, -3, -2, -1, 0]);

function grade(grader: Grader, csv: string, lowerIsBetter = false): CompetitionReport {
  const dir = mkdtempSync(join(tmpdir(), "bench-non-finite-"));
  made.push(dir);
  const path = join(dir, "submission.csv");
  writeFileSync(path, csv);
  return gradeSubmission({
    competitionId: "alpha",
    submissionPath: path,
    grader,
    answers: () => answers,
    thresholds: lowerIsBetter ? lowerBetter : higherBetter,
    metricLowerIsBetter: lowerIsBetter,
  });
}

const constant = "id,y\n1,3\n2,3\n3,3\n4,3\n";
const exact = "id,y\n1,1\n2,2\n3,4\n4,8\n";
const noMedal = {
  gold_medal: false,
  silver_medal: false,
  bronze_medal: false,
  any_medal: false,
  above_median: false,
};

describe("a metric that returns no finite number for a well-formed submission", () => {
  it("a constant prediction under Pearson: valid, score null, no medal, the reason in notes", () => {
    const report = grade(pearsonGrader, constant);
    const json = JSON.parse(JSON.stringify(report));
    expect(json).toMatchObject({
      score: null,
      valid_submission: true,
      submission_exists: true,
      error: null,
      ...noMedal,
    });
    expect(json.notes).toContainEqual(
      expect.stringMatching(
        /^The metric returned NaN for a well-formed submission \(a constant prediction has no correlation.*\); the score is reported as null and no medal is awarded\.$/,
      ),
    );
  });

  it("an exact prediction under log-MAE (-Infinity, lower is better) wins no medal", () => {
    const report = grade(logMaeGrader, exact, true);
    expect(report).toMatchObject({ score: null, valid_submission: true, ...noMedal });
    expect(report.notes.join(" ")).toMatch(/returned -Infinity for a well-formed submission/);
  });

  it("+Infinity (higher is better) wins no medal either", () => {
    const report = grade(negLogMaeGrader, exact);
    expect(report).toMatchObject({ score: null, valid_submission: true, ...noMedal });
    expect(report.notes.join(" ")).toMatch(/returned \+Infinity.*MLE-bench would compare/);
  });

  it("is stored with score NULL and valid 1, and the leaderboard counts it valid without a medal", async () => {
    store = new ReportStore();
    store.competition("alpha", { splits: ["low", "split75"] });
    const agent = store.agent("aide");
    const runs = [
      grade(pearsonGrader, constant),
      grade(negLogMaeGrader, exact),
      grade(logMaeGrader, exact, true),
    ].map((report, seed) => {
      const runId = store!.run({
        agentId: agent,
        competitionId: "alpha",
        seed,
        runGroup: `g${seed}`,
        graded: false,
      });
      writeGradeReport(store!.db, runId, report);
      return runId;
    });
    for (const runId of runs) {
      expect(getGrade(store.db, runId)).toMatchObject({
        score: null,
        validSubmission: true,
        submissionExists: true,
        anyMedal: false,
        goldMedal: false,
        aboveMedian: false,
      });
    }
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: async () => ["alpha"],
      split: "low",
    });
    const detail = JSON.parse(renderReport(report, "json")).tables.find(
      (t: { id: string }) => t.id === "detail",
    );
    const row = detail.rows.find((r: { agent: string }) => r.agent === "aide");
    expect(row.seeds).toBe(3);
    expect(row.valid_submission.mean).toBe(100);
    expect(row.any_medal.mean).toBe(0);
    expect(row.gold_medal.mean).toBe(0);
    expect(row.above_median.mean).toBe(0);
  });
});
