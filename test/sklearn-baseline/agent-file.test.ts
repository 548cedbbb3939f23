// The sklearn-baseline agent file and its MLE-bench-format folder carry agent.py unchanged
// (scripts/sync-sklearn-baseline.mjs writes both), and are valid in their formats.

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadAgent } from "../../src/config/agent-schema.js";
import { AGENT_FILE, AGENTS_DIR, PROGRAM } from "./python-agent.js";

const FOLDER = path.join(AGENTS_DIR, "mlebench", "sklearn-baseline");
const program = readFileSync(PROGRAM, "utf8");
const generator = path.resolve(import.meta.dirname, "../../scripts/sync-sklearn-baseline.mjs");
const { agentFileText } = (await import(pathToFileURL(generator).href)) as {
  agentFileText(program: string): string;
};

describe("the sklearn-baseline agent file", () => {
  it("runs agent.py, byte for byte, with Debian's Python, in the offline Python image", async () => {
    const { config } = await loadAgent(AGENT_FILE);
    expect(config.name).toBe("sklearn-baseline");
    expect(config.image).toBe("bench-python:test");
    expect(config.command).toEqual(["/usr/bin/python3", "-c", program]);
    expect(readFileSync(AGENT_FILE, "utf8")).toBe(agentFileText(program));
  });

  it("is regenerated, not hand-edited: the generator refuses what a YAML block would change", () => {
    expect(() => agentFileText("print(1)")).toThrow(/exactly one newline/);
    expect(() => agentFileText("print(1)  \n")).toThrow(/end lines with blanks/);
    expect(() => agentFileText("\tprint(1)\n")).toThrow(/tabs/);
  });
});

describe("the sklearn-baseline MLE-bench agent folder", () => {
  it("holds the same program and starts it with the kwargs it is given", () => {
    expect(readFileSync(path.join(FOLDER, "agent.py"), "utf8")).toBe(program);
    expect(readFileSync(path.join(FOLDER, "start.sh"), "utf8")).toMatch(
      /exec "\$python" "\$here\/agent\.py" "\$@"/,
    );
  });

  it("defines its ids the reference's way: start and Dockerfile relative to the agents folder", () => {
    const config = parse(readFileSync(path.join(FOLDER, "config.yaml"), "utf8"), { merge: true });
    expect(config["sklearn-baseline"]).toMatchObject({
      start: "sklearn-baseline/start.sh",
      dockerfile: "sklearn-baseline/Dockerfile",
    });
    expect(config["sklearn-baseline/seed-7"]).toMatchObject({
      start: "sklearn-baseline/start.sh",
      kwargs_type: "argparse",
      kwargs: { seed: 7, threads: 1 },
    });
    const dockerfile = readFileSync(path.join(FOLDER, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^FROM bench-python:test$/m);
    expect(dockerfile).toMatch(/^ARG SUBMISSION_DIR LOGS_DIR CODE_DIR AGENT_DIR$/m);
    expect(dockerfile).toMatch(/^COPY start\.sh agent\.py \$\{AGENT_DIR\}\/$/m);
  });
});
