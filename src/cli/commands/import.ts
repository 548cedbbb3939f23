// `bench import mlebench|csv|mlgym`: results produced elsewhere (MLE-bench grading reports, RE-bench or
// MLGym result tables, MLGym's raw trajectories) into the results store, so that `bench report` ranks them beside bench's own runs.
// Importing the same file again with the same options changes nothing.

import type { Command } from "commander";
import { BenchError } from "../../errors.js";
import { importCsvResults } from "../../imports/import-csv.js";
import { importMlebenchReports } from "../../imports/import-mlebench.js";
import { importMlgymTrajectories } from "../../imports/import-mlgym.js";
import type { ImportSummary } from "../../imports/import-summary.js";
import { CompetitionRegistry } from "../../registry/competition-registry.js";
import { displayPath } from "../../registry/package-root.js";
import { countText } from "../../reports/format/count-text.js";
import { DB_ENV, openStore, type Store } from "../../store/open-store.js";
import { printJson } from "../output.js";

interface CommonFlags {
  db?: string;
  json?: boolean;
}

interface MlebenchFlags extends CommonFlags {
  agent: string;
  runGroup?: string;
}

interface MlgymFlags extends CommonFlags {
  runGroup?: string;
  metric?: string[];
}

interface CsvFlags extends CommonFlags {
  map: string;
  normalized?: boolean;
  raw?: boolean;
}

const DB_HELP = `results store (default: $${DB_ENV}, else runs/bench.db)`;

async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore({ path: db });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

function report(summaries: readonly ImportSummary[], store: Store, json: boolean | undefined): void {
  for (const summary of summaries) {
    for (const warning of summary.warnings) process.stderr.write(`bench: warning: ${warning}\n`);
  }
  if (json) {
    printJson({ store: store.path, imports: summaries });
    return;
  }
  const lines = summaries.map((summary) => {
    const groups =
      summary.runGroups.length === 0
        ? ""
        : ` (run group${summary.runGroups.length === 1 ? "" : "s"} ${summary.runGroups.join(", ")})`;
    return summary.status === "imported"
      ? `imported ${summary.file}: ${countText(summary.runs, "run")}${groups}, import #${summary.importId}`
      : `unchanged ${summary.file}: already imported with these options (import #${summary.importId}); nothing written`;
  });
  process.stdout.write(`${lines.join("\n")}\nstore: ${displayPath(store.path)}\n`);
}

export function registerImportCommand(program: Command): void {
  const command = program
    .command("import")
    .description("Import results produced elsewhere into the results store (idempotent).");

  command
    .command("mlebench")
    .description(
      "Import MLE-bench grading reports, one per run group. The run group is --run-group, else the file's " +
        "name without .json, or its folder's name when the file has the generic name <timestamp>_grading_report.json.",
    )
    .argument("<reports...>", "grading report JSON files ({competition_reports: [...]} or a list of entries)")
    .requiredOption("--agent <name>", "agent the runs belong to")
    .option("--run-group <name>", "run group of the report (only with one report file)")
    .option("--db <file>", DB_HELP)
    .option("--json", "print what was imported as JSON")
    .action(async (files: string[], flags: MlebenchFlags) => {
      await withStore(flags.db, async (store) => {
        const summaries = await importMlebenchReports(store.db, files, {
          agent: flags.agent,
          runGroup: flags.runGroup,
          registry: new CompetitionRegistry(),
        });
        report(summaries, store, flags.json);
      });
    });

  command
    .command("csv")
    .description(
      "Import a results table, one run per row. --map names the columns: agent, competition and score are " +
        "required; run, group, last_score, baseline, direction, time_limit (seconds), started_at, tokens and " +
        "cost_usd are optional. " +
        "An empty or NaN score is a run with no valid submission.",
    )
    .argument("<file>", "CSV file with a header row")
    .requiredOption(
      "--map <pairs>",
      "FIELD=COLUMN pairs, e.g. agent=model,competition=task_id,score=score,group=dataset",
    )
    .option(
      "--normalized",
      "the score column already holds RE-bench normalized scores (as METR's metr-runs.csv does)",
    )
    .option(
      "--raw",
      "the score column holds raw scores; RE-bench ones are normalized with the environment's starting and " +
        "reference scores (one of --raw and --normalized is required for RE-bench environments)",
    )
    .option("--db <file>", DB_HELP)
    .option("--json", "print what was imported as JSON")
    .action(async (file: string, flags: CsvFlags) => {
      if (flags.raw && flags.normalized) {
        throw new BenchError(
          "USAGE",
          "give --raw or --normalized, not both: the score column holds one kind.",
        );
      }
      const scoreKind = flags.normalized ? "normalized" : flags.raw ? "raw" : undefined;
      // The store is opened only once the file has been read and checked: a usage error (a missing
      // --raw, a bad mapping) must not leave a new empty store behind.
      let store: Store | undefined;
      const openOnce = (): Store => {
        store ??= openStore({ path: flags.db });
        return store;
      };
      try {
        const summary = await importCsvResults(() => openOnce().db, file, {
          map: flags.map,
          scoreKind,
          registry: new CompetitionRegistry(),
        });
        report([summary], openOnce(), flags.json);
      } finally {
        store?.close();
      }
    });
  command
    .command("mlgym")
    .description(
      "Import MLGym's raw results: one folder per run named <model>__<task>__...__run_<k>, holding MLGym's " +
        'results.json ({"agent": [{metric: value, ...} per validate/submit], "baseline": {...}}). A run\'s ' +
        "best attempt is the best value of the task's main metric, its last submission the final entry's; an " +
        "empty agent list is a run without a valid submission. `bench report aup` then gives MLGym's per-task tables.",
    )
    .argument("<trajectories-dir>", "folder holding the run folders (searched a few levels deep)")
    .option("--run-group <name>", "run group of every imported run (e.g. the result set's name)")
    .option(
      "--metric <TASK=KEY[:higher|lower]>",
      "main metric of a task (repeatable, or comma-separated): overrides bench's table, or adds a task it lacks",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--db <file>", DB_HELP)
    .option("--json", "print what was imported as JSON")
    .action(async (dir: string, flags: MlgymFlags) => {
      // As for csv: the store is opened only once every file has been read and checked.
      let store: Store | undefined;
      const openOnce = (): Store => {
        store ??= openStore({ path: flags.db });
        return store;
      };
      try {
        const summary = await importMlgymTrajectories(() => openOnce().db, dir, {
          runGroup: flags.runGroup,
          metrics: flags.metric,
          registry: new CompetitionRegistry(),
        });
        report([summary], openOnce(), flags.json);
      } finally {
        store?.close();
      }
    });
}
