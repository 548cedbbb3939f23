// The agent contract's folders, made once per image instead of once per run. Every run needs
// /home/submission, /home/logs and /home/code owned by the non-root agent user, and the links
// /home/data and /home/score; putting them into each new container costs the engine an archive
// request per run (and so would MLE-bench's /home/instructions.txt and /home/validate_submission.sh).
// Instead bench commits them once into a derived image, `bench-prepared:<id>-u<uid>-v<n>`
// (named after the agent image's content id, so a rebuilt image gets a new one), and runs from it.

import { CONTRACT_FILE_PATHS, INSTRUCTIONS_TEXT, VALIDATE_SCRIPT } from "../agent-contract-files.js";
import type { AgentUser } from "./container-spec.js";
import { CONTRACT_LINKS, WRITABLE_PATHS } from "./container-spec.js";
import type { DockerClient } from "./docker-client.js";
import { LABELS } from "./labels.js";
import { writableDirsArchive } from "./writable-dirs.js";

export const PREPARED_REPO = "bench-prepared";
/** Bump when the folders or links change, so older derived images are not reused. */
const LAYOUT_VERSION = 2;

/** MLE-bench's rules and submission checker, at the reference's paths (agent-contract-files.ts). */
const CONTRACT_FILES = [
  { path: CONTRACT_FILE_PATHS.instructions, content: INSTRUCTIONS_TEXT, mode: 0o644 },
  { path: CONTRACT_FILE_PATHS.validate, content: VALIDATE_SCRIPT, mode: 0o755 },
] as const;

export function preparedTag(imageId: string, user: AgentUser): string {
  return `${imageId.replace(/^sha256:/, "").slice(0, 16)}-u${user.uid}-g${user.gid}-v${LAYOUT_VERSION}`;
}

/**
 * The derived image for `image` (built on first use), or null when `image` is not present.
 * `sessionId` labels the short-lived container used to build it, so a reaper can clean it up.
 */
export async function preparedImage(
  client: DockerClient,
  image: string,
  user: AgentUser,
  sessionId: string,
): Promise<string | null> {
  const id = await client.imageId(image);
  if (id === null) return null;
  const tag = preparedTag(id, user);
  const reference = `${PREPARED_REPO}:${tag}`;
  if (await client.hasImage(reference)) return reference;
  const container = await client.createContainer({
    Image: image,
    Cmd: ["true"],
    Entrypoint: [],
    Labels: { [LABELS.managed]: "true", [LABELS.sessionId]: sessionId },
    HostConfig: { NetworkMode: "none" },
  });
  try {
    await client.putArchive(
      container,
      "/",
      await writableDirsArchive(WRITABLE_PATHS, user, CONTRACT_LINKS, CONTRACT_FILES),
    );
    await client.commitContainer(container, PREPARED_REPO, tag);
  } finally {
    await client.removeContainer(container).catch(() => {});
  }
  return reference;
}
