// Agents that write a lot, against a real engine: the submission survives a large checkpoint and
// thousands of log files (each folder is copied within its own budget, the submission first), what was
// left out is in the run's record, and a container that fills its disk is stopped. The budgets are
// lowered to a few MB in the spec, where real runs have GiB. Skipped with a printed reason where there
// is no engine or no test image, unless BENCH_REQUIRE_DOCKER=1 (CI), where that fails.

import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArtifactLimits, DEFAULT_ARTIFACT_LIMITS } from "../artifact-limits.js";
import { currentSessionId } from "../session.js";
import { DockerodeClient } from "./docker-client.js";
import { DockerRuntime } from "./docker-runtime.js";
import { LABELS } from "./labels.js";
import {
  dockerUnavailableReason,
  inlineAgent,
  makeCompetition,
  skipWithoutDocker,
  specFor,
  type TestCompetition,
} from "./test-support/docker-test-env.js";

const unavailable = await dockerUnavailableReason();
const skip = skipWithoutDocker("docker-runtime-limits.test.ts", unavailable);
const session = currentSessionId();
const client = new DockerodeClient();
const MiB = 1024 ** 2;
/** This file's runs, apart from other files' that may run meanwhile under the same session. */
const sweepId = "docker-limit-tests";

/** A few MB per folder, instead of GiB. */
const small: ArtifactLimits = {
  ...DEFAULT_ARTIFACT_LIMITS,
  submission: { bytes: 1 * MiB, entries: 100 },
  logs: { bytes: 1 * MiB, entries: 100 },
  code: { bytes: 3 * MiB, entries: 100 },
};

describe.skipIf(skip)("the docker runtime, for an agent that writes a lot", () => {
  let competition: TestCompetition;
  beforeAll(() => {
    competition = makeCompetition();
  });
  afterAll(() => rmSync(competition.root, { recursive: true, force: true }));

  it("has an engine and the test image", () => {
    expect(unavailable).toBeUndefined();
  });

  it("keeps a valid submission beside a checkpoint over the code budget and more log files than the logs budget", async () => {
    // In tar order code/ and logs/ come before submission/: with one shared budget, these spent it.
    const agent = inlineAgent(`
      head -c ${5 * MiB} /dev/zero > "$BENCH_CODE_DIR/model.ckpt"
      echo 'print("train")' > "$BENCH_CODE_DIR/train.py"
      i=0; while [ $i -lt 150 ]; do echo "step $i" > "$BENCH_LOGS_DIR/step-$i.log"; i=$((i+1)); done
      cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"
    `);
    const spec = specFor(agent, competition, session, { sweepId, limits: { artifacts: small } });
    const startedAt = Date.now();
    const result = await new DockerRuntime({ client }).run(spec);
    const copyMs = Date.now() - result.finishedAtMs;
    console.info(
      `run with a 5 MiB checkpoint and 150 logs: ${Date.now() - startedAt} ms, ${copyMs} ms after exit`,
    );

    expect(result).toMatchObject({ endClass: "completed", exitCode: 0 });
    expect(result.submissionPath).toBe(path.join(spec.runDir, "submission", "submission.csv"));
    expect(readFileSync(result.submissionPath!, "utf8")).toBe(readFileSync(competition.sampleFile, "utf8"));
    // The small file after the checkpoint is still kept; the checkpoint is named, with its size.
    expect(readFileSync(path.join(spec.runDir, "code", "train.py"), "utf8")).toBe('print("train")\n');
    expect(existsSync(path.join(spec.runDir, "code", "model.ckpt"))).toBe(false);
    expect(result.notes).toContain("code/model.ckpt: 5 MiB, over the 3 MiB kept from /home/code");
    expect(result.notes).toContain("logs: 150 entries, 100 kept (the rest left out; at most 100 are kept)");
    expect(result.notes?.join("\n")).not.toMatch(/not in the container any more/);
    const log = readFileSync(path.join(spec.runDir, "agent.log"), "utf8");
    expect(log).toContain("[bench] code/model.ckpt: 5 MiB, over the 3 MiB kept from /home/code");
  });

  it("copies submission.csv on its own when more files than the folder's budget come before it", async () => {
    const agent = inlineAgent(`
      i=0; while [ $i -lt 150 ]; do echo "$i" > "$BENCH_SUBMISSION_DIR/a-$i.txt"; i=$((i+1)); done
      cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"
    `);
    const spec = specFor(agent, competition, session, { sweepId, limits: { artifacts: small } });
    const result = await new DockerRuntime({ client }).run(spec);
    expect(result).toMatchObject({ endClass: "completed" });
    expect(result.submissionPath).toBe(path.join(spec.runDir, "submission", "submission.csv"));
    expect(readFileSync(result.submissionPath!, "utf8")).toBe(readFileSync(competition.sampleFile, "utf8"));
    expect(result.notes).toContain(
      "submission/submission.csv: copied on its own, apart from the rest of /home/submission",
    );
  });

  it("reports a submission over its own budget as such, and grades nothing", async () => {
    const agent = inlineAgent(`
      cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"
      head -c ${2 * MiB} /dev/zero | tr '\\0' '9' >> "$BENCH_SUBMISSION_DIR/submission.csv"
    `);
    const spec = specFor(agent, competition, session, { sweepId, limits: { artifacts: small } });
    const result = await new DockerRuntime({ client }).run(spec);
    expect(result).toMatchObject({ endClass: "completed", submissionPath: null });
    expect(result.message).toBe(
      "the agent exited with code 0; submission.csv: 2 MiB, over the 1 MiB kept from /home/submission",
    );
    expect(result.notes).toContain(
      "submission/submission.csv: 2 MiB, over the 1 MiB kept from /home/submission",
    );
  });

  it("stops an agent that writes past the disk limit, as agent_error naming the size and the limit", async () => {
    // `|| exit 28`: where the driver enforces the limit, the kernel refuses the writes instead (ENOSPC).
    const agent = inlineAgent(`
      i=0; while [ $i -lt 100 ]; do head -c ${MiB} /dev/zero >> /tmp/fill || exit 28; i=$((i+1)); done
      sleep 60
    `);
    const runtime = new DockerRuntime({ client, maxDiskBytes: 30 * MiB, diskCheckIntervalMs: 250 });
    const spec = specFor(agent, competition, session, { sweepId, limits: { stopGraceMs: 500 } });
    const result = await runtime.run(spec);
    const watched = result.notes?.find((line) => line.includes("storage driver cannot limit"));
    if (watched === undefined) {
      expect(result).toMatchObject({ endClass: "agent_error", exitCode: 28 });
      return;
    }
    console.info(`disk watch: ${watched}; ${result.message}`);
    expect(watched).toMatch(
      new RegExp(
        `^the ${await client.storageDriver()} storage driver cannot limit a container's writable layer \\(Docker: ".+"\\); ` +
          "its disk use is watched instead, and the agent is stopped past 30 MiB \\(BENCH_MAX_CONTAINER_DISK_BYTES\\)$",
      ),
    );
    expect(result.endClass).toBe("agent_error");
    expect(result.message).toMatch(
      /^the agent wrote (3\d|[4-9]\d|100)(\.\d)? MiB into its container's filesystem, past the disk limit of 30 MiB \(BENCH_MAX_CONTAINER_DISK_BYTES\), and was stopped$/,
    );
    expect(result.finishedAtMs - result.startedAtMs).toBeLessThan(20_000);
    expect(readFileSync(path.join(spec.runDir, "agent.log"), "utf8")).toContain(`[bench] ${watched}`);
  });

  it("leaves no container behind", async () => {
    expect(await client.listContainers({ [LABELS.sessionId]: session, [LABELS.sweepId]: sweepId })).toEqual(
      [],
    );
  });
});
