// Shared by the tests that need a real Docker engine: whether one is there (skip with a printed reason,
// or fail under BENCH_REQUIRE_DOCKER=1), a throwaway competition with public data and private answers,
// and RunSpecs built from agent files the way the scheduler builds them.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AgentConfig } from "../../../config/agent-schema.js";
import { tryParseDuration } from "../../../config/duration.js";
import { DEFAULT_ARTIFACT_LIMITS } from "../../artifact-limits.js";
import type { RunSpec } from "../../runtime.js";
import { DockerodeClient } from "../docker-client.js";

export const TEST_IMAGE = "bench-busybox:test";
export const REQUIRE_DOCKER = process.env.BENCH_REQUIRE_DOCKER === "1";

/** Why the Docker tests cannot run here, or undefined when they can. */
export async function dockerUnavailableReason(client = new DockerodeClient()): Promise<string | undefined> {
  try {
    await client.ping();
  } catch (error) {
    return `no Docker engine: ${(error as Error).message}`;
  }
  if (!(await client.hasImage(TEST_IMAGE)))
    return `${TEST_IMAGE} is missing: run scripts/build-test-images.sh`;
  return undefined;
}

/** Prints why a Docker test file is skipped (never silently); returns whether to skip it. */
export function skipWithoutDocker(file: string, unavailable: string | undefined): boolean {
  if (unavailable === undefined || REQUIRE_DOCKER) return false;
  console.warn(`${file} skipped: ${unavailable} (set BENCH_REQUIRE_DOCKER=1 to make this fail)`);
  return true;
}

/** A secret that appears only in the private answers, so a test can search for it anywhere. */
export const ANSWER_TOKEN = "PRIVATE-ANSWER-7f3c9e";

export interface TestCompetition {
  root: string;
  publicDir: string;
  privateDir: string;
  answersFile: string;
  sampleFile: string;
}

export function makeCompetition(
  root = mkdtempSync(path.join(os.tmpdir(), "bench-docker-")),
): TestCompetition {
  const publicDir = path.join(root, "prepared", "public");
  const privateDir = path.join(root, "prepared", "private");
  mkdirSync(publicDir, { recursive: true });
  mkdirSync(privateDir, { recursive: true });
  const sampleFile = path.join(publicDir, "sample_submission.csv");
  writeFileSync(sampleFile, "id,target\n1,0.5\n2,0.5\n3,0.5\n");
  writeFileSync(path.join(publicDir, "train.csv"), "id,feature,target\n10,1.5,0\n11,2.5,1\n");
  const answersFile = path.join(privateDir, "answers.csv");
  writeFileSync(answersFile, `id,target\n1,${ANSWER_TOKEN}\n2,1\n3,0\n`);
  return { root, publicDir, privateDir, answersFile, sampleFile };
}

let runCounter = 0;

/** A RunSpec as the scheduler would build it from an agent file; `overrides.limits` merge into the limits. */
export function specFor(
  agent: Pick<AgentConfig, "image" | "command" | "args" | "env" | "resources" | "time_limit" | "network">,
  competition: TestCompetition,
  sessionId: string,
  overrides: Partial<Omit<RunSpec, "limits">> & { limits?: Partial<RunSpec["limits"]> } = {},
): RunSpec {
  const runId = `test-run-${process.pid}-${++runCounter}`;
  const { limits, ...rest } = overrides;
  return {
    runId,
    sweepId: "docker-tests",
    sessionId,
    competitionId: "test-competition",
    image: agent.image,
    command: [...agent.command, ...agent.args],
    env: agent.env,
    publicDataDir: competition.publicDir,
    runDir: path.join(competition.root, "runs", runId),
    limits: {
      timeLimitMs: tryParseDuration(agent.time_limit ?? "1m") ?? 60_000,
      stopGraceMs: 1_500,
      cpus: agent.resources.cpus,
      memoryBytes: Math.round(agent.resources.memory_gb * 1024 ** 3),
      shmBytes: Math.round(agent.resources.shm_gb * 1024 ** 3),
      pidsLimit: agent.resources.pids,
      gpuIds: [],
      network: agent.network,
      artifacts: DEFAULT_ARTIFACT_LIMITS,
      ...limits,
    },
    ...rest,
  };
}

/** An inline agent for tests that probe the sandbox itself. */
export function inlineAgent(script: string, image = TEST_IMAGE) {
  return {
    image,
    command: ["sh", "-c", script],
    args: [],
    env: {},
    resources: { gpus: 0, cpus: 1, memory_gb: 0.25, shm_gb: 0.0625, pids: 256 },
    time_limit: "30s",
    network: false,
  } satisfies Parameters<typeof specFor>[0];
}
