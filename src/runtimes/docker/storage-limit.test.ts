// The fallback for storage drivers that cannot cap a container's size. The real engine here runs vfs
// (see docker-runtime-limits.test.ts); overlay2 without pquota cannot run here, so its refusal, word
// for word as Docker gives it, comes from a stand-in for the create.

import { describe, expect, it } from "vitest";
import type { ContainerCreateOptions, DockerClient } from "./docker-client.js";
import { dockerError } from "./docker-errors.js";
import {
  DEFAULT_DISK_LIMIT_BYTES,
  DISK_LIMIT_ENV,
  diskLimitFromEnv,
  isStorageOptRefusal,
  StorageLimit,
} from "./storage-limit.js";

const OVERLAY_REFUSAL = "--storage-opt is supported only for overlay over xfs with 'pquota' mount option";

function refused(message: string) {
  return dockerError(
    "create a container from x",
    undefined,
    Object.assign(new Error(message), { statusCode: 500, json: { message } }),
  );
}

const engine = { storageDriver: async () => "overlay2" } as Pick<
  DockerClient,
  "storageDriver"
> as DockerClient;

describe("diskLimitFromEnv", () => {
  it("reads BENCH_MAX_CONTAINER_DISK_BYTES, defaulting to 20 GiB, and refuses nonsense naming the variable", () => {
    expect(diskLimitFromEnv({})).toBe(DEFAULT_DISK_LIMIT_BYTES);
    expect(DEFAULT_DISK_LIMIT_BYTES).toBe(20 * 1024 ** 3);
    expect(diskLimitFromEnv({ [DISK_LIMIT_ENV]: "1000000" })).toBe(1_000_000);
    expect(() => diskLimitFromEnv({ [DISK_LIMIT_ENV]: "20G" })).toThrow(
      /BENCH_MAX_CONTAINER_DISK_BYTES must be/,
    );
  });
});

describe("isStorageOptRefusal", () => {
  it("recognises the drivers' refusals and nothing else", () => {
    expect(isStorageOptRefusal(refused(OVERLAY_REFUSAL))).toBe(true);
    expect(isStorageOptRefusal(refused("Filesystem does not support, or has not enabled quotas"))).toBe(true);
    expect(isStorageOptRefusal(refused("No such image: x"))).toBe(false);
  });
});

describe("StorageLimit", () => {
  it("asks for the size where the driver takes it", async () => {
    const seen: ContainerCreateOptions[] = [];
    const limit = new StorageLimit(engine, 5_000_000);
    const { bound } = await limit.create({ Image: "x", HostConfig: { Memory: 1 } }, async (options) =>
      seen.push(options),
    );
    expect(bound).toEqual({ kind: "enforced" });
    expect(seen[0]?.HostConfig).toEqual({ Memory: 1, StorageOpt: { size: "5000000" } });
  });

  it("creates without the size where the driver refuses it, asks only once, and says the disk is watched", async () => {
    const seen: ContainerCreateOptions[] = [];
    const limit = new StorageLimit(engine, 5_000_000);
    const make = async (options: ContainerCreateOptions) => {
      seen.push(options);
      if (options.HostConfig?.StorageOpt !== undefined) throw refused(OVERLAY_REFUSAL);
      return "id";
    };
    const first = await limit.create({ Image: "x", HostConfig: {} }, make);
    const second = await limit.create({ Image: "x", HostConfig: {} }, make);
    expect(seen.map((o) => o.HostConfig?.StorageOpt)).toEqual([{ size: "5000000" }, undefined, undefined]);
    expect(first).toEqual(second);
    expect(first.bound).toEqual({
      kind: "watched",
      note:
        `the overlay2 storage driver cannot limit a container's writable layer (Docker: "${OVERLAY_REFUSAL}"); ` +
        "its disk use is watched instead, and the agent is stopped past 4.8 MiB (BENCH_MAX_CONTAINER_DISK_BYTES)",
    });
  });

  it("rethrows any other failure", async () => {
    const limit = new StorageLimit(engine, 5_000_000);
    await expect(
      limit.create({ Image: "x" }, async () => Promise.reject(refused("No such image: x"))),
    ).rejects.toThrow(/No such image/);
  });
});
