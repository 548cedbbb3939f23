// `bench import mlebench`: MLE-bench grading reports into the store, one report per run group.
//
// Semantics (see also run-group.ts and record-runs.ts):
// - every entry of a report becomes one completed run of the agent with its grade, in run group
//   `--run-group` or the default rule (defaultRunGroup);
// - the run's `seed` is its position among the same agent's entries for the same competition in that run
//   group (0 for a report with one entry per competition), continuing after runs already stored in the
//   group. MLE-bench's seeds (SCORING.md §2) are computed at report time by ordering the agent's run
//   groups by name and reading entries in (competition id, seed) order; storing positions instead of
//   global seeds means a group imported later never renumbers stored runs;
// - competitions the registry lacks become external tasks, with a warning;
// - the content hash covers the file's bytes, the agent and the resolved run group: importing the same
//   report again with the same agent and group changes nothing.

import { BenchError } from "../errors.js";
import { exceedsHumansPct, type HumanScores, leaderboardHumans } from "../grading/exceeds-humans.js";
import type { CompetitionReport } from "../grading/grade-report.js";
import { readLeaderboard } from "../grading/leaderboard.js";
import { gradeFieldsFromReport } from "../store/grades-repo.js";
import { type Clock, type StoreQueryable, systemClock } from "../store/store-queryable.js";
import { type CompetitionPlan, planCompetitions, type RegistryLookup } from "./competition-plan.js";
import { importContentHash } from "./content-hash.js";
import type { ImportSummary } from "./import-summary.js";
import { readMlebenchReportFile } from "./mlebench-report-file.js";
import { type ImportSource, type RecordedRun, recordRuns } from "./record-runs.js";
import { defaultRunGroup } from "./run-group.js";

export interface MlebenchImportOptions {
  agent: string;
  /** The run group of every report imported; default: defaultRunGroup(file). */
  runGroup?: string | undefined;
  registry: RegistryLookup;
  clock?: Clock;
  /** Other files standing for the same runs (see RecordRequest.sameAs), given the resolved run group. */
  sameAs?: ((resolved: { agent: string; runGroup: string }) => Promise<ImportSource[]>) | undefined;
}

export async function importMlebenchReport(
  db: StoreQueryable,
  file: string,
  options: MlebenchImportOptions,
): Promise<ImportSummary> {
  const agent = options.agent.trim();
  if (agent === "") throw new BenchError("USAGE", "--agent must name the agent whose runs the report holds.");
  if (options.runGroup !== undefined && options.runGroup.trim() === "") {
    throw new BenchError("USAGE", "--run-group must not be empty.", {
      hint: "leave it out to name the group after the report file (or its folder).",
    });
  }
  const { bytes, reports } = readMlebenchReportFile(file);
  const runGroup = options.runGroup ?? defaultRunGroup(file);
  const shaping = { kind: "mlebench", agent, runGroup };
  const directions = new Map(
    reports.map((report) => [report.competition_id, report.is_lower_better ? "lower" : "higher"] as const),
  );
  const competitions = await planCompetitions(
    reports.map((report) => report.competition_id),
    options.registry,
    directions,
  );
  const clock = options.clock ?? systemClock;
  const humans = await humansOf(competitions, reports);
  const runs: RecordedRun[] = reports.map((report) => ({
    agent,
    competitionId: report.competition_id,
    runGroup,
    grade: gradeFieldsFromReport(withExceedsHumans(report, humans), {}, clock),
  }));
  const sameAs = options.sameAs === undefined ? [] : await options.sameAs({ agent, runGroup });
  const outcome = recordRuns(db, {
    source: {
      kind: "mlebench",
      path: file,
      contentHash: importContentHash(bytes, shaping),
      options: shaping,
    },
    sameAs,
    runs,
    competitions,
    clock,
  });
  if (outcome.status === "unchanged") {
    return {
      file,
      status: "unchanged",
      importId: outcome.importId,
      runs: 0,
      runGroups: [runGroup],
      warnings: [],
    };
  }
  return {
    file,
    status: "imported",
    importId: outcome.importId!,
    runs: outcome.runIds.length,
    runGroups: [runGroup],
    warnings: outcome.warnings,
  };
}

/**
 * The sorted leaderboards of the registry competitions whose valid entries lack exceeds_humans_pct (the
 * reference tool's reports), by competition id.
 */
async function humansOf(
  competitions: CompetitionPlan,
  reports: readonly CompetitionReport[],
): Promise<Map<string, HumanScores>> {
  const wanted = new Set(
    reports
      .filter((report) => report.exceeds_humans_pct === undefined && report.score !== null)
      .map((report) => report.competition_id),
  );
  const humans = new Map<string, HumanScores>();
  for (const [id, competition] of competitions.registry) {
    const file = competition.leaderboardPath;
    if (!wanted.has(id) || competition.manifest.kind !== "kaggle" || file === null) continue;
    humans.set(id, leaderboardHumans((await readLeaderboard(file)).scores));
  }
  return humans;
}

/**
 * An entry without exceeds_humans_pct gets it from the registry's leaderboard (a valid entry's finite
 * score only), as `bench grade` would have written it; an entry that has one keeps it.
 */
function withExceedsHumans(
  report: CompetitionReport,
  humans: ReadonlyMap<string, HumanScores>,
): CompetitionReport {
  if (report.exceeds_humans_pct !== undefined) return report;
  const scores = humans.get(report.competition_id);
  const pct = scores && report.valid_submission ? exceedsHumansPct(report.score, scores) : null;
  return { ...report, exceeds_humans_pct: pct };
}

/**
 * Imports several reports, one run group each. `--run-group` names a single group, so it is refused
 * with several files; two files that fall into the same default group are imported (their entries
 * become successive seeds of that group) with a warning, since that is rarely what was meant.
 */
export async function importMlebenchReports(
  db: StoreQueryable,
  files: readonly string[],
  options: MlebenchImportOptions,
): Promise<ImportSummary[]> {
  if (files.length === 0) throw new BenchError("USAGE", "give at least one grading report file.");
  if (options.runGroup !== undefined && files.length > 1) {
    throw new BenchError(
      "USAGE",
      `--run-group names one run group, but ${files.length} reports were given.`,
      {
        hint: "import one report per --run-group, or leave it out to name each group after its file (or folder).",
      },
    );
  }
  const groups = new Map<string, string>();
  const summaries: ImportSummary[] = [];
  for (const file of files) {
    const summary = await importMlebenchReport(db, file, options);
    const group = summary.runGroups[0] ?? "";
    const earlier = groups.get(group);
    if (earlier !== undefined) {
      summary.warnings.push(
        `${file} and ${earlier} both fall into run group "${group}"; their entries are successive seeds of it. ` +
          "Pass each report with its own --run-group to keep them apart.",
      );
    }
    groups.set(group, file);
    summaries.push(summary);
  }
  return summaries;
}
