// The sklearn-baseline agent in Docker, in the offline Python image (bench-python:test), both ways bench
// runs agents: its agent file, and its MLE-bench-format folder (agents/mlebench#sklearn-baseline/seed-7:
// the folder's Dockerfile built FROM the Python image, start.sh given `--seed 7 --threads 1`). One demo
// competition, both runs at once, to keep the engine's work small (each container copies the image).
// Each run validates through /home/validate_submission.sh, submits a valid file above the median, and at
// least one earns a medal.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../../src/cli/test-support/run-bench.js";
import { DockerodeClient } from "../../src/runtimes/docker/docker-client.js";
import {
  dockerUnavailableReason,
  skipWithoutDocker,
} from "../../src/runtimes/docker/test-support/docker-test-env.js";
import { openStore } from "../../src/store/open-store.js";
import { agentsTable, gradesTable, runsTable } from "../../src/store/schema.js";
import { AGENT_FILE, AGENTS_DIR } from "./python-agent.js";

const PYTHON_IMAGE = "bench-python:test";

async function unavailableReason(): Promise<string | undefined> {
  const client = new DockerodeClient();
  const reason = await dockerUnavailableReason(client);
  if (reason !== undefined) return reason;
  if (!(await client.hasImage(PYTHON_IMAGE)))
    return `${PYTHON_IMAGE} is missing: run scripts/build-test-images.sh`;
  return undefined;
}

const skip = skipWithoutDocker("test/sklearn-baseline/demo-medals-docker.test.ts", await unavailableReason());

function agentLogs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return agentLogs(full);
    return name === "agent.log" ? [full] : [];
  });
}

describe.skipIf(skip)("sklearn-baseline in the docker runtime", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "bench-baseline-docker-"));
    process.env.BENCH_HOME = home;
  });
  afterAll(() => {
    delete process.env.BENCH_HOME;
    rmSync(home, { recursive: true, force: true });
  });

  it("earns a medal as an agent file and as an MLE-bench folder, validating from inside", async () => {
    const db = path.join(home, "bench.db");
    const folderAgent = `${path.join(AGENTS_DIR, "mlebench")}#sklearn-baseline/seed-7`;
    const result = await bench(
      ...["run", "--agent", AGENT_FILE, folderAgent, "--competition", "demo-regression-rmse"],
      ...["--runtime", "docker", "--concurrency", "2", "--name", "baseline-docker", "--db", db],
    );
    expect(result.code, result.stderr).toBe(0);

    const store = openStore({ path: db });
    const runs = store.db.select().from(runsTable).all();
    const grades = store.db.select().from(gradesTable).all();
    const agents = store.db.select().from(agentsTable).all();
    store.close();
    expect(runs.map((run) => run.status)).toEqual(["completed", "completed"]);
    expect(agents).toHaveLength(2);
    expect(grades).toHaveLength(2);
    for (const grade of grades) {
      expect(grade.validSubmission).toBe(true);
      expect(grade.aboveMedian, String(grade.score)).toBe(true);
    }
    expect(grades.filter((grade) => grade.anyMedal).length).toBeGreaterThanOrEqual(1);
    console.info(`sklearn-baseline (docker): demo-regression-rmse ${grades.map((g) => g.score).join(", ")}`);

    const logs = agentLogs(path.join(home, "runs", "baseline-docker")).map((log) =>
      readFileSync(log, "utf8"),
    );
    expect(logs).toHaveLength(2);
    for (const log of logs) {
      expect(log).toContain("validation (validate_submission.sh): Submission is valid.");
    }
    // The folder's kwargs (`--seed 7 --threads 1`) reached the program through start.sh.
    expect(logs.filter((log) => log.includes("seed 7; 1 thread(s);"))).toHaveLength(1);
  }, 600_000);
});
