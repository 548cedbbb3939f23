// An MLE-bench-format agent folder through `bench run --runtime docker` on the real engine: its
// Dockerfile built by bench (FROM the local busybox test image, MLE-bench's build arguments, never
// pulling), run on the demo split as a non-root user without network, given the contract (/home/data,
// /home/instructions.txt, /home/validate_submission.sh, COMPETITION_ID, TIME_LIMIT_SECS, STEP_LIMIT,
// the GPU count) and its kwargs both ways; validation answered valid, invalid and rate-limited with the
// reference's texts; and a probe that searches the container's whole filesystem for a line of the
// private answers and finds none. One image is built for all of it (both ids share the folder).

import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bench } from "../cli/test-support/run-bench.js";
import {
  PROBE_SECRET_NAME,
  PROBE_VALIDATIONS_PER_MINUTE,
  type ProbeFixture,
  writeProbeAgents,
} from "../config/test-support/mlebench-agent-fixture.js";
import { DockerodeClient } from "../runtimes/docker/docker-client.js";
import {
  dockerUnavailableReason,
  skipWithoutDocker,
} from "../runtimes/docker/test-support/docker-test-env.js";
import { openStore } from "../store/open-store.js";
import { agentsTable, gradesTable, runsTable, validationsTable } from "../store/schema.js";
import { GRADE_ERROR_PREFIX, VALID_MESSAGE } from "./validation-requests.js";

const unavailable = await dockerUnavailableReason();
const skip = skipWithoutDocker("src/scheduler/mlebench-folder-docker.test.ts", unavailable);

const SECRET = "probe-secret-4b7d21";
const DEMO = path.resolve("competitions");
/** A line of demo-binary-auc's private answers; no public file of any demo competition holds it. */
const ANSWER_LINE = "cust-cc296114,0";

function linesOf(file: string): string[] {
  return readFileSync(file, "utf8").split(/\r?\n/);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The image the store says the first sweep's agent ran in (the folder's build). */
function builtImage(db: string): string {
  const store = openStore({ path: db });
  try {
    const [agent] = store.db.select().from(agentsTable).all();
    return String(agent?.config?.image);
  } finally {
    store.close();
  }
}

function runDirs(root: string): string[] {
  return filesUnder(root)
    .filter((file) => path.basename(file) === "agent.log")
    .map((file) => path.dirname(file));
}

describe.skipIf(skip)("MLE-bench agent folders in the docker runtime", () => {
  let home: string;
  let fixture: ProbeFixture;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "bench-folder-docker-"));
    fixture = writeProbeAgents(ANSWER_LINE);
    process.env.BENCH_HOME = home;
    process.env[PROBE_SECRET_NAME] = SECRET;
  });
  afterAll(() => {
    delete process.env.BENCH_HOME;
    delete process.env[PROBE_SECRET_NAME];
  });

  it("knows its answer line: in the private answers, in no public file", () => {
    expect(linesOf(path.join(DEMO, "demo-binary-auc/data/prepared/private/answers.csv"))).toContain(
      ANSWER_LINE,
    );
    for (const id of ["demo-binary-auc", "demo-multiclass-logloss", "demo-regression-rmse"]) {
      for (const file of filesUnder(path.join(DEMO, id, "data/prepared/public"))) {
        expect(linesOf(file)).not.toContain(ANSWER_LINE);
      }
    }
  });

  it("builds the folder once and runs it on the demo split with the MLE-bench contract", async () => {
    const db = path.join(home, "bench.db");
    const first = await bench(
      "run",
      ...["--agent", fixture.argparseRef, "--split", "demo", "--runtime", "docker", "--concurrency", "2"],
      ...["--name", "folder-docker", "--db", db, "--cpus", "2", "--memory", "4"],
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/docker\.io|pull/i);
    // omegaconf kwargs from the same folder, in the image just built named with --image: nothing built.
    const tag = builtImage(db);
    expect(tag).toMatch(/^bench-agent-probe-agent:[0-9a-f]{16}$/);
    expect(await new DockerodeClient().hasImage(tag)).toBe(true);
    const second = await bench(
      "run",
      ...["--agent", fixture.omegaconfRef, "--image", tag, "--competition", "demo-binary-auc"],
      ...[
        "--runtime",
        "docker",
        "--name",
        "folder-docker-omegaconf",
        "--db",
        db,
        "--cpus",
        "2",
        "--memory",
        "4",
      ],
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/building bench-agent-/);
    for (const text of [first.stdout, first.stderr, second.stdout, second.stderr])
      expect(text).not.toContain(SECRET);

    const store = openStore({ path: db });
    const runs = store.db.select().from(runsTable).all();
    const grades = store.db.select().from(gradesTable).all();
    const validations = store.db.select().from(validationsTable).all();
    store.close();
    expect(runs).toHaveLength(4);
    expect(runs.every((run) => run.status === "completed")).toBe(true);
    expect(grades.every((grade) => grade.validSubmission)).toBe(true);
    for (const run of runs) {
      expect(validations.filter((v) => v.runId === run.id).map((v) => v.verdict)).toEqual([
        "valid",
        "invalid",
        "valid",
        "rate_limited",
      ]);
      expect(JSON.stringify(run)).not.toContain(SECRET);
    }

    const dirs = runDirs(path.join(home, "runs"));
    expect(dirs).toHaveLength(4);
    for (const dir of dirs) {
      const logs = (name: string) => readFileSync(path.join(dir, "logs", name), "utf8");
      const omegaconf = dir.includes("folder-docker-omegaconf");
      const competition = dir.split(path.sep).at(-2)!;
      expect(logs("probe.txt")).toBe(
        [
          "uid=1000",
          `competition=${competition}`,
          "time_limit=120",
          `step_limit=${omegaconf ? 7 : 3}`,
          "gpus=0",
          "agent_dir=/home/agent",
          "cwd=/home/agent",
          "instructions=yes",
          "agent_dir_writable=yes",
          "",
        ].join("\n"),
      );
      const args = logs("args.txt").trim().split("\n");
      expect(args).toEqual(
        omegaconf
          ? [
              "agent.steps=3",
              "agent.temp=0.5",
              "copy_data=False",
              "needle_a=cust-cc",
              "needle_b=296114,0",
              "agent.code.model=other-model",
            ]
          : [
              "--agent.steps",
              "3",
              "--agent.temp",
              "0.5",
              "--copy_data",
              "False",
              "--needle_a",
              "cust-cc",
              "--needle_b",
              "296114,0",
              "--agent.code.model",
              "tiny-model",
            ],
      );
      expect(JSON.parse(logs("validate-1.txt"))).toEqual({ result: VALID_MESSAGE });
      const invalid = JSON.parse(logs("validate-2.txt"));
      expect(Object.keys(invalid)).toEqual(["result"]);
      expect(invalid.result.startsWith(GRADE_ERROR_PREFIX)).toBe(true);
      expect(JSON.parse(logs("validate-3.txt"))).toEqual({ result: VALID_MESSAGE });
      expect(JSON.parse(logs("validate-4.txt")).result).toMatch(
        new RegExp(
          `^Too many validation requests: bench answers at most ${PROBE_VALIDATIONS_PER_MINUTE} per minute`,
        ),
      );
      expect(logs("validate-missing.txt")).toBe("File /home/code/missing.csv does not exist.\n");
      // The whole filesystem searched (the data mount included: the control line is found there), and
      // no file holds the private answer line.
      const search = /^files=(\d+) answers_found=(\d+) control_found=(\d+)$/.exec(logs("search.txt").trim());
      expect(search, logs("search.txt")).not.toBeNull();
      expect(Number(search![1])).toBeGreaterThan(10);
      expect(Number(search![2])).toBe(0);
      expect(Number(search![3])).toBeGreaterThanOrEqual(1);
      const agentLog = readFileSync(path.join(dir, "agent.log"), "utf8");
      expect(agentLog).toContain("the key is ***, as given");
      expect(agentLog).not.toContain(SECRET);
    }
  }, 240_000);
});
