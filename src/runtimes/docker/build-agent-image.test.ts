import type { Readable } from "node:stream";
import { extract } from "tar-stream";
import { describe, expect, it } from "vitest";
import { loadAgentFolder } from "../../config/mlebench-agent-folder.js";
import { writeProbeAgents } from "../../config/test-support/mlebench-agent-fixture.js";
import { BenchError } from "../../errors.js";
import { baseImages, benchDockerfile, buildAgentImages, contextArchive } from "./build-agent-image.js";
import type { DockerClient, ImageBuildOptions } from "./docker-client.js";

async function entries(stream: Readable): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const reader = extract();
  reader.on("entry", (header, body, next) => {
    const chunks: Buffer[] = [];
    body.on("data", (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    body.on("end", () => {
      out.set(header.name, Buffer.concat(chunks).toString("utf8"));
      next();
    });
  });
  const done = new Promise<void>((resolve) => reader.on("finish", () => resolve()));
  stream.pipe(reader);
  await done;
  return out;
}

/** A client that knows some images and records builds: enough for the build logic, no engine. */
function fakeClient(present: string[]) {
  const builds: ImageBuildOptions[] = [];
  const client = {
    hasImage: async (image: string) => present.includes(image),
    imageId: async (image: string) => (present.includes(image) ? `sha256:${image}` : null),
    buildImage: async (context: Readable, options: ImageBuildOptions) => {
      await entries(context);
      builds.push(options);
      present.push(options.tag);
      return [];
    },
  } as unknown as DockerClient;
  return { client, builds };
}

describe("building MLE-bench agent folders", () => {
  it("finds the base images, not the Dockerfile's own stages", () => {
    expect(baseImages("FROM mlebench-env\nRUN x\n")).toEqual(["mlebench-env"]);
    expect(
      baseImages(
        "ARG BASE=x\nFROM --platform=linux/amd64 py:3 AS build\nFROM $BASE\nFROM build\nFROM scratch\n",
      ),
    ).toEqual(["py:3"]);
  });

  it("sends the folder as context with bench's step after the agent's Dockerfile", async () => {
    const fixture = writeProbeAgents("a,1");
    const agent = loadAgentFolder(fixture.argparseRef);
    const files = await entries(contextArchive(agent.build!));
    expect([...files.keys()].sort()).toEqual(["Dockerfile", "config.yaml", "start.sh"]);
    expect(files.get("Dockerfile")).toMatch(
      /^FROM bench-busybox:test\n[\s\S]*WORKDIR \$\{AGENT_DIR}\n\n# Added by bench/,
    );
    expect(files.get("Dockerfile")).toContain('RUN ["/bin/sh", "-c", "chmod -R a+rwX');
    expect(benchDockerfile("FROM x\n\n\n").startsWith("FROM x\n\n# Added by bench")).toBe(true);
  });

  it("builds once per content with MLE-bench's build arguments, and never asks for a missing base", async () => {
    const fixture = writeProbeAgents("a,1");
    const agents = [loadAgentFolder(fixture.argparseRef), loadAgentFolder(fixture.omegaconfRef)];
    const { client, builds } = fakeClient(["bench-busybox:test"]);
    await buildAgentImages(agents, { client });
    await buildAgentImages(agents, { client });
    expect(builds).toHaveLength(1);
    // Both ids run the one image built; its tag also depends on the base image's id.
    expect(agents[1]!.config.image).toBe(agents[0]!.config.image);
    expect(agents[0]!.config.image).toMatch(/^bench-agent-probe-agent:[0-9a-f]{16}$/);
    expect(agents[0]!.config.image).not.toBe(agents[0]!.build!.tag);
    expect(builds[0]).toMatchObject({
      tag: agents[0]!.config.image,
      dockerfile: "Dockerfile",
      buildArgs: { SUBMISSION_DIR: "/home/submission", AGENT_DIR: "/home/agent" },
    });

    const bare = fakeClient([]);
    const error = await buildAgentImages(agents, { client: bare.client }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).message).toMatch(
      /starts FROM bench-busybox:test, which is not on this machine/,
    );
    expect((error as BenchError).hint).toMatch(/never pulls/);
    expect(bare.builds).toHaveLength(0);
  });
});
