// Looks up the agent's command the way execvp would, before it is handed to the shell that joins the
// run's cgroup: a missing command must stay bench's "command not found" (an infrastructure problem of
// this machine), not become the agent's exit code 127.

import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

export type Lookup = { found: string } | { problem: "ENOENT" | "EACCES" };

function check(file: string): Lookup | null {
  try {
    if (!statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  try {
    accessSync(file, constants.X_OK);
    return { found: file };
  } catch {
    return { problem: "EACCES" };
  }
}

/** `command` as a path (when it holds a slash) or on `searchPath`, relative to `cwd`. */
export function findExecutable(command: string, searchPath: string, cwd: string): Lookup {
  if (command.includes("/")) return check(path.resolve(cwd, command)) ?? { problem: "ENOENT" };
  let denied = false;
  for (const dir of searchPath.split(":")) {
    // An empty PATH entry means the current folder, as for execvp.
    const result = check(path.resolve(cwd, dir === "" ? "." : dir, command));
    if (result === null) continue;
    if ("found" in result) return result;
    denied = true;
  }
  return { problem: denied ? "EACCES" : "ENOENT" };
}
