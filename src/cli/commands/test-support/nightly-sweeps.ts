// A results store of nightly sweeps, made the way users make one: real sweeps with the local runtime and
// the bundled demo competitions, and one `sh -c` agent whose quality each night is chosen per
// competition and seed. A "good" run submits the competition's fitted example (examples/2-*.csv: a
// bronze medal, above the median); any other run submits the sample submission (no medal, below it).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSweep } from "../../../config/sweep-schema.js";
import { packageRoot } from "../../../registry/package-root.js";
import { executeSweep, loadAgents } from "../../../scheduler/execute-sweep.js";

export const DEMO_COMPETITIONS = ["demo-binary-auc", "demo-multiclass-logloss", "demo-regression-rmse"];

export interface NightlySweep {
  name: string;
  competitions: readonly string[];
  seeds: number;
  /** A `case` pattern over "$COMPETITION_ID:$BENCH_SEED" for the good runs, e.g. "demo-binary-auc:*|*:1". */
  good: string;
  /** The agent's name. Default "my-agent". */
  agent?: string;
}

export interface NightlyStore {
  dir: string;
  db: string;
}

function agentScript(good: string): string {
  const examples = path.join(packageRoot(), "competitions", '"$COMPETITION_ID"', "examples");
  return [
    `case "$COMPETITION_ID:$BENCH_SEED" in`,
    `  ${good}) cp ${examples}/2-*.csv "$BENCH_SUBMISSION_DIR/submission.csv" ;;`,
    `  *) cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv" ;;`,
    "esac",
  ].join("\n");
}

/** Runs the sweeps in order (so that their dates are in that order) into one new store. */
export async function makeNightlyStore(sweeps: readonly NightlySweep[]): Promise<NightlyStore> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-nightly-"));
  const db = path.join(dir, "bench.db");
  for (const sweep of sweeps) {
    // The agent's file changes with its behaviour: each night's agent is a new version, as in real use.
    const file = path.join(dir, `${sweep.name}.yaml`);
    writeFileSync(
      file,
      `name: ${sweep.agent ?? "my-agent"}\ncommand: ["sh", "-c", ${JSON.stringify(agentScript(sweep.good))}]\n` +
        "resources:\n  cpus: 1\n  memory_gb: 0.5\n",
    );
    const config = parseSweep(
      {
        name: sweep.name,
        agents: [file],
        competitions: [...sweep.competitions],
        seeds: sweep.seeds,
        cpus: 2,
        memory_gb: 4,
        concurrency: 2,
        stop_grace: "1s",
      },
      "test",
    );
    const result = await executeSweep(config, await loadAgents([file]), {
      dbPath: db,
      runsRoot: path.join(dir, "runs"),
    });
    if (result.exitCode !== 0) throw new Error(`sweep ${sweep.name} ended with exit code ${result.exitCode}`);
  }
  return { dir, db };
}
