// `bench import csv`: a generic results table (one row per run) into the store, its columns chosen with
// `--map` (csv-mapping.ts).
//
// Semantics:
// - every row becomes one completed run of its agent with a grade; its run group is the mapped `group`
//   column (NULL when unmapped), its source run id the `run` column; seeds number the rows of one
//   agent, competition and group in file order, continuing after runs already stored;
// - a row whose score is empty, NaN or infinite is a run with no valid submission (valid_submission and
//   submission_exists false, no score); any other non-number is an error naming the file, row and column;
// - with --normalized the score column holds normalized scores (stored as normalized_score, score left
//   empty); with --raw (or, for files without RE-bench environments, with neither) the score is raw, and
//   for registry RE-bench tasks normalized_score is computed from the registry's ys/yr; for registry
//   Kaggle competitions with a leaderboard, thresholds and medals are computed from the score as the file
//   gives it. A file with RE-bench environments must say which kind it holds (score-kind.ts);
// - competitions the registry lacks become external tasks with the file's direction;
// - the content hash covers the file's bytes, the mapping and --normalized (--raw hashes as a file
//   imported without --normalized always did): importing the same file with the same options again
//   changes nothing;
// - mapped `tokens` and `cost_usd` columns are the run's LLM usage (one run_usage row without a model);
//   an empty cell is unknown, a negative one an error.

import { BenchError } from "../errors.js";
import { csvLimits } from "../grading/csv/csv-limits.js";
import { parseCsv } from "../grading/csv/frame.js";
import { readRegularFile } from "../grading/csv/read-regular-file.js";
import type { Direction } from "../store/competitions-repo.js";
import { type Clock, type StoreQueryable, systemClock } from "../store/store-queryable.js";
import { type CompetitionPlan, planCompetitions, type RegistryLookup } from "./competition-plan.js";
import { importContentHash } from "./content-hash.js";
import { CsvCells } from "./csv-cells.js";
import { type CsvRow, gradeOfRow, scoringContexts } from "./csv-grade.js";
import { type CsvMapping, checkMappedColumns, parseCsvMapping } from "./csv-mapping.js";
import { usageOfRow } from "./csv-usage.js";
import { checkImportRows } from "./import-limits.js";
import type { ImportSummary } from "./import-summary.js";
import { type RecordedRun, type RecordedRuns, recordRuns } from "./record-runs.js";
import { checkScoreKind, type ScoreKind } from "./score-kind.js";

export interface CsvImportOptions {
  /** The `--map` text, or a parsed mapping. */
  map: string | CsvMapping;
  /**
   * What the score column holds. Required ("raw" or "normalized") when the file has registry RE-bench
   * environments; otherwise raw, and "normalized" is refused.
   */
  scoreKind?: ScoreKind | undefined;
  registry: RegistryLookup;
  clock?: Clock;
}

export async function importCsvResults(
  /** The store, or a function that opens it: called only once the file has been read and checked. */
  db: StoreQueryable | (() => StoreQueryable),
  file: string,
  options: CsvImportOptions,
): Promise<ImportSummary> {
  const mapping = typeof options.map === "string" ? parseCsvMapping(options.map) : options.map;
  const clock = options.clock ?? systemClock;
  // A regular file only (a FIFO or a device would never end), within the CSV limits, and within the
  // rows one import holds (import-limits.ts).
  const bytes = readRegularFile(file, { maxBytes: csvLimits().maxBytes });
  const frame = parseCsv(bytes, file);
  checkMappedColumns(mapping, frame.columns, file);
  if (frame.rowCount === 0) {
    throw new BenchError("CSV_MALFORMED", `${file}: the file has a header but no rows; nothing to import.`);
  }
  checkImportRows(file, frame.rowCount);
  const cells = new CsvCells(frame);
  const rows = readRows(cells, frame.rowCount, mapping);
  const directions = fileDirections(rows, cells, mapping.direction);
  const plan = await planCompetitions(
    rows.map((row) => row.competition),
    options.registry,
    directions,
  );
  const kindWarnings = checkScoreKind(options.scoreKind, rows, plan, file, mapping.score);
  const normalized = options.scoreKind === "normalized";
  const warnings = [
    ...kindWarnings,
    ...directionWarnings(plan, directions),
    ...repeatWarnings(rows, file, mapping),
  ];
  const scoring = await scoringContexts(plan, directions, normalized);
  const now = clock();
  // Checked here, before the store is opened: a bad cell fails the import with nothing written.
  const usages = rows.map((row) => usageOfRow(cells, row.row, mapping));
  // Each run and its grade made as the store writes it: held all at once, they took ~3.8 KB a row.
  const runs: RecordedRuns = {
    length: rows.length,
    *[Symbol.iterator](): Iterator<RecordedRun> {
      for (const [index, row] of rows.entries()) {
        yield {
          agent: row.agent,
          competitionId: row.competition,
          runGroup: row.group,
          sourceRunId: row.run,
          timeLimitMs: row.timeLimitMs,
          startedAtMs: row.startedAtMs,
          usage: usages[index]!,
          grade: gradeOfRow(
            row,
            scoring.get(row.competition)!,
            normalized,
            cells.where(row.row, mapping.score),
            now,
          ),
        };
      }
    },
  };
  const shaping = { kind: "csv", map: mapping, normalized };
  const outcome = recordRuns(typeof db === "function" ? db() : db, {
    source: { kind: "csv", path: file, contentHash: importContentHash(bytes, shaping), options: shaping },
    runs,
    competitions: plan,
    clock,
  });
  const runGroups = [...new Set(rows.flatMap((row) => (row.group === null ? [] : [row.group])))].sort();
  if (outcome.status === "unchanged") {
    return { file, status: "unchanged", importId: outcome.importId, runs: 0, runGroups, warnings: [] };
  }
  return {
    file,
    status: "imported",
    importId: outcome.importId!,
    runs: outcome.runIds.length,
    runGroups,
    warnings: [...warnings, ...outcome.warnings],
  };
}

function readRows(cells: CsvCells, rowCount: number, mapping: CsvMapping): CsvRow[] {
  const optionalNumber = (row: number, column: string | undefined) => {
    if (column === undefined) return null;
    const value = cells.number(row, column);
    return Number.isFinite(value) ? value : null;
  };
  const rows: CsvRow[] = [];
  for (let row = 0; row < rowCount; row++) {
    rows.push({
      row,
      agent: cells.requiredText(row, mapping.agent),
      competition: cells.requiredText(row, mapping.competition),
      group: mapping.group === undefined ? null : cells.text(row, mapping.group)?.trim() || null,
      run: mapping.run === undefined ? null : cells.text(row, mapping.run)?.trim() || null,
      score: cells.number(row, mapping.score),
      lastScore: optionalNumber(row, mapping.last_score),
      baseline: optionalNumber(row, mapping.baseline),
      direction: mapping.direction === undefined ? null : cells.direction(row, mapping.direction),
      timeLimitMs: mapping.time_limit === undefined ? null : cells.durationMs(row, mapping.time_limit),
      startedAtMs: mapping.started_at === undefined ? null : cells.timeMs(row, mapping.started_at),
    });
  }
  return rows;
}

/** What the file says is better for each competition; two rows disagreeing is an error. */
function fileDirections(
  rows: readonly CsvRow[],
  cells: CsvCells,
  column: string | undefined,
): Map<string, Direction> {
  const directions = new Map<string, { direction: Direction; row: number }>();
  for (const row of rows) {
    if (row.direction === null || column === undefined) continue;
    const first = directions.get(row.competition);
    if (first === undefined) directions.set(row.competition, { direction: row.direction, row: row.row });
    else if (first.direction !== row.direction) {
      throw new BenchError(
        "CSV_MALFORMED",
        `${cells.where(row.row, column)}: ${row.competition} is "${row.direction}" here but "${first.direction}" on row ${first.row + 1}.`,
        { hint: "a task has one direction; fix the rows that disagree." },
      );
    }
  }
  return new Map([...directions].map(([id, { direction }]) => [id, direction]));
}

function directionWarnings(plan: CompetitionPlan, directions: ReadonlyMap<string, Direction>): string[] {
  const warnings: string[] = [];
  for (const [id, competition] of plan.registry) {
    const claimed = directions.get(id);
    const registered = competition.manifest.metric.direction;
    if (claimed !== undefined && claimed !== registered) {
      warnings.push(
        `${id}: the file says ${claimed} is better, the registry says ${registered}; using the registry's.`,
      );
    }
  }
  return warnings;
}

/**
 * Rows that repeat a run the file already holds. Several runs per agent and task are normal (they
 * become seeds), but when no run id is mapped they often mean the file mixes result sets that a
 * `group` mapping should keep apart (MLGym's dataset column).
 */
function repeatWarnings(rows: readonly CsvRow[], file: string, mapping: CsvMapping): string[] {
  const seen = new Map<string, number>();
  let repeats = 0;
  let example = "";
  for (const row of rows) {
    const key = JSON.stringify([
      row.group,
      row.agent,
      row.competition,
      mapping.run === undefined ? null : row.run,
    ]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.row);
      continue;
    }
    repeats++;
    if (example === "")
      example = `row ${row.row + 1} repeats ${row.agent} on ${row.competition} from row ${first + 1}`;
  }
  if (repeats === 0) return [];
  if (mapping.run !== undefined) {
    return [
      `${file}: ${repeats} rows repeat a run id already seen (${example}); each is recorded as another run.`,
    ];
  }
  return [
    `${file}: ${repeats} rows repeat an agent and competition${mapping.group === undefined ? "" : " within a group"} ` +
      `(${example}); each is recorded as another run (the next seed). If the file holds several result sets, ` +
      "map the column that tells them apart: --map ...,group=COLUMN.",
  ];
}
