// A full disk is the machine's state, not a bug: bench says which file it could not write, keeps the
// store as it was, and works again once there is room. Real full disks: small tmpfs mounts (root on
// Linux; CI has it, a laptop without it skips with the reason printed).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFullError } from "../errors.js";
import { openStore } from "../store/open-store.js";
import { mountAvailable } from "../test-support/mount-probe.js";
import { bench } from "./test-support/run-bench.js";

const work = mkdtempSync(path.join(tmpdir(), "bench-disk-full-"));
const canMount = mountAvailable(
  work,
  (probe) => ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
  "the full-disk tests",
);
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync("umount", ["-l", m]);
  rmSync(work, { recursive: true, force: true });
});

/** A folder on its own tmpfs of `size` (e.g. "1m"). */
function smallDisk(size: string): string {
  const dir = mkdtempSync(path.join(work, "disk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  mounts.push(dir);
  return dir;
}

async function run(...args: string[]): Promise<{ code: number; said: string }> {
  const result = await bench(...args);
  return { code: result.code, said: result.stderr };
}

/** A results table of `rows` rows over 3 agents and 20 tasks (about 25 bytes a row). */
function table(rows: number): string {
  const file = path.join(work, `table-${rows}.csv`);
  const lines = ["model,task,score"];
  for (let i = 0; i < rows; i++) lines.push(`m${i % 3},t${i % 20},${(i % 997) / 997}`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
const MAP = "agent=model,competition=task,score=score";

describe.skipIf(!canMount)("a full disk", () => {
  it("fails an import with DISK_FULL naming the store, keeps the store as it was, and imports once there is room", async () => {
    const disk = smallDisk("1m");
    const db = path.join(disk, "bench.db");
    expect((await run("import", "csv", table(5), "--db", db, "--map", MAP)).code).toBe(0);
    const { code, said } = await run("import", "csv", table(30_000), "--db", db, "--map", MAP);
    expect(code).toBe(1);
    expect(said).toContain(`the disk holding the results store ${db}`);
    expect(said).toMatch(/rolled back; the store is as it was/);
    expect(said).toContain("(error code DISK_FULL)");
    expect(said).not.toMatch(/internal error|at .*\.js:\d+/);
    // Room again: the store holds the first import alone, then takes the second.
    execFileSync("mount", ["-o", "remount,size=64m", disk]);
    const count = () => {
      const store = openStore({ path: db });
      try {
        return store.sqlite.prepare("select count(*) from runs").pluck().get();
      } finally {
        store.close();
      }
    };
    expect(count()).toBe(5);
    expect((await run("import", "csv", table(30_000), "--db", db, "--map", MAP)).code).toBe(0);
    expect(count()).toBe(30_005);
  }, 120_000);

  it("fails an export with DISK_FULL naming the file it could not write", async () => {
    const db = path.join(mkdtempSync(path.join(work, "store-")), "bench.db");
    expect((await run("import", "csv", table(300), "--db", db, "--map", MAP)).code).toBe(0);
    const disk = smallDisk("64k");
    const { code, said } = await run("view", "--db", db, "--export", path.join(disk, "site"));
    expect(code).toBe(1);
    expect(said).toMatch(
      new RegExp(`no space left on the device while writing ${disk}/site/\\S+ \\(ENOSPC\\)`),
    );
    expect(said).toContain("(error code DISK_FULL)");
  }, 120_000);
});

describe.skipIf(!canMount)("a disk that fills during a sweep", () => {
  it("stops the sweep at once, holds no failure against an agent, and the same command resumes it whole", async () => {
    const disk = smallDisk("8m");
    const file = path.join(work, "fill.yaml");
    writeFileSync(
      file,
      [
        "name: fill",
        "agents:",
        `  - ${path.resolve("agents/copy-sample.yaml")}`,
        `  - ${path.resolve("agents/random-submission.yaml")}`,
        "split: demo",
        "seeds: 20",
        "concurrency: 2",
        "",
      ].join("\n"),
    );
    const db = path.join(disk, "bench.db");
    const home = process.env.BENCH_HOME;
    process.env.BENCH_HOME = disk; // the run folders on the small disk too
    try {
      const first = await bench("sweep", "run", file, "--db", db);
      expect(first.code, first.stderr).toBe(1);
      expect(first.stderr).toMatch(/the sweep stopped: the disk is full/);
      expect(first.stderr).toContain("(error code DISK_FULL)");
      // Stopped at once: no retries, no run after the disk filled, no agent blamed for the disk.
      const counts = (name: string) =>
        Number(new RegExp(`^${name} +(\\d+)$`, "m").exec(first.stdout)?.[1] ?? 0);
      expect(counts("infra_error")).toBeLessThanOrEqual(2);
      expect(counts("agent_error")).toBe(0);
      expect(counts("not started")).toBeGreaterThan(0);
      expect(first.stderr).not.toMatch(/retrying/);
      // Room again: the same command runs what is left, and every run ends completed, once.
      execFileSync("mount", ["-o", "remount,size=64m", disk]);
      const second = await bench("sweep", "run", file, "--db", db);
      expect(second.code, second.stderr).toBe(0);
      const store = openStore({ path: db });
      try {
        expect(store.sqlite.prepare("select status, count(*) n from runs group by status").all()).toEqual([
          { status: "completed", n: 120 },
        ]);
      } finally {
        store.close();
      }
    } finally {
      if (home === undefined) delete process.env.BENCH_HOME;
      else process.env.BENCH_HOME = home;
    }
  }, 180_000);
});

describe("diskFullError", () => {
  it("takes ENOSPC and EDQUOT only, naming the error's own path before the one given", () => {
    expect(diskFullError(new Error("x"))).toBeNull();
    expect(diskFullError(null)).toBeNull();
    const quota = Object.assign(new Error("quota"), { code: "EDQUOT" });
    expect(diskFullError(quota, "/a/b")?.message).toBe("over the disk quota while writing /a/b (EDQUOT).");
    const full = Object.assign(new Error("full"), { code: "ENOSPC", path: "/x/y" });
    expect(diskFullError(full, "/a/b")?.message).toBe(
      "no space left on the device while writing /x/y (ENOSPC).",
    );
  });
});
