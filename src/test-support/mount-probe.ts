// Tests that need a real mount (a read-only bind mount, a small tmpfs for a full disk) probe for it once:
// `mount` works as root on Linux, which CI is, so there its absence fails the file; elsewhere the tests
// skip with the reason printed.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Whether `mount` with the arguments `argsFor(probe)` works here (probe: a fresh folder under `parent`,
 * unmounted again). Throws under CI when it does not; otherwise warns that `what` is skipped.
 */
export function mountAvailable(parent: string, argsFor: (probe: string) => string[], what: string): boolean {
  let ok = false;
  let args: string[] = argsFor("DIR");
  if (process.platform === "linux") {
    const probe = mkdtempSync(path.join(parent, "probe-"));
    args = argsFor(probe);
    ok = spawnSync("mount", args).status === 0;
    if (ok) spawnSync("umount", [probe]);
    rmSync(probe, { recursive: true, force: true });
  }
  if (!ok) {
    const command = `mount ${args.join(" ")}`;
    if (process.env.CI) throw new Error(`${what} need \`${command}\` (root on Linux), and CI has it`);
    console.warn(`skipping ${what}: \`${command}\` is not available here`);
  }
  return ok;
}
