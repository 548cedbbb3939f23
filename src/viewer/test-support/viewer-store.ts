// A results store for the viewer's tests, made the way users make one: two real sweeps with the local
// runtime and a bundled demo competition. The "hostile" agent writes what an agent can throw at a web
// page: markup and scripts in its log, in a file name and in a file's content, terminal escape
// sequences, a link out of its run folder; it also asks for an intermediate score, so the run page has
// a score log to show.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSweep } from "../../config/sweep-schema.js";
import { executeSweep, loadAgents } from "../../scheduler/execute-sweep.js";

export interface ViewerStore {
  dir: string;
  db: string;
  runs: string;
}

/** The name of a file the hostile agent leaves in its logs folder: markup in a file name. */
export const HOSTILE_FILE_NAME = "<img src=x onerror=alert(1)>.html";

/** A line of the hostile log a page must show as text (and never run). */
export const HOSTILE_LOG_LINE = "</pre><script>window.__pwned = 1; alert(1)</script>";

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

const HOSTILE_SCRIPT = [
  'i=1; while [ $i -le 30 ]; do echo "line $i"; i=$((i+1)); done',
  `echo '${HOSTILE_LOG_LINE}'`,
  `echo '<img src=x onerror="window.__pwned=2"> & "quotes" \`ticks\`'`,
  "printf 'TITLE\\033]0;pwned\\007 set\\n'",
  "printf 'COLOR \\033[31mred\\033[0m done\\n'",
  "printf 'BIDI \\342\\200\\256evil\\342\\200\\254 end\\n'",
  'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SCORE_DIR/try1.csv"',
  'touch "$BENCH_SCORE_DIR/try1.request"',
  'i=0; while [ ! -f "$BENCH_SCORE_DIR/try1.result.json" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done',
  `echo '<script>window.__pwned=3</script>' > "$BENCH_LOGS_DIR/${HOSTILE_FILE_NAME}"`,
  'ln -s /etc/passwd "$BENCH_LOGS_DIR/passwd-link.txt"',
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
 * Sweep "nightly": agents hostile (succeeds) and fails (exits 3) × demo-binary-auc × 2 seeds; then
 * sweep "extra": hostile × demo-binary-auc × 1 seed. Five runs, two of them failed.
 */
export async function makeViewerStore(): Promise<ViewerStore> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-viewer-"));
  const store = { dir, db: path.join(dir, "bench.db"), runs: path.join(dir, "runs") };
  const hostile = agentFile(dir, "hostile", HOSTILE_SCRIPT);
  const fails = agentFile(dir, "fails", "echo boom >&2; exit 3");
  for (const [name, files, seeds] of [
    ["nightly", [hostile, fails], 2],
    ["extra", [hostile], 1],
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
