// `bench grade`: grade one submission, or a batch in MLE-bench's JSONL form (`--batch FILE`, or the
// reference's own spelling `--submission FILE --output-dir DIR`, so that its users' scripts port by
// renaming the command). Exits 0 whenever a report was produced, invalid submissions included; usage
// problems (unknown competition, missing data, a submission path that does not exist, a malformed batch
// file) exit non-zero before anything is graded.

import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { CompetitionGrading } from "../../grading/competition-grading.js";
import type { StoreDb } from "../../store/open-store.js";
import { printJson } from "../output.js";
import { gradeBatch } from "./grade-batch.js";
import { gradeSingle, printReport } from "./grade-single.js";

interface GradeFlags {
  batch?: string;
  /** The reference's name for --batch. */
  submission?: string;
  outputDir?: string;
  dataDir?: string;
  competitionsRoot?: string;
  json?: boolean;
  db?: string;
  agent?: string;
  /** false with --no-store. */
  store?: boolean;
}

/**
 * Records graded runs in the results store. A batch is recorded unless --no-store (it is a run group's
 * grading, as `bench import mlebench` would import its report); a single submission only when --db or
 * --agent asks for it, so that quick checks of a file do not become runs on the leaderboard.
 */
async function recordInStore(
  flags: GradeFlags,
  record: (db: StoreDb, agent: string, storePath: string) => Promise<string>,
): Promise<string> {
  // Loaded only when a grade is recorded: a plain `bench grade` never opens the store.
  const { openStore } = await import("../../store/open-store.js");
  const store = openStore({ path: flags.db });
  try {
    return await record(store.db, flags.agent ?? "manual", store.path);
  } finally {
    store.close();
  }
}

/** Environment variable naming the competitions folder when --competitions-root is not given. */
export const COMPETITIONS_ROOT_ENV = "BENCH_COMPETITIONS_ROOT";

/** The grading of the competitions root given by flag or environment. */
export function competitionGrading(flags: {
  dataDir?: string;
  competitionsRoot?: string;
}): CompetitionGrading {
  // An empty variable is a mistake, not a request for the current folder: fall back to bench's own.
  const competitionsRoot = flags.competitionsRoot || process.env[COMPETITIONS_ROOT_ENV] || undefined;
  return new CompetitionGrading({ dataDir: flags.dataDir, competitionsRoot });
}

/** The batch file of --batch or --submission; both at once is refused. */
function batchFileOf(flags: GradeFlags, competitionId: string | undefined): string | undefined {
  if (flags.batch !== undefined && flags.submission !== undefined) {
    throw new BenchError("USAGE", "give --batch FILE or --submission FILE (the same option), not both.");
  }
  const file = flags.batch ?? flags.submission;
  if (file !== undefined && competitionId !== undefined) {
    const flag = flags.batch !== undefined ? "--batch" : "--submission";
    throw new BenchError(
      "USAGE",
      `give either ${flag} FILE.jsonl or a competition id and a submission, not both.`,
      { hint: "a single submission is graded with: bench grade <competition-id> <submission.csv>" },
    );
  }
  return file;
}

export function registerGradeCommand(program: Command): void {
  program
    .command("grade")
    .description("Grade a submission CSV (or a batch of them) against a competition's private answers.")
    .argument("[competition-id]", "competition to grade against")
    .argument("[submission]", "path of the submission CSV")
    .option("--batch <file.jsonl>", 'grade every {"competition_id","submission_path"} line of a JSONL file')
    .option("--submission <file.jsonl>", "the same as --batch (MLE-bench's `mlebench grade --submission`)")
    .option("--output-dir <dir>", "where a batch's grading report is written", ".")
    .option("--data-dir <dir>", "MLE-bench data dir holding <id>/prepared/ (default: $BENCH_DATA_DIR)")
    .option(
      "--competitions-root <dir>",
      `competitions folder holding <id>/competition.yaml (default: $${COMPETITIONS_ROOT_ENV}, else bench's own)`,
    )
    .option("--json", "print the report as JSON")
    .option("--db <file>", "results store to record the grades in (default: $BENCH_DB, else runs/bench.db)")
    .option("--agent <name>", 'agent the graded runs belong to in the store (default "manual")')
    .option(
      "--no-store",
      "with a batch: do not record the grades (a single submission is recorded only with --db or --agent)",
    )
    .action(async (competitionId: string | undefined, submission: string | undefined, flags: GradeFlags) => {
      const grading = competitionGrading(flags);
      const batchFile = batchFileOf(flags, competitionId);
      if (batchFile !== undefined) {
        return gradeBatch(grading, batchFile, {
          outputDir: flags.outputDir ?? ".",
          json: flags.json ?? false,
          recordInStore: flags.store === false ? undefined : (record) => recordInStore(flags, record),
        });
      }
      if (competitionId === undefined || submission === undefined) {
        throw new BenchError(
          "USAGE",
          "bench grade needs a competition id and a submission path (or --batch FILE).",
          {
            hint: "example: bench grade spaceship-titanic runs/submission.csv --data-dir ~/mlebench-data",
          },
        );
      }
      const report = await gradeSingle(grading, competitionId, submission);
      const recorded =
        flags.store !== false && (flags.db !== undefined || flags.agent !== undefined)
          ? await recordInStore(flags, async (db, agent, storePath) => {
              const { recordGradeReport } = await import("../../imports/record-grade.js");
              const runId = await recordGradeReport(db, report, { agent, registry: grading.registry });
              return `Recorded run ${runId} of ${agent} in ${storePath}`;
            })
          : "";
      if (flags.json) printJson(report);
      else printReport(report);
      if (recorded) (flags.json ? process.stderr : process.stdout).write(`${recorded}\n`);
    });
}
