// Builds an MLE-bench agent folder's Dockerfile into the image its runs use: the folder holding the
// Dockerfile is the build context, MLE-bench's build arguments are given (SUBMISSION_DIR, LOGS_DIR,
// CODE_DIR, AGENT_DIR), and nothing is ever pulled: every FROM image must be on this machine. The
// image is tagged by a fingerprint of the folder's content (config/mlebench-agent-folder.ts), so an
// unchanged folder is built once and a changed one gets a new image.
//
// One addition to the agent's Dockerfile, standing in for the reference's entrypoint (which runs as
// root and makes /home writable for every user): a last step that opens $AGENT_DIR and the contract's
// folders to the non-root user bench runs agents as. Exec form, so an image's SHELL cannot change it.

import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pack } from "tar-stream";
import type { LoadedAgent } from "../../config/agent-schema.js";
import type { AgentImageBuild } from "../../config/mlebench-agent-folder.js";
import { MLEBENCH_BUILD_ARGS } from "../../config/mlebench-agent-folder.js";
import { BenchError } from "../../errors.js";
import { type DockerClient, DockerodeClient } from "./docker-client.js";

export const AGENT_FINGERPRINT_LABEL = "bench.agent-fingerprint";

/** The context's total size bench sends to the engine, at most. */
const MAX_CONTEXT_BYTES = 2 * 1024 ** 3;

const OPEN_HOME_STEP = [
  "",
  "# Added by bench (not in the agent's folder): the reference's entrypoint makes /home writable for all users.",
  "USER root",
  `RUN ["/bin/sh", "-c", "chmod -R a+rwX ${Object.values(MLEBENCH_BUILD_ARGS).join(" ")} 2>/dev/null; true"]`,
  "",
].join("\n");

/** The Dockerfile bench builds: the agent's own, then the step above. */
export function benchDockerfile(original: string): string {
  return `${original.replace(/\s*$/, "")}\n${OPEN_HOME_STEP}`;
}

/** A tar of the build context, with the Dockerfile replaced by benchDockerfile() of it. */
export function contextArchive(build: Pick<AgentImageBuild, "contextDir" | "dockerfile">): Readable {
  const archive = pack();
  let total = 0;
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = prefix === "" ? name : `${prefix}/${name}`;
      const info = lstatSync(full);
      const header = { name: rel, mode: info.mode & 0o7777, mtime: info.mtime, uid: 0, gid: 0 };
      if (info.isDirectory()) {
        archive.entry({ ...header, type: "directory" });
        walk(full, rel);
      } else if (info.isSymbolicLink()) {
        archive.entry({ ...header, type: "symlink", linkname: readlinkSync(full) });
      } else if (info.isFile()) {
        total += info.size;
        if (total > MAX_CONTEXT_BYTES) {
          throw new BenchError(
            "CONFIG_INVALID",
            `the agent folder ${build.contextDir} holds more than 2 GiB.`,
            {
              hint: "keep data and checkpoints out of the agent's folder (the build context); mount or download them instead",
            },
          );
        }
        const content =
          rel === build.dockerfile ? benchDockerfile(readFileSync(full, "utf8")) : readFileSync(full);
        archive.entry(header, content);
      }
    }
  };
  walk(build.contextDir, "");
  archive.finalize();
  return archive as unknown as Readable;
}

/**
 * The images a Dockerfile starts FROM, without its own stages (`FROM base AS build` ... `FROM build`),
 * `scratch`, or references the build arguments decide.
 */
export function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of dockerfile.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    const image = match[1]!;
    if (!stages.has(image.toLowerCase()) && image !== "scratch" && !image.includes("$")) images.push(image);
    if (match[2] !== undefined) stages.add(match[2].toLowerCase());
  }
  return images;
}

export interface BuildAgentImagesOptions {
  client?: DockerClient;
  onNotice?: (message: string) => void;
}

/**
 * Builds the image of every folder agent whose image is not there yet, and points the agent at it.
 * The final tag adds the base images' ids to the folder's fingerprint: a rebuilt base (a new
 * mlebench-env) makes a new agent image too.
 */
export async function buildAgentImages(
  agents: readonly LoadedAgent[],
  options: BuildAgentImagesOptions = {},
): Promise<void> {
  const client = options.client ?? new DockerodeClient();
  const built = new Map<string, string>();
  for (const agent of agents) {
    const build = agent.build;
    if (build === undefined) continue;
    let tag = built.get(build.fingerprint);
    if (tag === undefined) {
      tag = await buildOne(client, agent, build, options);
      built.set(build.fingerprint, tag);
    }
    agent.config.image = tag;
  }
}

async function buildOne(
  client: DockerClient,
  agent: LoadedAgent,
  build: AgentImageBuild,
  options: BuildAgentImagesOptions,
): Promise<string> {
  const dockerfilePath = path.join(build.contextDir, build.dockerfile);
  // The engine would try to pull a missing base image; bench refuses before it can.
  const bases = baseImages(readFileSync(dockerfilePath, "utf8"));
  const ids: string[] = [];
  const missing: string[] = [];
  for (const base of bases) {
    const id = await client.imageId(base);
    if (id === null) missing.push(base);
    else ids.push(id);
  }
  if (missing.length > 0) {
    throw new BenchError(
      "CONFIG_INVALID",
      `the image of ${agent.path} cannot be built: ${dockerfilePath} starts FROM ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not on this machine.`,
      {
        hint: `bench never pulls: build or import ${missing.length === 1 ? "it" : "them"} first (MLE-bench's base: docker build -t mlebench-env environment/), or run an existing image with --image TAG`,
      },
    );
  }
  const digest = createHash("sha256")
    .update(`${build.fingerprint}\n${ids.join("\n")}`)
    .digest("hex");
  const tag = `${build.tag.slice(0, build.tag.lastIndexOf(":"))}:${digest.slice(0, 16)}`;
  if (await client.hasImage(tag)) return tag;
  options.onNotice?.(`building ${tag} for ${agent.path} from ${dockerfilePath}`);
  const started = Date.now();
  try {
    await client.buildImage(contextArchive(build), {
      tag,
      dockerfile: build.dockerfile,
      buildArgs: build.buildArgs,
      labels: { [AGENT_FINGERPRINT_LABEL]: build.fingerprint, "bench.managed-image": "true" },
    });
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    throw new BenchError(
      "CONFIG_INVALID",
      `the image of ${agent.path} could not be built from ${dockerfilePath}: ${error.message}`,
      {
        hint: "fix the Dockerfile (`docker build` of that folder shows the same error), or run an existing image with --image TAG",
        cause: error,
      },
    );
  }
  options.onNotice?.(`built ${tag} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tag;
}
