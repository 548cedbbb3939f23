// A results store made the way users make one, for tests of what reads a store (CLI listings, the
// viewer): real sweeps with the local runtime and the bundled demo-binary-auc, fast `sh -c` agents.
// Sweep "nightly": the given agent (which should succeed) and "fails" (exits 3) × 2 seeds; then sweep
// "extra": the given agent × 1 seed. Five runs, two of them failed.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSweep } from "../../config/sweep-schema.js";
import { executeSweep, loadAgents } from "../execute-sweep.js";

export interface TwoSweepStore {
  dir: string;
  db: string;
  runs: string;
}

export const COPY_SAMPLE =
  'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

function agentFile(dir: string, name: string, script: string): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 0.5\n`,
  );
  return file;
}

export async function makeTwoSweepStore(agent: { name: string; script: string }): Promise<TwoSweepStore> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${agent.name}-store-`));
  const store = { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
  const main = agentFile(dir, agent.name, agent.script);
  const fails = agentFile(dir, "fails", "echo boom >&2; exit 3");
  for (const [name, files, seeds] of [
    ["nightly", [main, fails], 2],
    ["extra", [main], 1],
  ] as const) {
    const agents = await loadAgents(files);
    const config = parseSweep(
      {
        name,
        agents: files,
        competitions: ["demo-binary-auc"],
        seeds,
        cpus: 2,
        memory_gb: 4,
        stop_grace: "1s",
      },
      "test",
    );
    const result = await executeSweep(config, agents, { dbPath: store.db, runsRoot: store.runs });
    if (result.exitCode !== 0) throw new Error(`sweep ${name} ended with exit code ${result.exitCode}`);
  }
  return store;
}
