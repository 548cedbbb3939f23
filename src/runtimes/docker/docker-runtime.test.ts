// The docker runtime against a real engine and the example agents in agents/. Skipped with a printed
// reason where there is no engine or no test image, unless BENCH_REQUIRE_DOCKER=1 (CI), where that fails.

import { existsSync, lstatSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAgent } from "../../config/agent-schema.js";
import type { RunHooks, RunLimits, RunResult } from "../runtime.js";
import { currentSessionId } from "../session.js";
import { DockerodeClient } from "./docker-client.js";
import { dockerError } from "./docker-errors.js";
import { DockerRuntime } from "./docker-runtime.js";
import { LABELS } from "./labels.js";
import {
  ANSWER_TOKEN,
  dockerUnavailableReason,
  inlineAgent,
  makeCompetition,
  skipWithoutDocker,
  specFor,
  type TestCompetition,
} from "./test-support/docker-test-env.js";

const unavailable = await dockerUnavailableReason();
const skip = skipWithoutDocker("docker-runtime.test.ts", unavailable);
const agentsDir = path.resolve(import.meta.dirname, "../../../agents");
const session = currentSessionId();
const client = new DockerodeClient();
const runtime = new DockerRuntime({ client });

type Agent = Parameters<typeof specFor>[0];

/** Runs an agent (a file in agents/ or an inline one); returns the result and the run's folder. */
async function run(
  agent: string | Agent,
  competition: TestCompetition,
  limits: Partial<RunLimits> = {},
  hooks: RunHooks = {},
): Promise<{ result: RunResult; runDir: string }> {
  const config = typeof agent === "string" ? (await loadAgent(path.join(agentsDir, agent))).config : agent;
  const spec = specFor(config, competition, session, { limits });
  return { result: await runtime.run(spec, hooks), runDir: spec.runDir };
}

describe("the docker runtime without an engine", () => {
  it("ends a run as infra_error saying to start the daemon", async () => {
    const nowhere = new DockerRuntime({
      client: new DockerodeClient(new Docker({ socketPath: "/nonexistent/docker.sock" })),
    });
    const competition = makeCompetition();
    try {
      const result = await nowhere.run(specFor(inlineAgent("true"), competition, session));
      expect(result.endClass).toBe("infra_error");
      expect(result.message).toMatch(/is the Docker daemon running\?/);
      await expect(nowhere.preflight({ image: "x" })).rejects.toMatchObject({ code: "RUNTIME" });
    } finally {
      rmSync(competition.root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skip)("the docker runtime", () => {
  let competition: TestCompetition;
  beforeAll(() => {
    competition = makeCompetition();
  });
  afterAll(() => rmSync(competition.root, { recursive: true, force: true }));

  it("is ready for the test image", async () => {
    expect(unavailable).toBeUndefined();
    await runtime.preflight({ image: "bench-busybox:test" });
  });

  it("runs copy-sample and copies its submission and output out", async () => {
    const { result, runDir } = await run("copy-sample.yaml", competition);
    expect(result).toMatchObject({ endClass: "completed", exitCode: 0 });
    expect(result.submissionPath).toBe(path.join(runDir, "submission", "submission.csv"));
    expect(readFileSync(result.submissionPath!, "utf8")).toBe(readFileSync(competition.sampleFile, "utf8"));
    expect(readFileSync(path.join(runDir, "agent.log"), "utf8")).toContain(
      "copied sample_submission.csv for test-competition",
    );
    expect(result.finishedAtMs).toBeGreaterThanOrEqual(result.startedAtMs);
  });

  it("runs random-submission: the sample's ids with random numbers", async () => {
    const { result } = await run("random-submission.yaml", competition);
    expect(result.endClass).toBe("completed");
    const rows = readFileSync(result.submissionPath!, "utf8").trim().split("\n");
    expect(rows[0]).toBe("id,target");
    expect(rows.slice(1).map((row) => row.split(",")[0])).toEqual(["1", "2", "3"]);
    for (const row of rows.slice(1)) expect(Number(row.split(",")[1])).toBeGreaterThanOrEqual(0);
  });

  it("classifies a non-zero exit as agent_error and keeps the agent's logs", async () => {
    const { result, runDir } = await run("fails.yaml", competition);
    expect(result).toMatchObject({ endClass: "agent_error", exitCode: 3, submissionPath: null });
    expect(readFileSync(path.join(runDir, "logs", "why.txt"), "utf8")).toBe("failed on purpose\n");
    const log = readFileSync(path.join(runDir, "agent.log"), "utf8");
    expect(log).toContain("starting, and about to fail");
    expect(log).toContain("the agent gives up (exit 3)");
  });

  it("stops an agent at its time limit: SIGTERM first, timed_out", async () => {
    const { result, runDir } = await run("overruns.yaml", competition, {
      timeLimitMs: 2_000,
      stopGraceMs: 1_500,
    });
    expect(result.endClass).toBe("timed_out");
    expect(result.finishedAtMs - result.startedAtMs).toBeGreaterThanOrEqual(2_000);
    expect(result.finishedAtMs - result.startedAtMs).toBeLessThan(6_000);
    expect(readFileSync(path.join(runDir, "logs", "stopped.txt"), "utf8")).toContain("got SIGTERM");
  });

  it("kills an agent that ignores SIGTERM after the grace period", async () => {
    const agent = inlineAgent("trap '' TERM; echo stubborn; while :; do sleep 0.2; done");
    const startedAt = Date.now();
    const { result } = await run(agent, competition, { timeLimitMs: 1_000, stopGraceMs: 500 });
    expect(result).toMatchObject({ endClass: "timed_out", exitCode: 137 });
    expect(Date.now() - startedAt).toBeLessThan(8_000);
  });

  it("classifies exhausting the memory limit as out_of_memory", async () => {
    const { result } = await run("exhausts-memory.yaml", competition);
    expect(result.endClass).toBe("out_of_memory");
    expect(result.exitCode).toBe(137);
    expect(result.message).toContain("64 MiB");
  });

  it("cancels a run through the signal the same way", async () => {
    const controller = new AbortController();
    const agent = inlineAgent("while :; do sleep 0.2; done");
    const { result } = await run(
      agent,
      competition,
      { stopGraceMs: 300 },
      {
        signal: controller.signal,
        onStarted: () => setTimeout(() => controller.abort(), 300),
      },
    );
    expect(result.endClass).toBe("cancelled");
  });

  it("ends a run in a missing image as infra_error saying bench never pulls", async () => {
    const { result } = await run(inlineAgent("true", "bench-no-such-image:test"), competition);
    expect(result.endClass).toBe("infra_error");
    expect(result.message).toBe(
      "image bench-no-such-image:test is not present: build or import it (the test image: scripts/build-test-images.sh); bench never pulls",
    );
    await expect(runtime.preflight({ image: "bench-no-such-image:test" })).rejects.toThrow(/never pulls/);
  });

  it("classifies a command the image does not have as agent_error 127", async () => {
    const agent = { ...inlineAgent(""), command: ["no-such-command"] };
    const { result } = await run(agent, competition);
    expect(result).toMatchObject({ endClass: "agent_error", exitCode: 127 });
    expect(result.message).toContain("no-such-command");
  });

  it("never copies a symbolic link out: a submission linked to the private answers is not read", async () => {
    const agent = inlineAgent(
      `ln -s ${competition.answersFile} "$BENCH_SUBMISSION_DIR/submission.csv"; ln -s /etc "$BENCH_CODE_DIR/etc"`,
    );
    const { result, runDir } = await run(agent, competition);
    expect(result.endClass).toBe("completed");
    expect(result.submissionPath).toBeNull();
    expect(result.message).toContain("submission.csv: a symbolic link");
    expect(existsSync(path.join(runDir, "submission", "submission.csv"))).toBe(false);
    expect(() => lstatSync(path.join(runDir, "code", "etc"))).toThrow(/ENOENT/);
    expect(readFileSync(path.join(runDir, "agent.log"), "utf8")).toContain(
      "[bench] code/etc: a symbolic link to /etc, not copied",
    );
  });

  it("sandboxes the agent: non-root, read-only data, no network, no private answers, labelled", async () => {
    const inspected: Array<Promise<Docker.ContainerInspectInfo>> = [];
    const agent = inlineAgent(`
      exec > "$BENCH_LOGS_DIR/probe.txt" 2>&1
      echo "uid=$(id -u) gid=$(id -g)"
      touch "$BENCH_DATA_DIR/new" 2>/dev/null && echo "data writable" || echo "data read-only"
      touch "$BENCH_SUBMISSION_DIR/w" "$BENCH_LOGS_DIR/w" "$BENCH_CODE_DIR/w" "$BENCH_SCORE_DIR/w" && echo "outputs writable"
      echo "interfaces: $(ls /sys/class/net | tr '\\n' ' ')"
      ls "$BENCH_DATA_DIR/.." ; ls "$BENCH_DATA_DIR/../private" 2>/dev/null && echo "private reachable"
      # Every file of the container's world, /proc and /sys aside; the control proves the search works.
      find / \\( -path /proc -o -path /sys \\) -prune -o -type f -print 2>/dev/null > /tmp/files
      echo "control found in: $(xargs grep -l 10,1.5,0 < /tmp/files 2>/dev/null | tr '\\n' ' ')."
      echo "secret found in: $(xargs grep -l "$SECRET" < /tmp/files 2>/dev/null | tr '\\n' ' ')."
      sleep 0.5
    `);
    // The token travels in the environment (in /proc only), so the agent's own command is not a match.
    const { result, runDir } = await run(
      { ...agent, env: { SECRET: ANSWER_TOKEN } },
      competition,
      {},
      {
        onStarted: ({ containerId }) => inspected.push(new Docker().getContainer(containerId!).inspect()),
      },
    );
    expect(result.endClass).toBe("completed");
    const probe = readFileSync(path.join(runDir, "logs", "probe.txt"), "utf8");
    expect(probe).toContain("uid=1000 gid=1000");
    expect(probe).toContain("data read-only");
    expect(probe).toContain("outputs writable");
    expect(probe).toContain("interfaces: lo \n");
    expect(probe).not.toContain("private reachable");
    // /home/data is a link to the read-only mount at /bench/data; find lists the real path.
    expect(probe).toContain("control found in: /bench/data/train.csv .");
    expect(probe).toContain("secret found in: .");
    const info = await inspected[0]!;
    expect(info.Config.Labels).toMatchObject({
      [LABELS.managed]: "true",
      [LABELS.sessionId]: session,
      [LABELS.competitionId]: "test-competition",
    });
    for (const mount of info.Mounts) expect(mount.Source.startsWith(competition.privateDir)).toBe(false);
    expect(info.Mounts.map((m) => [m.Destination, m.RW])).toEqual(
      expect.arrayContaining([
        ["/bench/data", false],
        ["/bench/score", true],
      ]),
    );
  });

  it("ends a run whose engine connection breaks as infra_error, and still removes the container", async () => {
    class BrokenWait extends DockerodeClient {
      override async waitContainer(): Promise<number> {
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw dockerError(
          "wait for",
          "0123456789abcdef",
          Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
        );
      }
    }
    const flaky = new DockerRuntime({ client: new BrokenWait() });
    const spec = specFor(inlineAgent("sleep 30"), competition, session);
    const result = await flaky.run(spec);
    expect(result.endClass).toBe("infra_error");
    expect(result.message).toContain("Docker could not wait for container 0123456789ab: socket hang up");
    expect(readFileSync(path.join(spec.runDir, "agent.log"), "utf8")).toContain(
      "[bench] infrastructure failure",
    );
  });

  it("leaves no container behind", async () => {
    expect(await client.listContainers({ [LABELS.sessionId]: session })).toEqual([]);
  });
});
