// Grading one submission from the command line (`bench grade ID FILE`, `bench grade-sample`), and the
// report as a table. A path that does not exist is a usage error with a did-you-mean, not a report:
// for one file it is a typo far more often than a run that wrote nothing. A batch keeps the reference's
// report (`submission_exists: false`), since one missing submission among many is a result.

import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { closestMatches, orList } from "../../config/closest-match.js";
import { BenchError } from "../../errors.js";
import type { CompetitionGrading } from "../../grading/competition-grading.js";
import type { CompetitionReport } from "../../grading/grade-report.js";
import { formatTable } from "../output.js";

/** Throws a USAGE BenchError when nothing is at `file`, suggesting near names in its folder. */
export function requireSubmissionFile(file: string): void {
  if (existsSync(file)) return;
  const dir = path.dirname(file);
  const hint = `check the path; a relative path starts at the current folder (${process.cwd()}).`;
  if (!existsSync(dir)) {
    throw new BenchError("USAGE", `no submission file at ${file}: the folder ${dir} does not exist.`, {
      hint,
    });
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // An unreadable folder has nothing to suggest.
  }
  const close = closestMatches(path.basename(file), names).map((name) =>
    JSON.stringify(path.join(dir, name)),
  );
  if (close.length > 0) {
    throw new BenchError("USAGE", `no submission file at ${file} (did you mean ${orList(close)}?).`, {
      hint,
    });
  }
  const csvs = names.filter((name) => /\.csv$/i.test(name)).sort();
  const listed =
    csvs.length === 0
      ? `its folder ${dir} holds no .csv file`
      : `the .csv files beside it are ${csvs.slice(0, 5).join(", ")}${csvs.length > 5 ? `, ... (${csvs.length} in all)` : ""}`;
  throw new BenchError("USAGE", `no submission file at ${file}; ${listed}.`, { hint });
}

/**
 * Grades one submission: the competition is checked first (unknown id, missing data), then the file,
 * so that each problem is reported in the order a user fixes them.
 */
export async function gradeSingle(
  grading: CompetitionGrading,
  competitionId: string,
  submission: string,
): Promise<CompetitionReport> {
  await grading.prepare(competitionId);
  requireSubmissionFile(submission);
  return grading.grade(competitionId, submission);
}

export function printReport(report: CompetitionReport): void {
  const medal = report.gold_medal
    ? "gold"
    : report.silver_medal
      ? "silver"
      : report.bronze_medal
        ? "bronze"
        : "none";
  const rows: [string, unknown][] = [
    ["competition", report.competition_id],
    ["submission", report.submission_path],
    ["valid", report.valid_submission],
    ["score", report.score],
    ["medal", medal],
    ["above median", report.above_median],
    [
      "exceeds humans",
      report.exceeds_humans_pct === null || report.exceeds_humans_pct === undefined
        ? "-"
        : `${report.exceeds_humans_pct.toFixed(2)}% of the leaderboard's entries`,
    ],
    [
      "thresholds",
      `gold ${report.gold_threshold} / silver ${report.silver_threshold} / bronze ${report.bronze_threshold} / median ${report.median_threshold}`,
    ],
    ["better", report.is_lower_better ? "lower" : "higher"],
  ];
  if (report.normalized_score !== undefined) rows.push(["normalized", report.normalized_score]);
  let out = formatTable(["field", "value"], rows);
  if (report.error) out += `\n\nInvalid submission: ${report.error}`;
  for (const note of report.notes) out += `\nNote: ${note}`;
  process.stdout.write(`${out}\n`);
}
