// `bench grade-sample`: MLE-bench's `mlebench grade-sample SUBMISSION COMPETITION_ID [--data-dir DIR]`
// (grade one submission of the eval and print its report), same arguments in the same order, so that
// scripts port by renaming the command. Given only a competition id it grades that competition's own
// sample submission: a quick check that the data, the grader and the thresholds are in place.

import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { resolveDataLocation } from "../../registry/data-location.js";
import { printJson } from "../output.js";
import { COMPETITIONS_ROOT_ENV, competitionGrading } from "./grade.js";
import { gradeSingle, printReport } from "./grade-single.js";

interface GradeSampleFlags {
  dataDir?: string;
  competitionsRoot?: string;
  json?: boolean;
}

const USAGE_HINT =
  "bench grade-sample SUBMISSION.csv COMPETITION_ID grades a submission (as mlebench grade-sample does); " +
  "bench grade-sample COMPETITION_ID grades the competition's own sample submission.";

export function registerGradeSampleCommand(program: Command): void {
  program
    .command("grade-sample")
    .description(
      "Grade one submission (mlebench grade-sample's arguments: SUBMISSION COMPETITION_ID), or a competition's own sample submission.",
    )
    .argument("<submission-or-competition>", "path of the submission CSV, or a competition id alone")
    .argument("[competition-id]", "competition to grade against")
    .option("--data-dir <dir>", "MLE-bench data dir holding <id>/prepared/ (default: $BENCH_DATA_DIR)")
    .option(
      "--competitions-root <dir>",
      `competitions folder holding <id>/competition.yaml (default: $${COMPETITIONS_ROOT_ENV}, else bench's own)`,
    )
    .option("--json", "print the report as JSON")
    .action(async (first: string, second: string | undefined, flags: GradeSampleFlags) => {
      const grading = competitionGrading(flags);
      let competitionId: string;
      let submission: string;
      if (second !== undefined) {
        [submission, competitionId] = [first, second];
      } else {
        if (/\.csv$/i.test(first) || first.includes("/")) {
          throw new BenchError("USAGE", `bench grade-sample ${first}: the competition id is missing.`, {
            hint: USAGE_HINT,
          });
        }
        competitionId = first;
        const { manifest } = (await grading.prepare(competitionId)).competition;
        const location = await resolveDataLocation(manifest, {
          dataDir: flags.dataDir,
          root: grading.registry.root,
        });
        submission = location.sampleSubmissionPath;
      }
      const report = await gradeSingle(grading, competitionId, submission);
      if (flags.json) printJson(report);
      else printReport(report);
    });
}
