// `bench demo`: the quick start's main job on embedded defaults. Grades the example submissions that
// ship with each bundled demo competition (validation, metric, medals), then runs the example agents
// on the demo competitions with the local runtime, records them in the SQLite store (runs/bench.db)
// and prints the leaderboard: bench's whole loop, without downloading anything. The agent that does
// real machine learning (sklearn-baseline) needs the host's Python with pandas and scikit-learn; where
// they are missing the demo says so and runs the others.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { CompetitionGrading } from "../../grading/competition-grading.js";
import type { CompetitionReport } from "../../grading/grade-report.js";
import { listCompetitions } from "../../registry/competition-registry.js";
import { packageRoot } from "../../registry/package-root.js";
import { formatTable, printJson } from "../output.js";

export const DEMO_SPLIT = "demo";
const DEMO_AGENTS = ["copy-sample", "random-submission"];
/** The baseline that earns medals; its agent file runs /usr/bin/python3 (see agents/sklearn-baseline.yaml). */
const PYTHON_AGENT = "sklearn-baseline";
const DEMO_PYTHON = "/usr/bin/python3";

/** Why the demo cannot run sklearn-baseline here, or undefined when it can. */
export function demoPythonProblem(python = DEMO_PYTHON): string | undefined {
  const check = spawnSync(python, ["-c", "import pandas, sklearn"], { stdio: "ignore", timeout: 60_000 });
  if (check.status === 0) return undefined;
  return check.error ? `${python} is missing` : `${python} cannot import pandas and scikit-learn`;
}

/** Runs the example agents over the demo split (local runtime, 2 seeds), then prints its leaderboard. */
async function runDemoSweep(db: string | undefined): Promise<void> {
  const { parseSweep } = await import("../../config/sweep-schema.js");
  const { executeSweep, loadAgents } = await import("../../scheduler/execute-sweep.js");
  const pythonProblem = demoPythonProblem();
  const names = pythonProblem === undefined ? [...DEMO_AGENTS, PYTHON_AGENT] : DEMO_AGENTS;
  if (pythonProblem !== undefined) {
    process.stdout.write(
      `\nLeaving out ${PYTHON_AGENT}, the example agent that fits scikit-learn models and earns medals: ` +
        `${pythonProblem}. Install Python 3 with pandas and scikit-learn ` +
        "(Debian: apt-get install python3-pandas python3-sklearn) to see it on the leaderboard.\n",
    );
  }
  const files = names.map((name) => path.join(packageRoot(), "agents", `${name}.yaml`));
  const sweep = parseSweep(
    { name: "demo", agents: files, split: DEMO_SPLIT, seeds: 2, runtime: "local", concurrency: 2 },
    "bench demo",
  );
  process.stdout.write(
    `\nRunning ${names.join(", ")} on the demo competitions (local runtime, 2 seeds)...\n`,
  );
  const result = await executeSweep(sweep, await loadAgents(files), {
    dbPath: db,
    onNotice: (message) => process.stderr.write(`${message}\n`),
  });
  const done = Object.entries(result.summary.byClass).filter(([, n]) => n > 0);
  const skipped = result.summary.skipped ? `, ${result.summary.skipped} already done` : "";
  process.stdout.write(`${done.map(([c, n]) => `${n} ${c.replace(/_/g, " ")}`).join(", ")}${skipped}\n\n`);
  const { runCli } = await import("../run-cli.js");
  await runCli([
    "node",
    "bench",
    "report",
    "--split",
    DEMO_SPLIT,
    "--sweep",
    "demo",
    ...(db ? ["--db", db] : []),
  ]);
  process.exitCode = process.exitCode || result.exitCode;
}

function medalOf(report: CompetitionReport): string {
  if (!report.valid_submission) return "invalid";
  if (report.gold_medal) return "gold";
  if (report.silver_medal) return "silver";
  if (report.bronze_medal) return "bronze";
  return report.above_median ? "above median" : "-";
}

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("Grade the example submissions of the bundled demo competitions (no download needed).")
    .option("--json", "print the reports as JSON")
    .option("--no-run", "only grade the examples; do not run the example agents")
    .option("--db <file>", "results store for the demo sweep (default: $BENCH_DB or runs/bench.db)")
    .action(async (flags: { json?: boolean; run?: boolean; db?: string }) => {
      const grading = new CompetitionGrading();
      const competitions = await listCompetitions({ split: DEMO_SPLIT });
      const reports: CompetitionReport[] = [];
      for (const competition of competitions) {
        const examplesDir = path.join(competition.dir, "examples");
        const files = readdirSync(examplesDir)
          .filter((f) => f.endsWith(".csv"))
          .sort();
        for (const file of files)
          reports.push(await grading.grade(competition.id, path.join(examplesDir, file)));
      }
      if (flags.json) return printJson(reports);
      const rows = reports.map((r) => [
        r.competition_id,
        path.basename(r.submission_path),
        r.score,
        medalOf(r),
        r.is_lower_better ? "lower" : "higher",
      ]);
      process.stdout.write(
        `${formatTable(["competition", "submission", "score", "medal", "better"], rows)}\n`,
      );
      const invalid = reports.filter((r) => !r.valid_submission);
      for (const r of invalid) process.stdout.write(`\n${path.basename(r.submission_path)}: ${r.error}\n`);
      process.stdout.write(
        `\nGraded ${reports.length} example submissions of ${competitions.length} demo competitions. ` +
          "Grade your own with: bench grade <competition-id> <submission.csv>\n",
      );
      if (flags.run === false) return;
      await runDemoSweep(flags.db);
    });
}
