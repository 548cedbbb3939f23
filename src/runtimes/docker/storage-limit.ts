// How much disk an agent's container may fill. Its writable layer (all it writes outside the mounts:
// /tmp, /home/code, caches, unpacked data) lives on the engine's disk, shared by every run and by bench.
// Where the storage driver can enforce a size (overlay2 on xfs mounted with pquota, btrfs, zfs,
// devicemapper, vfs on xfs with pquota) the container is created with HostConfig.StorageOpt.size and
// the kernel refuses the agent's writes past it. Elsewhere (vfs or overlay2 on ext4, the common case)
// Docker refuses the option at create: bench learns that from the first refusal, creates without it from
// then on, and watches the layer's size instead (disk-watch.ts), stopping the agent past the limit.
//
// The limit is BENCH_MAX_CONTAINER_DISK_BYTES, 20 GiB by default: the folders bench keeps (5 GiB by
// default, see artifact-limits.ts) plus room for what an agent unpacks, caches and throws away, while
// a few concurrent runs still fit an ordinary disk.

import { positiveIntegerFromEnv } from "../../config/env-number.js";
import { BenchError } from "../../errors.js";
import { diskLimitOption } from "./container-spec.js";
import type { ContainerCreateOptions, DockerClient } from "./docker-client.js";
import { dockerReason } from "./docker-errors.js";
import { formatBytes } from "./format-bytes.js";

export const DISK_LIMIT_ENV = "BENCH_MAX_CONTAINER_DISK_BYTES";
export const DEFAULT_DISK_LIMIT_BYTES = 20 * 1024 ** 3;

/** The disk limit in effect: BENCH_MAX_CONTAINER_DISK_BYTES, or the default. */
export function diskLimitFromEnv(env: Record<string, string | undefined> = process.env): number {
  return positiveIntegerFromEnv(env, DISK_LIMIT_ENV, DEFAULT_DISK_LIMIT_BYTES, {
    unit: "bytes",
    defaultText: `${DEFAULT_DISK_LIMIT_BYTES} (20 GiB)`,
  });
}

/**
 * Whether Docker refused a create because the storage driver cannot limit a container's size:
 * overlay2 without pquota ("--storage-opt is supported only for overlay over xfs with 'pquota' mount
 * option"), vfs without quotas ("Filesystem does not support, or has not enabled quotas"), and the like.
 */
export function isStorageOptRefusal(error: unknown): boolean {
  const cause = error instanceof BenchError ? error.cause : error;
  return /storage-opt|storage opt|quota/i.test(dockerReason(cause));
}

/** How one container's disk is bounded: by the driver, or by bench watching it (with the note saying so). */
export type DiskBound = { kind: "enforced" } | { kind: "watched"; note: string };

export class StorageLimit {
  readonly limitBytes: number;
  readonly #client: DockerClient;
  /** Unknown until the first create; then whether the driver took the option. */
  #enforceable: boolean | undefined;
  #refusal = "";
  #driver: Promise<string> | undefined;

  constructor(client: DockerClient, limitBytes: number) {
    if (!(Number.isSafeInteger(limitBytes) && limitBytes > 0)) {
      throw new TypeError(
        `the disk limit must be a positive whole number of bytes, got ${String(limitBytes)}`,
      );
    }
    this.#client = client;
    this.limitBytes = limitBytes;
  }

  /**
   * Creates a container through `make` with the disk limit where the driver enforces one; where it
   * refuses, creates it without, and says that its disk must be watched.
   */
  async create<T>(
    options: ContainerCreateOptions,
    make: (options: ContainerCreateOptions) => Promise<T>,
  ): Promise<{ created: T; bound: DiskBound }> {
    if (this.#enforceable !== false) {
      const limited = {
        ...options,
        HostConfig: { ...options.HostConfig, ...diskLimitOption(this.limitBytes) },
      };
      try {
        const created = await make(limited);
        this.#enforceable = true;
        return { created, bound: { kind: "enforced" } };
      } catch (error) {
        if (!isStorageOptRefusal(error)) throw error;
        this.#enforceable = false;
        this.#refusal = dockerReason(error instanceof BenchError ? error.cause : error);
      }
    }
    const created = await make(options);
    return { created, bound: { kind: "watched", note: await this.#watchedNote() } };
  }

  async #watchedNote(): Promise<string> {
    // Asked once: the driver only names the engine's setup in the note, it decides nothing.
    this.#driver ??= this.#client.storageDriver().catch(() => "engine's");
    const driver = await this.#driver;
    return (
      `the ${driver} storage driver cannot limit a container's writable layer (Docker: "${this.#refusal}"); ` +
      `its disk use is watched instead, and the agent is stopped past ${formatBytes(this.limitBytes)} (${DISK_LIMIT_ENV})`
    );
  }
}
