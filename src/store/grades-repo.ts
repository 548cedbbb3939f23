// The grades table: one grade per run, written from a CompetitionReport (the reference's field names)
// and read back as one. A new grade of a run replaces the old one (a re-grade with a fixed grader).

import { eq } from "drizzle-orm";
import type { CompetitionReport } from "../grading/grade-report.js";
import { boundedNotes, boundedText, MAX_RUN_ERROR_CHARS } from "./bounded-text.js";
import { insertRows } from "./insert-rows.js";
import { gradesTable } from "./schema.js";
import { type Clock, type StoreQueryable, systemClock } from "./store-queryable.js";

export type GradeRow = typeof gradesTable.$inferSelect;
export type GradeFields = Omit<GradeRow, "runId">;

/** What a report does not say: who graded it, and the second scores some sources carry. */
export interface GradeExtras {
  graderId?: string | null;
  graderVersion?: number | null;
  lastScore?: number | null;
  baselineScore?: number | null;
}

/**
 * SQLite has no NaN (it would store NULL anyway), and an infinite score is no score either (the grading
 * pipeline reports both as null): only finite numbers are stored.
 */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * The grade fields of a report. `graded_at` is the report's `created_at` when it parses as a date (the
 * reference writes local ISO time without a zone; JavaScript reads that as local time too), otherwise
 * the clock's time.
 */
export function gradeFieldsFromReport(
  report: CompetitionReport,
  extras: GradeExtras = {},
  clock: Clock = systemClock,
): GradeFields {
  const created = Date.parse(report.created_at);
  return {
    competitionId: report.competition_id,
    score: finiteOrNull(report.score),
    lastScore: finiteOrNull(extras.lastScore),
    normalizedScore: finiteOrNull(report.normalized_score),
    baselineScore: finiteOrNull(extras.baselineScore),
    goldThreshold: finiteOrNull(report.gold_threshold),
    silverThreshold: finiteOrNull(report.silver_threshold),
    bronzeThreshold: finiteOrNull(report.bronze_threshold),
    medianThreshold: finiteOrNull(report.median_threshold),
    exceedsHumansPct: finiteOrNull(report.exceeds_humans_pct),
    anyMedal: report.any_medal,
    goldMedal: report.gold_medal,
    silverMedal: report.silver_medal,
    bronzeMedal: report.bronze_medal,
    aboveMedian: report.above_median,
    submissionExists: report.submission_exists,
    validSubmission: report.valid_submission,
    isLowerBetter: report.is_lower_better,
    error: report.error === null ? null : boundedText(report.error, MAX_RUN_ERROR_CHARS),
    notes: boundedNotes(report.notes),
    graderId: extras.graderId ?? null,
    graderVersion: extras.graderVersion ?? null,
    submissionPath: report.submission_path === "" ? null : report.submission_path,
    gradedAtMs: Number.isFinite(created) ? created : clock(),
  };
}

/** Writes the grade of a run, replacing the run's previous grade if it has one. */
export function writeGrade(db: StoreQueryable, runId: string, grade: GradeFields): void {
  const { competitionId: _, ...replaced } = grade;
  db.insert(gradesTable)
    .values({ runId, ...grade })
    .onConflictDoUpdate({ target: gradesTable.runId, set: replaced })
    .run();
}

/** Writes a report as the grade of a run (replacing an older grade). */
export function writeGradeReport(
  db: StoreQueryable,
  runId: string,
  report: CompetitionReport,
  extras: GradeExtras = {},
  clock: Clock = systemClock,
): void {
  writeGrade(db, runId, gradeFieldsFromReport(report, extras, clock));
}

/** Inserts grades of runs that have none yet (imports: the runs were created in the same transaction). */
export function insertGrades(db: StoreQueryable, grades: readonly (GradeFields & { runId: string })[]): void {
  insertRows(db, gradesTable, grades);
}

export function getGrade(db: StoreQueryable, runId: string): GradeRow | undefined {
  return db.select().from(gradesTable).where(eq(gradesTable.runId, runId)).get();
}

/** A stored grade in the reference's report shape (bench's extra fields included). */
export function gradeToReport(grade: GradeRow): CompetitionReport {
  return {
    competition_id: grade.competitionId,
    score: grade.score,
    gold_threshold: grade.goldThreshold,
    silver_threshold: grade.silverThreshold,
    bronze_threshold: grade.bronzeThreshold,
    median_threshold: grade.medianThreshold,
    any_medal: grade.anyMedal,
    gold_medal: grade.goldMedal,
    silver_medal: grade.silverMedal,
    bronze_medal: grade.bronzeMedal,
    above_median: grade.aboveMedian,
    submission_exists: grade.submissionExists,
    valid_submission: grade.validSubmission,
    is_lower_better: grade.isLowerBetter ?? false,
    created_at: new Date(grade.gradedAtMs).toISOString(),
    submission_path: grade.submissionPath ?? "",
    error: grade.error,
    notes: grade.notes ?? [],
    ...(grade.normalizedScore === null ? {} : { normalized_score: grade.normalizedScore }),
    ...(grade.exceedsHumansPct === null ? {} : { exceeds_humans_pct: grade.exceedsHumansPct }),
  };
}
