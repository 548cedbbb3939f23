// The one adapter between bench and the Docker engine. Everything bench asks of Docker goes through
// `DockerClient`, so the runtime reads as a story (create, start, wait, copy out, remove) and the
// engine's quirks (HTTP statuses that mean "already done", multiplexed log streams) stay here.
// Each method has the same shape: call Docker; on failure, wrap in a BenchError("RUNTIME") naming the
// operation and the container; rethrow.

import type { Readable, Writable } from "node:stream";
import Docker from "dockerode";
import { dockerError, dockerReason, dockerStatus } from "./docker-errors.js";
import { LogDemuxer } from "./log-demuxer.js";

export type ContainerCreateOptions = Docker.ContainerCreateOptions;

export interface ContainerStatus {
  running: boolean;
  /** Null while the container has not exited. */
  exitCode: number | null;
  /** The kernel's OOM killer killed a process of this container (cgroup memory limit). */
  oomKilled: boolean;
  /** The engine's own error for this container ("" when none), e.g. why it could not start. */
  error: string;
}

export interface ListedContainer {
  id: string;
  labels: Readonly<Record<string, string>>;
  /** "created", "running", "exited", ... */
  state: string;
}

export interface ImageBuildOptions {
  tag: string;
  /** The Dockerfile's path inside the context. */
  dockerfile: string;
  buildArgs: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
}

export interface LogFollower {
  /** Settles when the container's output ends (it exited) or the follower is closed. */
  done: Promise<void>;
  close(): void;
}

export interface DockerClient {
  ping(): Promise<void>;
  /** Whether the image is present locally (`docker image inspect`); bench never pulls. */
  hasImage(image: string): Promise<boolean>;
  /** The image's content id (sha256:...), or null when it is not present. */
  imageId(image: string): Promise<string | null>;
  /**
   * `docker build` from a tar of the build context, tagged `options.tag`; never pulls (a FROM image
   * must be present). Resolves with the build's output lines; throws when the build fails.
   */
  buildImage(context: Readable, options: ImageBuildOptions): Promise<string[]>;
  /** `docker commit`: saves the container's filesystem as the image `repo:tag`. */
  commitContainer(containerId: string, repo: string, tag: string): Promise<void>;
  createContainer(options: ContainerCreateOptions): Promise<string>;
  /** Extracts a tar archive into the container's filesystem at `path` (works before start). */
  putArchive(containerId: string, path: string, tar: Buffer): Promise<void>;
  startContainer(containerId: string): Promise<void>;
  /** Waits until the container is not running and returns its exit status. */
  waitContainer(containerId: string): Promise<number>;
  /** `docker stop`: SIGTERM, then SIGKILL after `timeoutSeconds`. A stopped container is left as is. */
  stopContainer(containerId: string, timeoutSeconds: number): Promise<void>;
  /** Sends a signal; a container that is not running is left as is. */
  killContainer(containerId: string, signal: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Force-removes the container and its anonymous volumes; one already gone is fine. */
  removeContainer(containerId: string): Promise<void>;
  /** Streams stdout and stderr, from the start, into `sink` until the container's output ends. */
  followLogs(containerId: string, sink: Writable): Promise<LogFollower>;
  /** A tar stream of `path` in the container (running or stopped), or null when the path does not exist. */
  getArchive(containerId: string, path: string): Promise<Readable | null>;
  /** Containers (running or not) carrying every given label. */
  listContainers(labels: Readonly<Record<string, string>>): Promise<ListedContainer[]>;
  inspectContainer(containerId: string): Promise<ContainerStatus>;
  /**
   * Bytes the container has written into its own filesystem, its writable layer (`SizeRw`). The
   * engine measures it on each call, walking the layer on drivers such as vfs: call it sparingly.
   */
  containerDiskUsage(containerId: string): Promise<number>;
  /** The engine's storage driver ("overlay2", "vfs", ...), from `docker info`. */
  storageDriver(): Promise<string>;
}

export class DockerodeClient implements DockerClient {
  readonly #docker: Docker;

  /** Without options, dockerode honours DOCKER_HOST and falls back to /var/run/docker.sock. */
  constructor(docker: Docker = new Docker()) {
    this.#docker = docker;
  }

  async ping(): Promise<void> {
    try {
      await this.#docker.ping();
    } catch (error) {
      throw dockerError("be reached", undefined, error);
    }
  }

  async hasImage(image: string): Promise<boolean> {
    try {
      await this.#docker.getImage(image).inspect();
      return true;
    } catch (error) {
      if (dockerStatus(error) === 404) return false;
      throw dockerError(`inspect the image ${image}`, undefined, error);
    }
  }

  async imageId(image: string): Promise<string | null> {
    try {
      return (await this.#docker.getImage(image).inspect()).Id;
    } catch (error) {
      if (dockerStatus(error) === 404) return null;
      throw dockerError(`inspect the image ${image}`, undefined, error);
    }
  }

  async buildImage(context: Readable, options: ImageBuildOptions): Promise<string[]> {
    const lines: string[] = [];
    let failure: string | undefined;
    try {
      const stream = await this.#docker.buildImage(context, {
        t: options.tag,
        dockerfile: options.dockerfile,
        buildargs: { ...options.buildArgs },
        labels: { ...options.labels },
        rm: true,
        forcerm: true,
      } as Docker.ImageBuildOptions);
      await new Promise<void>((resolve, reject) => {
        this.#docker.modem.followProgress(
          stream,
          (error: Error | null) => (error ? reject(error) : resolve()),
          (event: { stream?: string; error?: string; errorDetail?: { message?: string } }) => {
            if (typeof event.stream === "string") lines.push(...event.stream.split("\n").filter(Boolean));
            const message = event.errorDetail?.message ?? event.error;
            if (typeof message === "string") failure = message;
          },
        );
      });
    } catch (error) {
      throw dockerError(`build the image ${options.tag}`, undefined, error);
    }
    if (failure !== undefined) {
      throw dockerError(`build the image ${options.tag}`, undefined, new Error(failure));
    }
    return lines;
  }

  async commitContainer(containerId: string, repo: string, tag: string): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).commit({ repo, tag });
    } catch (error) {
      throw dockerError(`commit ${repo}:${tag} from`, containerId, error);
    }
  }

  async createContainer(options: ContainerCreateOptions): Promise<string> {
    try {
      const container = await this.#docker.createContainer(options);
      return container.id;
    } catch (error) {
      throw dockerError(`create a container from ${options.Image ?? "(no image)"}`, undefined, error);
    }
  }

  async putArchive(containerId: string, path: string, tar: Buffer): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).putArchive(tar, { path });
    } catch (error) {
      throw dockerError(`copy files to ${path} in`, containerId, error);
    }
  }

  async startContainer(containerId: string): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).start();
    } catch (error) {
      throw dockerError("start", containerId, error);
    }
  }

  async waitContainer(containerId: string): Promise<number> {
    try {
      const answer = (await this.#docker.getContainer(containerId).wait()) as { StatusCode?: unknown };
      return typeof answer.StatusCode === "number" ? answer.StatusCode : -1;
    } catch (error) {
      throw dockerError("wait for", containerId, error);
    }
  }

  async stopContainer(containerId: string, timeoutSeconds: number): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).stop({ t: Math.max(0, Math.ceil(timeoutSeconds)) });
    } catch (error) {
      if (dockerStatus(error) === 304) return; // already stopped
      throw dockerError("stop", containerId, error);
    }
  }

  async killContainer(containerId: string, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).kill({ signal });
    } catch (error) {
      if (dockerStatus(error) === 409) return; // not running (any more)
      throw dockerError(`send ${signal} to`, containerId, error);
    }
  }

  async removeContainer(containerId: string): Promise<void> {
    try {
      await this.#docker.getContainer(containerId).remove({ force: true, v: true });
    } catch (error) {
      const status = dockerStatus(error);
      if (status === 404) return; // already gone
      if (status === 409 && /already in progress/i.test(String((error as Error).message))) return;
      throw dockerError("remove", containerId, error);
    }
  }

  async followLogs(containerId: string, sink: Writable): Promise<LogFollower> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.#docker
        .getContainer(containerId)
        .logs({ follow: true, stdout: true, stderr: true });
    } catch (error) {
      throw dockerError("read the output of", containerId, error);
    }
    const readable = stream as Readable;
    // Without a TTY, Docker interleaves stdout and stderr in frames; both go to the same sink, through
    // bench's own demuxer (linear, with backpressure; see log-demuxer.ts).
    const demuxer = new LogDemuxer(sink);
    readable.pipe(demuxer);
    // Done once the demuxer has handed the sink its last bytes (not merely when Docker's stream ends).
    const done = new Promise<void>((resolve) => {
      demuxer.once("finish", resolve);
      readable.once("close", () => {
        if (!readable.readableEnded) resolve();
      });
      // A broken log connection loses log lines, not the run: the exit status comes from wait().
      readable.once("error", () => resolve());
    });
    return { done, close: () => readable.destroy() };
  }

  async getArchive(containerId: string, path: string): Promise<Readable | null> {
    try {
      return (await this.#docker.getContainer(containerId).getArchive({ path })) as Readable;
    } catch (error) {
      // The engine answers 404 both for a missing path and a missing container; only the first is "nothing to copy".
      if (dockerStatus(error) === 404 && /could not find the file/i.test(dockerReason(error))) return null;
      throw dockerError(`copy ${path} out of`, containerId, error);
    }
  }

  async listContainers(labels: Readonly<Record<string, string>>): Promise<ListedContainer[]> {
    try {
      const label = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
      const found = await this.#docker.listContainers({ all: true, filters: { label } });
      return found.map((c) => ({ id: c.Id, labels: c.Labels ?? {}, state: c.State }));
    } catch (error) {
      throw dockerError("list containers", undefined, error);
    }
  }

  async inspectContainer(containerId: string): Promise<ContainerStatus> {
    try {
      const info = await this.#docker.getContainer(containerId).inspect();
      const state = info.State;
      return {
        running: state.Running,
        exitCode: state.Running ? null : state.ExitCode,
        oomKilled: state.OOMKilled,
        error: state.Error ?? "",
      };
    } catch (error) {
      throw dockerError("inspect", containerId, error);
    }
  }

  async containerDiskUsage(containerId: string): Promise<number> {
    try {
      // The engine takes `size` as a query parameter; the typings do not list it.
      const options = { size: true } as Docker.ContainerInspectOptions;
      const info = (await this.#docker.getContainer(containerId).inspect(options)) as { SizeRw?: unknown };
      return typeof info.SizeRw === "number" ? info.SizeRw : 0;
    } catch (error) {
      throw dockerError("measure the disk use of", containerId, error);
    }
  }

  async storageDriver(): Promise<string> {
    try {
      const info = (await this.#docker.info()) as { Driver?: unknown };
      return typeof info.Driver === "string" && info.Driver !== "" ? info.Driver : "unknown";
    } catch (error) {
      throw dockerError("report its storage driver (docker info)", undefined, error);
    }
  }
}
