import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { checkAgentEnvironments, resolveAgentArgs, resolveAgentEnvironment } from "./agent-environment.js";
import {
  loadAgentFolder,
  parseAgentFolderReference,
  START_SCRIPT_IN_IMAGE,
} from "./mlebench-agent-folder.js";
import { loadSweepFile } from "./sweep-schema.js";
import { PROBE_SECRET_NAME, writeProbeAgents } from "./test-support/mlebench-agent-fixture.js";

function expectConfigError(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    expect(`${(error as BenchError).message} ${(error as BenchError).hint ?? ""}`).toMatch(pattern);
    return;
  }
  throw new Error("expected an error");
}

function agentsWith(config: string, files: Record<string, string> = {}): string {
  const agentsDir = path.join(mkdtempSync(path.join(os.tmpdir(), "bench-folder-")), "agents");
  mkdirSync(path.join(agentsDir, "mine"), { recursive: true });
  writeFileSync(path.join(agentsDir, "mine", "config.yaml"), config);
  const all = { "mine/start.sh": "#!/bin/bash\n", "mine/Dockerfile": "FROM bench-busybox:test\n", ...files };
  for (const [name, text] of Object.entries(all)) writeFileSync(path.join(agentsDir, name), text);
  return agentsDir;
}

describe("MLE-bench agent folders", () => {
  it("reads a definition through anchors and merge keys, as MLE-bench's own config files write them", () => {
    const fixture = writeProbeAgents("cust-0001,1");
    const agent = loadAgentFolder(fixture.argparseRef);
    expect(agent.config.name).toBe("probe");
    expect(agent.config.image).toMatch(/^bench-agent-probe-agent:[0-9a-f]{16}$/);
    expect(agent.build?.buildArgs).toEqual({
      SUBMISSION_DIR: "/home/submission",
      LOGS_DIR: "/home/logs",
      CODE_DIR: "/home/code",
      AGENT_DIR: "/home/agent",
    });
    expect(agent.config.command.at(-1)).toBe(START_SCRIPT_IN_IMAGE);
    expect(agent.config.args).toEqual([
      "--agent.steps",
      "3",
      "--agent.temp",
      "0.5",
      "--copy_data",
      "False",
      "--needle_a",
      "cust-",
      "--needle_b",
      "0001,1",
      "--agent.code.model",
      "tiny-model",
    ]);
    // TIME_LIMIT_SECS is the time limit bench enforces (and hands back); the secret stays a reference.
    expect(agent.config.time_limit).toBe("120s");
    expect(agent.config.env).toEqual({ STEP_LIMIT: "3", PROBE_KEY: `\${{ secrets.${PROBE_SECRET_NAME} }}` });
    expect(agent.config.validation.per_minute).toBe(3);

    const other = loadAgentFolder(fixture.omegaconfRef);
    expect(other.config.name).toBe("probe_omegaconf");
    expect(other.config.args).toEqual([
      "agent.steps=3",
      "agent.temp=0.5",
      "copy_data=False",
      "needle_a=cust-",
      "needle_b=0001,1",
      "agent.code.model=other-model",
    ]);
    expect(other.config.env.STEP_LIMIT).toBe("7");
    // One folder, one image: both ids build (and reuse) the same one.
    expect(other.config.image).toBe(agent.config.image);
    expect(other.contentHash).not.toBe(agent.contentHash);
  });

  it("gives a changed folder a new image and identity", () => {
    const fixture = writeProbeAgents("cust-0001,1");
    const before = loadAgentFolder(fixture.argparseRef);
    writeFileSync(path.join(fixture.agentsDir, "probe-agent", "extra.txt"), "new\n");
    const after = loadAgentFolder(fixture.argparseRef);
    expect(after.config.image).not.toBe(before.config.image);
    expect(after.contentHash).not.toBe(before.contentHash);
    const tagged = loadAgentFolder(fixture.argparseRef, { image: "my-agent:1" });
    expect(tagged.config.image).toBe("my-agent:1");
    expect(tagged.build).toBeUndefined();
  });

  it("needs every secret before anything starts, and fills them in only for the run", () => {
    const fixture = writeProbeAgents("cust-0001,1");
    const agent = loadAgentFolder(fixture.argparseRef);
    expectConfigError(
      () => checkAgentEnvironments([agent], {}),
      /PROBE_KEY is \$\{\{ secrets\.BENCH_TEST_PROBE_KEY }}/,
    );
    expect(resolveAgentEnvironment(agent, { [PROBE_SECRET_NAME]: "s3cret-value" }).PROBE_KEY).toBe(
      "s3cret-value",
    );
  });

  it("resolves secrets in kwargs, as MLE-bench does, in both forms", () => {
    const agentsDir = agentsWith(
      [
        "a:",
        "  start: mine/start.sh",
        "  dockerfile: mine/Dockerfile",
        "  kwargs_type: omegaconf",
        `  kwargs: { api.key: '\${{ secrets.MY_KEY }}', plain: 1 }`,
        "b:",
        "  start: mine/start.sh",
        "  dockerfile: mine/Dockerfile",
        "  kwargs_type: argparse",
        `  kwargs: { key: '\${{ secrets.MY_KEY }}' }`,
      ].join("\n"),
    );
    const a = loadAgentFolder(`${agentsDir}#a`);
    expect(a.config.args).toEqual([`api.key=\${{ secrets.MY_KEY }}`, "plain=1"]);
    expect(resolveAgentArgs(a, { MY_KEY: "k-123" })).toEqual(["api.key=k-123", "plain=1"]);
    expectConfigError(() => resolveAgentArgs(a, {}), /args\[0] holds \$\{\{ secrets\.MY_KEY }}/);
    const b = loadAgentFolder(`${agentsDir}#b`);
    expect(resolveAgentArgs(b, { MY_KEY: "k-123" })).toEqual(["--key", "k-123"]);
  });

  it("says clearly what is wrong with a definition", () => {
    const base = ["  start: mine/start.sh", "  dockerfile: mine/Dockerfile"];
    expectConfigError(
      () => loadAgentFolder(`${agentsWith(["a:", ...base, "  kwargs: {x: 1}"].join("\n"))}#a`),
      /kwargs are given but kwargs_type is not/,
    );
    expectConfigError(
      () => loadAgentFolder(`${agentsWith(["a:", ...base, "  kwargs_type: hydra"].join("\n"))}#a`),
      /kwargs_type/,
    );
    expectConfigError(
      () =>
        loadAgentFolder(
          `${agentsWith(["a:", "  start: mine/nope.sh", "  dockerfile: mine/Dockerfile"].join("\n"))}#a`,
        ),
      /start: mine\/nope\.sh is not a file/,
    );
    expectConfigError(
      () => loadAgentFolder(`${agentsWith(["a:", ...base].join("\n"))}#zzz`),
      /no agent zzz.*the agents there: a/s,
    );
    expectConfigError(
      () => loadAgentFolder(`${agentsWith(["a:", "  <<: *missing", ...base].join("\n"))}#a`),
      /invalid YAML|alias|anchor/i,
    );
    expectConfigError(
      () =>
        loadAgentFolder(
          `${agentsWith(["a:", ...base, `  env_vars: { KEY: 'Bearer \${{ secrets.K }}' }`].join("\n"))}#a`,
        ),
      /whole secret reference/,
    );
  });

  it("takes the same reference in a sweep file, relative to the file", async () => {
    const fixture = writeProbeAgents("cust-0001,1");
    const root = path.dirname(fixture.agentsDir);
    const file = path.join(root, "nightly.yaml");
    writeFileSync(file, "name: nightly\nagents: ['agents#probe/omegaconf']\nsplit: demo\n");
    const sweep = await loadSweepFile(file);
    expect(sweep.agents).toEqual([fixture.omegaconfRef]);
    expect(loadAgentFolder(sweep.agents[0]!).config.name).toBe("probe_omegaconf");
  });

  it("tells folder references from agent files", () => {
    expect(parseAgentFolderReference("agents#aide/dev")).toEqual({ agentsDir: "agents", id: "aide/dev" });
    expect(parseAgentFolderReference("agents/copy-sample.yaml")).toBeNull();
    expect(parseAgentFolderReference("agents#")).toBeNull();
  });
});
