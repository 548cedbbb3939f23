// The identity of a graded batch (`bench grade --batch FILE.jsonl --db ...`), as an import source: the
// batch file's bytes, the content of every submission it names, the agent and the run group. Grading
// the same batch again writes a new report (its entries carry the time of grading, so the report's own
// hash differs each time); this identity is what stays the same, and recording it makes the second
// grading add no runs. A submission rewritten in place between two gradings is a new batch; the data
// dir is not part of the identity, since a competition's answers do not change between gradings.

import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { importContentHash } from "./content-hash.js";
import type { ImportSource } from "./record-runs.js";

export interface GradedBatch {
  /** The batch JSONL file, as given. */
  file: string;
  /** Its bytes as they were read for grading. */
  bytes: Uint8Array;
  /** Each entry's submission path, in file order (relative paths start at the current folder). */
  submissionPaths: readonly string[];
}

/** sha256 of a regular file's content; what else the path is when it is not one (never opened). */
async function submissionDigest(file: string): Promise<string> {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return "missing";
  // A FIFO or a device would block or never end; the grader refuses them anyway.
  if (!stats.isFile()) return "not a regular file";
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function batchIdentity(
  batch: GradedBatch,
  resolved: { agent: string; runGroup: string },
): Promise<ImportSource> {
  const submissions = createHash("sha256");
  const digests = new Map<string, string>();
  for (const file of batch.submissionPaths) {
    let digest = digests.get(file);
    if (digest === undefined) {
      digest = await submissionDigest(file);
      digests.set(file, digest);
    }
    submissions.update(`${digest}\n`);
  }
  const shaping = {
    kind: "grade-batch",
    agent: resolved.agent,
    runGroup: resolved.runGroup,
    submissions: submissions.digest("hex"),
  };
  return {
    kind: "mlebench",
    path: batch.file,
    contentHash: importContentHash(batch.bytes, shaping),
    options: shaping,
  };
}
