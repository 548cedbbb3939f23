// The agent runs as a non-root user, so its writable folders must be owned by that user before it
// starts. Rather than a root entry wrapper (`sh -c 'mkdir && chown && exec'`, which needs root inside)
// or tmpfs mounts (gone once the container stops, so nothing could be copied out), bench puts a tiny
// tar of empty folders owned by the agent user into the created, not yet started, container: the
// folders then live in the container's own filesystem and survive its exit for `getArchive`.

import { pack } from "tar-stream";
import type { AgentUser } from "./container-spec.js";

/**
 * A tar of empty folders at `paths` (absolute container paths), owned by `user`, mode 0755, and of
 * symbolic links `links` (owned by root, in root-owned /home, so the agent cannot replace them).
 */
export async function writableDirsArchive(
  paths: readonly string[],
  user: AgentUser,
  links: readonly { path: string; target: string }[] = [],
  /** Root-owned files the agent may read (and run, with mode 0755) but not change. */
  files: readonly { path: string; content: string; mode: number }[] = [],
): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve, reject) => {
    archive.once("end", resolve);
    archive.once("error", reject);
  });
  for (const absolute of paths) {
    if (!absolute.startsWith("/") || absolute.split("/").includes("..")) {
      throw new TypeError(`writable paths must be absolute without '..', got ${absolute}`);
    }
    archive.entry({
      name: `${absolute.replace(/^\/+/, "").replace(/\/+$/, "")}/`,
      type: "directory",
      mode: 0o755,
      uid: user.uid,
      gid: user.gid,
      mtime: new Date(),
    });
  }
  for (const link of links) {
    archive.entry({
      name: link.path.replace(/^\/+/, ""),
      type: "symlink",
      linkname: link.target,
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: new Date(),
    });
  }
  for (const file of files) {
    archive.entry(
      {
        name: file.path.replace(/^\/+/, ""),
        type: "file",
        mode: file.mode,
        uid: 0,
        gid: 0,
        mtime: new Date(),
      },
      file.content,
    );
  }
  archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}
