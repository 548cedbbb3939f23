// After the agent has stopped: copies /home/submission, /home/logs and /home/code out of its container
// into the run folder, through `getArchive` and bench's own hostile-tar extraction (never a bind mount,
// so nothing the agent made, links included, ever lands on the host unchecked).
//
// One archive request per folder, the submission first, each within its own budget
// (RunSpec.limits.artifacts). An earlier version asked for one archive of /home with one shared budget,
// to spare the engine two requests; but tar order puts code/ and logs/ before submission/, so a large
// checkpoint or many log files spent the budget and a valid submission was lost. Three requests cost a
// few tens of milliseconds more, and a folder's archive can be abandoned as soon as its copy is done.
// The folders are the agent's own (the data and score mounts live under /bench, see container-spec.ts),
// so no archive holds a mount; a folder the agent replaced by a link arrives as that link, and is
// reported, never followed.

import { lstat, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ArtifactLimits } from "../artifact-limits.js";
import type { RunDirLayout } from "../run-dir.js";
import { CONTAINER_PATHS } from "../runtime.js";
import type { AgentContainer } from "./agent-container.js";
import { folderNotes } from "./artifact-notes.js";
import { dockerError } from "./docker-errors.js";
import { type ExtractReport, extractTarSafely } from "./extract-archive.js";
import { fetchSingleFile } from "./fetch-single-file.js";

export interface CopiedArtifacts {
  /** Lines for the run's record and agent.log: what was not copied and why. */
  notes: string[];
  /** Why submission.csv itself was not copied (a link, a device, over the budget), if it existed. */
  submissionProblem: string | null;
}

/** In this order: the submission is what the run is graded on, so nothing else may come before it. */
const FOLDERS = ["submission", "logs", "code"] as const;
const SUBMISSION_FILE = "submission.csv";

export async function copyArtifacts(
  container: AgentContainer,
  layout: RunDirLayout,
  limits: ArtifactLimits,
): Promise<CopiedArtifacts> {
  const copied: CopiedArtifacts = { notes: [], submissionProblem: null };
  for (const name of FOLDERS) {
    const containerPath = CONTAINER_PATHS[name];
    const budget = limits[name];
    // Extract into a fresh folder of the run, then move it into place: nothing of an earlier attempt
    // may mix with this run's files, and a copy cut short by the engine leaves no half-copied folder.
    const staging = path.join(layout.root, `.copy-${name}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      const tar = await container.archive(containerPath);
      if (tar === null) {
        copied.notes.push(`${containerPath} was not in the container any more; nothing was copied from it`);
      } else {
        let report: ExtractReport;
        try {
          report = await extractTarSafely(tar, { destDir: staging, rootName: name, budget });
        } catch (error) {
          tar.destroy();
          // A broken stream (the engine went away) or a full host disk.
          throw dockerError(`copy ${containerPath} out of`, container.id, error);
        }
        const problemEntry = name === "submission" ? `${name}/${SUBMISSION_FILE}` : undefined;
        const found = folderNotes(containerPath, name, budget, report, problemEntry);
        copied.notes.push(...found.notes);
        if (found.problem !== null && !(await isFile(path.join(staging, SUBMISSION_FILE)))) {
          copied.submissionProblem = found.problem;
          // Crowded out (not refused): ask for the file on its own, within the folder's byte budget.
          const seen = report.skipped.find((e) => e.path === problemEntry);
          const crowdedOut = seen === undefined || (seen.kind === "over-bytes" && seen.size <= budget.bytes);
          if (crowdedOut && report.root?.type === "directory") {
            const alone = await fetchSubmissionAlone(container, staging, budget.bytes);
            if (alone === null) {
              copied.submissionProblem = null;
              copied.notes.push(
                `${problemEntry}: copied on its own, apart from the rest of ${containerPath}`,
              );
            } else {
              copied.notes.push(`${problemEntry}: asked for on its own, not copied: ${alone}`);
            }
          }
        }
      }
      await rm(layout[name], { recursive: true, force: true });
      await rename(staging, layout[name]);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return copied;
}

/** Copies /home/submission/submission.csv alone into `staging`; null when copied, else why not. */
async function fetchSubmissionAlone(
  container: AgentContainer,
  staging: string,
  maxBytes: number,
): Promise<string | null> {
  const file = path.posix.join(CONTAINER_PATHS.submission, SUBMISSION_FILE);
  const tar = await container.archive(file);
  if (tar === null) return `${file} was not in the container any more`;
  try {
    const outcome = await fetchSingleFile(tar, {
      name: SUBMISSION_FILE,
      dest: path.join(staging, SUBMISSION_FILE),
      maxBytes,
    });
    return outcome.copied ? null : outcome.reason;
  } catch (error) {
    throw dockerError(`copy ${file} out of`, container.id, error);
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => null))?.isFile() ?? false;
}
