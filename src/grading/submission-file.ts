// Reads a submission file for grading. Beyond the CSV reader's own refusals (not a regular file, too
// large, malformed), a submission must not lead somewhere else: a path that reaches, through links,
// a file not named .csv, or the competition's answers file itself, is refused before a byte is read,
// so that no message (which quotes the submission's cells) can quote another file's content.

import { type Stats, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Frame } from "./csv/frame.js";
import { readCsvFile } from "./csv/frame.js";
import type { OpenedFile } from "./csv/read-regular-file.js";
import { InvalidSubmission } from "./invalid-submission.js";

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Parses the submission at `path`. `answersPath`, when given, is the file it must not be. Throws
 * InvalidSubmission for a path that leads elsewhere, and the CSV reader's BenchErrors otherwise.
 */
export function readSubmission(path: string, answersPath?: string): Frame {
  const answers = answersPath === undefined ? undefined : statOrUndefined(answersPath);
  const accept = ({ stats, realPath }: OpenedFile): void => {
    // The reference checks the name it was given; bench also checks the name links lead to.
    if (realPath !== resolve(path) && extname(realPath).toLowerCase() !== ".csv") {
      throw new InvalidSubmission(
        `${path}: leads through a link to ${realPath}, which is not a .csv file; bench grades only CSV files.`,
      );
    }
    if (answers !== undefined && stats.dev === answers.dev && stats.ino === answers.ino) {
      throw new InvalidSubmission(
        `${path}: is the competition's private answers file itself (reached through a link or under another name); grade a submission, not the answers.`,
      );
    }
  };
  return readCsvFile(path, { accept });
}
