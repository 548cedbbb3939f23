// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ secrets.NAME }}` is the syntax under test, not a template.
// Credentials an agent file names but does not hold: secret references, pass_env, and their checks.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import { checkAgentEnvironments, resolveAgentEnvironment, secretReference } from "./agent-environment.js";
import { loadAgent, parseAgent } from "./agent-schema.js";

function agentFile(body: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-agent-env-")), "aide.yaml");
  writeFileSync(file, `name: aide\ncommand: ["sh", "-c", "true"]\n${body}`);
  return file;
}

const WITH_SECRETS =
  'env:\n  OPENAI_API_KEY: "${{ secrets.OPENAI_KEY }}"\n  STEP_LIMIT: "500"\npass_env: [HF_TOKEN]\n';

describe("secretReference", () => {
  it.each([
    ["${{ secrets.OPENAI_API_KEY }}", "OPENAI_API_KEY"],
    ["${{secrets.KEY}}", "KEY"],
    ["500", undefined],
    ["Bearer ${{ secrets.KEY }}", undefined],
  ])("%j -> %j", (value, name) => {
    expect(secretReference(value)).toBe(name);
  });
});

describe("agent env and pass_env", () => {
  it("fills secrets and pass_env from bench's environment, keeping plain values", async () => {
    const agent = await loadAgent(agentFile(WITH_SECRETS));
    expect(resolveAgentEnvironment(agent, { OPENAI_KEY: "sk-1", HF_TOKEN: "hf-2" })).toEqual({
      OPENAI_API_KEY: "sk-1",
      STEP_LIMIT: "500",
      HF_TOKEN: "hf-2",
    });
    // The loaded config keeps the reference: it is what the store records.
    expect(agent.config.env.OPENAI_API_KEY).toBe("${{ secrets.OPENAI_KEY }}");
  });

  it("hashes the file as written, so the same file with another key is the same agent", async () => {
    const file = agentFile(WITH_SECRETS);
    const first = await loadAgent(file);
    const second = await loadAgent(file);
    expect(resolveAgentEnvironment(first, { OPENAI_KEY: "a", HF_TOKEN: "b" })).not.toEqual(
      resolveAgentEnvironment(second, { OPENAI_KEY: "c", HF_TOKEN: "d" }),
    );
    expect(first.contentHash).toBe(second.contentHash);
  });

  it("names the agent file and every variable that is not set", async () => {
    const agent = await loadAgent(agentFile(WITH_SECRETS));
    try {
      checkAgentEnvironments([agent], {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BenchError);
      const { message, hint, code } = error as BenchError;
      expect(code).toBe("USAGE");
      expect(message).toBe(
        `${agent.path}: env.OPENAI_API_KEY is \${{ secrets.OPENAI_KEY }}, and OPENAI_KEY is not set in bench's environment;\n` +
          `${agent.path}: pass_env lists HF_TOKEN, which is not set in bench's environment.`,
      );
      expect(hint).toContain("export OPENAI_KEY=");
    }
    // An empty value is a value: set, if blank.
    expect(() => checkAgentEnvironments([agent], { OPENAI_KEY: "", HF_TOKEN: "x" })).not.toThrow();
  });

  it.each([
    [
      'env:\n  KEY: "Bearer ${{ secrets.KEY }}"\n',
      'env.KEY: expected a plain value or a whole secret reference like "${{ secrets.API_KEY }}"',
    ],
    ['env:\n  KEY: "${{ secret.KEY }}"\n', "env.KEY: expected a plain value or a whole secret reference"],
    ["pass_env: [HF_TOKEN, HF_TOKEN]\n", "pass_env[1]: HF_TOKEN is listed twice"],
    [
      'env:\n  HF_TOKEN: "x"\npass_env: [HF_TOKEN]\n',
      "pass_env[0]: HF_TOKEN is also set in env: keep one of the two",
    ],
    ["pass_env: [HF-TOKEN]\n", "pass_env[0]: expected a variable name"],
  ])("refuses %j", (body, message) => {
    expect(() => parseAgent(`name: aide\ncommand: ["true"]\n${body}`, "aide.yaml")).toThrow(message);
  });
});
