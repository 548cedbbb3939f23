// Loading a sweep file: its name template is resolved (relative to the file), or replaced by --name.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSweepFile } from "./sweep-schema.js";

const NIGHT = Date.parse("2026-11-30T02:15:00Z");

function sweepFile(name: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sweep-file-"));
  mkdirSync(path.join(dir, "nightly"));
  const file = path.join(dir, "nightly", "nightly.yaml");
  writeFileSync(file, `name: ${name}\nagents: [../agents/a.yaml]\nsplit: demo\n`);
  return { dir, file };
}

describe("loadSweepFile", () => {
  it("resolves the name's placeholders, git folders relative to the file", async () => {
    const { dir, file } = sweepFile("nightly-{date}-{git_sha:../agents}");
    const asked: string[] = [];
    const sweep = await loadSweepFile(file, {
      now: () => NIGHT,
      gitSha: async (folder) => {
        asked.push(folder);
        return "abc1234";
      },
    });
    expect(sweep.name).toBe("nightly-2026-11-30-abc1234");
    expect(asked).toEqual([path.join(dir, "agents")]);
    expect(sweep.agents).toEqual([path.join(dir, "agents", "a.yaml")]);
  });

  it("takes --name instead of the file's name", async () => {
    const { file } = sweepFile("ignored");
    const sweep = await loadSweepFile(file, { name: "adhoc-{datetime}", now: () => NIGHT });
    expect(sweep.name).toBe("adhoc-2026-11-30T0215Z");
  });

  it("names the file and the known placeholders for an unknown one", async () => {
    const { file } = sweepFile("nightly-{day}");
    await expect(loadSweepFile(file, { now: () => NIGHT })).rejects.toThrow(
      `${file}: name: the unknown placeholder {day}`,
    );
  });

  it("says to quote a name that YAML read as a mapping", async () => {
    const { file } = sweepFile("{date}");
    await expect(loadSweepFile(file)).rejects.toMatchObject({
      message: `${file}: name: expected text, got a mapping.`,
      hint: expect.stringContaining('name: "{date}-nightly"'),
    });
  });
});
