// The example agents in agents/ are valid agent files, and their commands work on the host's own `sh`
// with the contract's variables (what the local runtime gives them), not only in the busybox image.

import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAgent } from "../../config/agent-schema.js";
import { makeCompetition } from "./test-support/docker-test-env.js";

const agentsDir = path.resolve(import.meta.dirname, "../../../agents");
const competition = makeCompetition();
afterAll(() => rmSync(competition.root, { recursive: true, force: true }));

async function runOnHost(file: string) {
  const { config } = await loadAgent(path.join(agentsDir, file));
  const home = path.join(competition.root, "host-runs", path.basename(file, ".yaml"));
  const dirs = { submission: "submission", logs: "logs", code: "code", score: "score" };
  for (const dir of Object.values(dirs)) mkdirSync(path.join(home, dir), { recursive: true });
  const [command, ...args] = [...config.command, ...config.args];
  const child = spawnSync(command!, args, {
    cwd: path.join(home, "code"),
    encoding: "utf8",
    timeout: 10_000,
    env: {
      PATH: process.env.PATH,
      BENCH_DATA_DIR: competition.publicDir,
      BENCH_SUBMISSION_DIR: path.join(home, "submission"),
      BENCH_LOGS_DIR: path.join(home, "logs"),
      BENCH_CODE_DIR: path.join(home, "code"),
      BENCH_SCORE_DIR: path.join(home, "score"),
      COMPETITION_ID: "test-competition",
      BENCH_RUN_ID: "host-run",
      TIME_LIMIT_SECS: "60",
      ...config.env,
    },
  });
  return { child, home };
}

describe("the example agents", () => {
  it("are all valid agent files in the test image", async () => {
    const files = readdirSync(agentsDir).filter((f) => f.endsWith(".yaml"));
    expect(files.sort()).toEqual([
      "copy-sample.yaml",
      "exhausts-memory.yaml",
      "fails.yaml",
      "overruns.yaml",
      "random-submission.yaml",
      "sklearn-baseline.yaml",
    ]);
    for (const file of files) {
      const { config } = await loadAgent(path.join(agentsDir, file));
      if (file === "sklearn-baseline.yaml") {
        // Python, pandas and scikit-learn: the Python test image; its tests are in test/sklearn-baseline/.
        expect(config.image, file).toBe("bench-python:test");
        continue;
      }
      expect(config.image, file).toBe("bench-busybox:test");
      expect(config.command.join(" "), file).not.toContain("/home/");
    }
  });

  it("copy-sample works with the host's sh", async () => {
    const { child, home } = await runOnHost("copy-sample.yaml");
    expect(child.status, child.stderr).toBe(0);
    expect(readFileSync(path.join(home, "submission", "submission.csv"), "utf8")).toBe(
      readFileSync(competition.sampleFile, "utf8"),
    );
  });

  it("random-submission works with the host's sh and awk", async () => {
    const first = await runOnHost("random-submission.yaml");
    expect(first.child.status, first.child.stderr).toBe(0);
    const rows = readFileSync(path.join(first.home, "submission", "submission.csv"), "utf8")
      .trim()
      .split("\n");
    expect(rows.map((row) => row.split(",")[0])).toEqual(["id", "1", "2", "3"]);
    expect(first.child.stdout).toContain("wrote 3 random rows (seed 42)");
  });

  it("fails exits 3 with the host's sh", async () => {
    const { child, home } = await runOnHost("fails.yaml");
    expect(child.status).toBe(3);
    expect(readFileSync(path.join(home, "logs", "why.txt"), "utf8")).toBe("failed on purpose\n");
  });
});
