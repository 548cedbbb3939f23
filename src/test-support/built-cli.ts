// Tests that need several real bench processes at once (two writers on one store, a killed bench) run
// the built CLI, as users do. This builds it first when any source file is newer than the build.

import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const MAIN = path.resolve("dist/src/cli/main.js");
export const BENCH_BIN = path.resolve("bin/bench.js");

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/ or graders/; returns the CLI's entry file. */
export function ensureBuiltCli(): string {
  let builtMs = 0;
  try {
    builtMs = statSync(MAIN).mtimeMs;
  } catch {
    // not built yet
  }
  const sourceMs = Math.max(newestSourceMs(path.resolve("src")), newestSourceMs(path.resolve("graders")));
  if (builtMs < sourceMs) execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  return BENCH_BIN;
}
