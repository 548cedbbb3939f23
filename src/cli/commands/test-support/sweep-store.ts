// A results store made the way users make one: real sweeps with the local runtime and the bundled demo
// competitions, fast `sh -c` agents. One agent writes a log full of what an agent can throw at a
// terminal (escape sequences, a window title, bidi overrides, a very long line, a progress bar).

import {
  COPY_SAMPLE,
  makeTwoSweepStore,
  type TwoSweepStore,
} from "../../../scheduler/test-support/two-sweep-store.js";

export type SweepStore = TwoSweepStore;

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

/**
 * Sweep "nightly": agents noisy (succeeds) and fails (exits 3) × demo-binary-auc × 2 seeds; then
 * sweep "extra": noisy × demo-binary-auc × 1 seed. Five runs, two of them failed.
 */
export function makeSweepStore(): Promise<SweepStore> {
  return makeTwoSweepStore({ name: "noisy", script: NOISY_SCRIPT });
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
