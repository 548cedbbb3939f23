// scripts/build-test-images.sh is idempotent: an image whose fingerprint label matches its inputs is left
// alone (so CI's second call costs a second, not the Python image's minutes of debootstrap), and one
// whose label differs is rebuilt. The rebuild is shown on the cheap busybox image under a throwaway tag.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DockerodeClient } from "../src/runtimes/docker/docker-client.js";
import {
  dockerUnavailableReason,
  skipWithoutDocker,
} from "../src/runtimes/docker/test-support/docker-test-env.js";

const SCRIPT = path.resolve(import.meta.dirname, "../scripts/build-test-images.sh");
const PYTHON_IMAGE = "bench-python:test";
const LABEL = "bench.test-image.fingerprint";

async function unavailableReason(): Promise<string | undefined> {
  const client = new DockerodeClient();
  const reason = await dockerUnavailableReason(client);
  if (reason !== undefined) return reason;
  if (!(await client.hasImage(PYTHON_IMAGE)))
    return `${PYTHON_IMAGE} is missing: run scripts/build-test-images.sh`;
  return undefined;
}

const skip = skipWithoutDocker("test/build-test-images.test.ts", await unavailableReason());

function inspect(image: string, format: string): string {
  return execFileSync("docker", ["image", "inspect", "--format", format, image], { encoding: "utf8" }).trim();
}

function buildScript(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const child = spawnSync(SCRIPT, args, {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
  return { ...child, ms: Date.now() - started };
}

describe("scripts/build-test-images.sh", () => {
  it("refuses an image it does not know, naming the ones it builds", () => {
    const child = buildScript(["nonesuch"]);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain("unknown image 'nonesuch'; expected busybox or python");
  });
});

describe.skipIf(skip)("scripts/build-test-images.sh on the real engine", () => {
  it("leaves both images alone when their fingerprints match, in seconds", () => {
    const images = ["bench-busybox:test", PYTHON_IMAGE];
    const before = images.map((image) => inspect(image, "{{.Id}}"));
    const child = buildScript([]);
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toBe(
      "build-test-images: bench-busybox:test is up to date\nbuild-test-images: bench-python:test is up to date\n",
    );
    expect(images.map((image) => inspect(image, "{{.Id}}"))).toEqual(before);
    // Two docker inspects; several times what it takes on an idle machine.
    expect(child.ms).toBeLessThan(30_000);
  });

  it("rebuilds an image whose fingerprint differs, then leaves the new one alone", () => {
    const tag = `bench-busybox:fingerprint-test-${process.pid}`;
    const dir = mkdtempSync(path.join(tmpdir(), "bench-image-test-"));
    let stale = "";
    try {
      writeFileSync(path.join(dir, "stale"), "an image built from other inputs\n");
      const archive = execFileSync("tar", ["-C", dir, "-cf", "-", "stale"]);
      execFileSync("docker", ["import", "--change", `LABEL ${LABEL}=stale`, "-", tag], { input: archive });
      stale = inspect(tag, "{{.Id}}");

      const rebuilt = buildScript(["busybox"], { BENCH_TEST_IMAGE: tag });
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toContain(`build-test-images: built ${tag}`);
      const fresh = inspect(tag, "{{.Id}}");
      expect(fresh).not.toBe(stale);
      // Same inputs as the shared test image: the same fingerprint.
      const labelFormat = `{{ index .Config.Labels "${LABEL}" }}`;
      expect(inspect(tag, labelFormat)).toBe(inspect("bench-busybox:test", labelFormat));

      const again = buildScript(["busybox"], { BENCH_TEST_IMAGE: tag });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toBe(`build-test-images: ${tag} is up to date\n`);
      expect(inspect(tag, "{{.Id}}")).toBe(fresh);
    } finally {
      spawnSync("docker", ["image", "rm", "--force", tag, ...(stale ? [stale] : [])], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
