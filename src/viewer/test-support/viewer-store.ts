// A results store for the viewer's tests, made the way users make one: two real sweeps with the local
// runtime and a bundled demo competition. The "hostile" agent writes what an agent can throw at a web
// page: markup and scripts in its log, in a file name and in a file's content, terminal escape
// sequences, a link out of its run folder; it also asks for an intermediate score, so the run page has
// a score log to show.

import {
  COPY_SAMPLE,
  makeTwoSweepStore,
  type TwoSweepStore,
} from "../../scheduler/test-support/two-sweep-store.js";

export type ViewerStore = TwoSweepStore;

/** The name of a file the hostile agent leaves in its logs folder: markup in a file name. */
export const HOSTILE_FILE_NAME = "<img src=x onerror=alert(1)>.html";

/** A line of the hostile log a page must show as text (and never run). */
export const HOSTILE_LOG_LINE = "</pre><script>window.__pwned = 1; alert(1)</script>";

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

/**
 * Sweep "nightly": agents hostile (succeeds) and fails (exits 3) × demo-binary-auc × 2 seeds; then
 * sweep "extra": hostile × demo-binary-auc × 1 seed. Five runs, two of them failed.
 */
export function makeViewerStore(): Promise<ViewerStore> {
  return makeTwoSweepStore({ name: "hostile", script: HOSTILE_SCRIPT });
}
