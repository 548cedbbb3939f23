import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { readGitShortSha } from "./git-revision.js";
import { resolveSweepName } from "./sweep-name.js";

const NIGHT = Date.parse("2026-11-30T02:15:42.123Z");
const options = { what: "nightly.yaml: name", baseDir: tmpdir(), now: () => NIGHT };

function gitCheckout(): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-git-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      encoding: "utf8",
    }).trim();
  git("init", "-q");
  writeFileSync(path.join(dir, "agent.py"), "print('hi')\n");
  git("add", ".");
  git("commit", "-q", "-m", "first");
  return { dir, sha: git("rev-parse", "--short", "HEAD") };
}

async function failure(template: string, extra: Partial<typeof options> = {}): Promise<BenchError> {
  try {
    await resolveSweepName(template, { ...options, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return error as BenchError;
  }
  throw new Error(`expected ${template} to be refused`);
}

describe("resolveSweepName", () => {
  it("fills {date} and {datetime} in UTC, in characters a folder name may hold", async () => {
    expect(await resolveSweepName("nightly-{date}", options)).toBe("nightly-2026-11-30");
    expect(await resolveSweepName("nightly-{datetime}", options)).toBe("nightly-2026-11-30T0215Z");
    // 23:30 on Nov 29 in New York is already Nov 30 in UTC.
    const late = { ...options, now: () => Date.parse("2026-11-29T23:30:00-05:00") };
    expect(await resolveSweepName("n-{date}", late)).toBe("n-2026-11-30");
  });

  it("leaves a name without placeholders as it is", async () => {
    expect(await resolveSweepName("baseline.v2", options)).toBe("baseline.v2");
  });

  it("fills {git_sha:<folder>} with the checkout's short commit, relative to the base folder", async () => {
    const { dir, sha } = gitCheckout();
    expect(sha).toMatch(/^[0-9a-f]{7,}$/);
    const name = await resolveSweepName(`aide-{git_sha:${path.basename(dir)}}-{date}`, {
      ...options,
      baseDir: path.dirname(dir),
    });
    expect(name).toBe(`aide-${sha}-2026-11-30`);
  });

  it("refuses a folder that is not a git checkout, naming it", async () => {
    const plain = mkdtempSync(path.join(tmpdir(), "bench-not-git-"));
    await expect(readGitShortSha(plain)).rejects.toThrow(`${plain} is not a git checkout`);
    const error = await failure("x-{git_sha:missing-folder}", { baseDir: plain });
    expect(error.message).toContain(`${path.join(plain, "missing-folder")} is not a folder`);
  });

  it("refuses {git_sha} without a folder, saying how to name one", async () => {
    const error = await failure("x-{git_sha}");
    expect(error.message).toBe(
      'nightly.yaml: name: {git_sha} without a folder in the sweep name "x-{git_sha}".',
    );
    expect(error.hint).toContain("{git_sha:path/to/repo}");
  });

  it("refuses an unknown placeholder, naming the known ones", async () => {
    const error = await failure("nightly-{dat}");
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toBe(
      'nightly.yaml: name: the unknown placeholder {dat} (did you mean {date} or {datetime}?) in the sweep name "nightly-{dat}".',
    );
    expect(error.hint).toContain("{date}");
    expect(error.hint).toContain("{datetime}");
    expect(error.hint).toContain("{git_sha:<folder>}");
  });

  it.each([
    ["nightly-{date", 'an unclosed "{"'],
    ["nightly-date}", 'a "}" without its "{"'],
    ["nightly {date}", "characters other than letters, digits"],
    ["", "nothing"],
  ])("refuses %j: %s", async (template, problem) => {
    expect((await failure(template)).message).toContain(problem);
  });
});
