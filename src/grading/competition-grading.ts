// Wires a registry competition to the pure grading pipeline: finds its grader, its answers (bundled
// or in an MLE-bench data dir) and its leaderboard thresholds, and caches them, so a batch of many
// submissions for one competition reads the answers and the leaderboard once.

import { existsSync } from "node:fs";
import { getGrader } from "../../graders/index.js";
import { BenchError } from "../errors.js";
import type { Competition } from "../registry/competition-registry.js";
import { CompetitionRegistry } from "../registry/competition-registry.js";
import { dataLocation } from "../registry/data-location.js";
import { type Frame, readCsvFile } from "./csv/frame.js";
import { type HumanScores, leaderboardHumans } from "./exceeds-humans.js";
import type { CompetitionReport } from "./grade-report.js";
import { gradeSubmission } from "./grade-submission.js";
import { readJsonlFile } from "./jsonl-frame.js";
import { readLeaderboard } from "./leaderboard.js";
import { type MedalThresholds, medalThresholds } from "./medals.js";

export interface GradingOptions {
  /** MLE-bench data dir (holds <id>/prepared/); default $BENCH_DATA_DIR. */
  dataDir?: string | undefined;
  /** Competitions folder; default bench's own. */
  competitionsRoot?: string | undefined;
  now?: () => Date;
}

interface PreparedCompetition {
  competition: Competition;
  thresholds: MedalThresholds | null;
  /** The leaderboard sorted for "exceeds % of humans". */
  humans: HumanScores | null;
  answersPath: string;
  answers: Frame | undefined;
}

export class CompetitionGrading {
  readonly registry: CompetitionRegistry;
  readonly #prepared = new Map<string, PreparedCompetition>();

  constructor(private readonly options: GradingOptions = {}) {
    this.registry = new CompetitionRegistry({ root: options.competitionsRoot });
  }

  /** Checks that `id` can be graded here (known, gradable, data present) before any work starts. */
  async prepare(id: string): Promise<PreparedCompetition> {
    const cached = this.#prepared.get(id);
    if (cached) return cached;
    const competition = await this.registry.get(id);
    const { manifest } = competition;
    if (!manifest.gradable || manifest.grader === null) {
      throw new BenchError(
        "COMPETITION_NOT_GRADABLE",
        `bench cannot grade ${id} yet: ${manifest.gradable_note ?? "no grader"}.`,
        {
          hint: "`bench competitions list --json` shows which competitions are gradable.",
        },
      );
    }
    const location = dataLocation(manifest, {
      dataDir: this.options.dataDir,
      root: this.registry.root,
    });
    const leaderboard = competition.leaderboardPath
      ? await readLeaderboard(competition.leaderboardPath)
      : null;
    const thresholds = leaderboard ? medalThresholds(leaderboard.scores) : null;
    const humans = leaderboard ? leaderboardHumans(leaderboard.scores) : null;
    // Fail now, not per submission, when the answers are not where they should be.
    requireAnswers(location.answersPath, id, location.source);
    const prepared: PreparedCompetition = {
      competition,
      thresholds,
      humans,
      answersPath: location.answersPath,
      answers: undefined,
    };
    this.#prepared.set(id, prepared);
    return prepared;
  }

  /** The grader's id and version for a gradable competition (stored with each grade). */
  async graderOf(id: string): Promise<{ id: string; version: number }> {
    const { manifest } = (await this.prepare(id)).competition;
    const grader = getGrader(manifest.grader!);
    return { id: grader.id, version: grader.version };
  }

  async grade(
    id: string,
    submissionPath: string,
    options: { refusal?: string } = {},
  ): Promise<CompetitionReport> {
    const prepared = await this.prepare(id);
    const { manifest } = prepared.competition;
    const grader = getGrader(manifest.grader!);
    return gradeSubmission({
      competitionId: id,
      submissionPath,
      grader,
      answers: () => {
        prepared.answers ??= prepared.answersPath.toLowerCase().endsWith(".jsonl")
          ? readJsonlFile(prepared.answersPath, grader.answersFields)
          : readCsvFile(prepared.answersPath);
        return prepared.answers;
      },
      answersPath: prepared.answersPath,
      thresholds: prepared.thresholds,
      humans: prepared.humans,
      refusal: options.refusal,
      metricLowerIsBetter: manifest.metric.direction === "lower",
      ...(manifest.rebench ? { rebench: manifest.rebench } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
  }
}

/** Grading needs only the answers file: say exactly where it was looked for when it is not there. */
function requireAnswers(answersPath: string, id: string, source: string): void {
  if (existsSync(answersPath)) return;
  throw new BenchError("DATA_MISSING", `the answers of ${id} are not at ${answersPath}.`, {
    hint:
      source === "bundled"
        ? `bundled data ships with bench: restore it with \`git checkout -- competitions/${id}\`.`
        : `pass --data-dir DIR (or set BENCH_DATA_DIR) to a folder laid out as MLE-bench prepares it (DIR/${id}/prepared/private/...); \`mlebench prepare -c ${id}\` creates it.`,
  });
}
