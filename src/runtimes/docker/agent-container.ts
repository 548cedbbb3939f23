// One agent's container, from creation to removal. The lifecycle is in the methods: `create` returns a
// container whose writable folders are in place (or nothing: a half-made container is removed before
// the error is rethrown), `start` begins waiting for its exit, `stop` is the polite-then-firm stop
// (SIGTERM, SIGKILL after the grace period), `remove` always works and is safe twice, and
// `await using` removes it at the end of a scope.

import type { Readable } from "node:stream";
import type { AgentUser } from "./container-spec.js";
import { CONTRACT_LINKS, WRITABLE_PATHS } from "./container-spec.js";
import type { ContainerCreateOptions, ContainerStatus, DockerClient } from "./docker-client.js";
import { writableDirsArchive } from "./writable-dirs.js";

export class AgentContainer implements AsyncDisposable {
  readonly id: string;
  readonly #client: DockerClient;
  #exited: Promise<number> | undefined;
  #stopping: Promise<void> | undefined;
  #removing: Promise<void> | undefined;

  private constructor(client: DockerClient, id: string) {
    this.#client = client;
    this.id = id;
  }

  /**
   * Creates the container and puts the agent's writable folders, owned by `user`, in its filesystem
   * (unless `foldersReady`: the image already has them, see prepared-image.ts).
   */
  static async create(
    client: DockerClient,
    options: ContainerCreateOptions,
    user: AgentUser,
    { foldersReady = false }: { foldersReady?: boolean } = {},
  ): Promise<AgentContainer> {
    const container = new AgentContainer(client, await client.createContainer(options));
    if (foldersReady) return container;
    const tar = await writableDirsArchive(WRITABLE_PATHS, user, CONTRACT_LINKS);
    try {
      await client.putArchive(container.id, "/", tar);
    } catch (error) {
      await container.remove().catch(() => {});
      throw error;
    }
    return container;
  }

  /** Starts the agent; `exited()` then settles with its exit status. A container that fails to start is removed. */
  async start(): Promise<void> {
    try {
      await this.#client.startContainer(this.id);
    } catch (error) {
      await this.remove().catch(() => {});
      throw error;
    }
    this.#exited = this.#client.waitContainer(this.id);
    // Whoever awaits exited() sees a rejection; this keeps an unobserved one from crashing the process.
    this.#exited.catch(() => {});
  }

  /** The exit status, once the container has stopped running. */
  exited(): Promise<number> {
    if (this.#exited === undefined) throw new Error("AgentContainer.exited() called before start()");
    return this.#exited;
  }

  /** SIGTERM, then SIGKILL if it is still running after `graceMs`. Safe to call twice (one stop). */
  stop(graceMs: number): Promise<void> {
    this.#stopping ??= this.#stop(graceMs);
    return this.#stopping;
  }

  async #stop(graceMs: number): Promise<void> {
    await this.#client.killContainer(this.id, "SIGTERM");
    const exited = (this.#exited ?? Promise.resolve(0)).then(
      () => "exited" as const,
      () => "exited" as const, // the engine failed while waiting: whoever awaits exited() reports it
    );
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"grace over">((resolve) => {
      timer = setTimeout(() => resolve("grace over"), graceMs);
    });
    try {
      if ((await Promise.race([exited, graceOver])) === "grace over") {
        await this.#client.killContainer(this.id, "SIGKILL");
      }
    } finally {
      clearTimeout(timer);
    }
  }

  inspect(): Promise<ContainerStatus> {
    return this.#client.inspectContainer(this.id);
  }

  /** Bytes written into the container's own filesystem (its writable layer); costly on some drivers. */
  diskUsage(): Promise<number> {
    return this.#client.containerDiskUsage(this.id);
  }

  /** A tar of a folder of the (stopped) container, or null when it no longer exists. */
  archive(path: string): Promise<Readable | null> {
    return this.#client.getArchive(this.id, path);
  }

  /** Force-removes the container. Safe to call twice: a second call waits for the first, or retries it if it failed. */
  remove(): Promise<void> {
    this.#removing ??= this.#client.removeContainer(this.id).catch((error: unknown) => {
      this.#removing = undefined;
      throw error;
    });
    return this.#removing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.remove();
  }
}
