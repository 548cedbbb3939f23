// A results store made the way users make one: real sweeps with the local runtime and the bundled demo
// competitions, fast `sh -c` agents. One agent writes a log full of what an agent can throw at a
// terminal (escape sequences, a window title, bidi overrides, a very long line, a progress bar).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSweep } from "../../../config/sweep-schema.js";
import { executeSweep, loadAgents } from "../../../scheduler/execute-sweep.js";

export interface SweepStore {
  dir: string;
  db: string;
  runs: string;
}

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

/** 30 numbered lines, then the hostile ones, each marked so a test can find what is left of it. */
export const NOISY_SCRIPT = [
  'i=1; while [ $i -le 30 ]; do echo "line $i"; i=$((i+1)); done',
  "printf 'TITLE\\033]0;pwned\\007 set\\n'",
  "printf 'COLOR \\033[31mred\\033[0m done\\n'",
  "printf 'BIDI \\342\\200\\256evil\\342\\200\\254 end\\n'",
  "printf 'PROGRESS 10%%\\rPROGRESS 50%%\\rPROGRESS 100%%\\n'",
  "printf 'LONG %0500d\\n' 0",
  "echo last line",
  COPY_SAMPLE,
].join("; ");

function agentFile(dir: string, name: string, script: string): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 0.5\n`,
  );
  return file;
}

/**
 * Sweep "nightly": agents noisy (succeeds) and fails (exits 3) × demo-binary-auc × 2 seeds; then
 * sweep "extra": noisy × demo-binary-auc × 1 seed. Five runs, two of them failed.
 */
export async function makeSweepStore(): Promise<SweepStore> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-finding-runs-"));
  const store = { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
  const noisy = agentFile(dir, "noisy", NOISY_SCRIPT);
  const fails = agentFile(dir, "fails", "echo boom >&2; exit 3");
  for (const [name, files, seeds] of [
    ["nightly", [noisy, fails], 2],
    ["extra", [noisy], 1],
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

/** The characters of `text` a terminal would act on rather than print (newlines and tabs aside). */
export function controlCharacters(text: string): string[] {
  return [...text].filter((ch) => {
    const code = ch.codePointAt(0)!;
    return (
      (code < 0x20 && code !== 0x0a && code !== 0x09) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e)
    );
  });
}
