// The commit a folder's git checkout is at, for sweep names like "nightly-{git_sha:../aide}". git is an
// outside system: this is its one adapter, so the name template can be tested with a fake.

import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { promisify } from "node:util";
import { BenchError } from "../errors.js";

const run = promisify(execFile);

/** Reads the short commit id of a folder's checkout (as `git log --oneline` shows it). */
export type GitRevisionReader = (folder: string) => Promise<string>;

/**
 * `git rev-parse --short HEAD` in `folder`. A folder that is missing, not inside a git checkout, or a
 * checkout without a commit is a BenchError (USAGE) naming the folder.
 */
export const readGitShortSha: GitRevisionReader = async (folder) => {
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new BenchError(
      "USAGE",
      `${folder} is not a folder, so it has no git commit to name the sweep by.`,
      {
        hint: "give {git_sha:<folder>} the path of a git checkout (relative to the sweep file, or to the current folder for --name)",
      },
    );
  }
  try {
    const { stdout } = await run("git", ["-C", folder, "rev-parse", "--short", "HEAD"], {
      timeout: 30_000,
      // Only the checkout decides: a GIT_DIR in bench's environment would point git elsewhere.
      env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined },
    });
    const sha = stdout.trim();
    if (!/^[0-9a-f]{4,64}$/.test(sha)) throw new Error(`git printed ${JSON.stringify(sha)}`);
    return sha;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new BenchError("USAGE", "git is not installed, so {git_sha:...} cannot be read.", {
        hint: "install git, or take {git_sha:...} out of the sweep name",
        cause: error,
      });
    }
    const said = String((error as { stderr?: unknown }).stderr ?? (error as Error).message ?? "")
      .trim()
      .split("\n")[0];
    throw new BenchError("USAGE", `${folder} is not a git checkout with a commit (git: ${said}).`, {
      hint: "point {git_sha:<folder>} at a cloned repository, e.g. {git_sha:../my-agent}",
      cause: error,
    });
  }
};
