// The sklearn-baseline agent run as its agent file runs it (`/usr/bin/python3 -c PROGRAM`, in its code
// folder, with the contract's variables) on a small synthetic competition: it writes a submission shaped
// like the sample, validates it by itself where no validator exists, asks $BENCH_VALIDATE where one does
// (and reports an invalid answer in its exit code), and falls back to the sample submission where the
// competition is not tabular.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAgent } from "../../src/config/agent-schema.js";
import { AGENT_FILE, skipWithoutPython } from "./python-agent.js";

const skip = skipWithoutPython("test/sklearn-baseline/agent-run.test.ts");
const root = mkdtempSync(path.join(tmpdir(), "bench-sklearn-baseline-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let state = 7;
/** A seeded uniform number in (0, 1): the same competitions on every run. */
function random(): number {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
}

/** A churn-like task: the target follows x1 - x2 and the plan; ids are text. */
function writeCompetition(dir: string, withTrain = true): string {
  const data = path.join(dir, "data");
  mkdirSync(data, { recursive: true });
  const row = (i: number) => {
    const x1 = Math.round(random() * 100) / 10;
    const x2 = Math.round(random() * 100) / 10;
    const plan = ["basic", "premium", "family"][i % 3]!;
    const churned = x1 - x2 + (plan === "basic" ? 2 : 0) + (random() - 0.5) * 4 > 0 ? 1 : 0;
    return { id: `c-${1000 + i}`, x1, x2, plan, churned };
  };
  const train = Array.from({ length: 300 }, (_, i) => row(i));
  const test = Array.from({ length: 60 }, (_, i) => row(300 + i));
  if (withTrain) {
    writeFileSync(
      path.join(data, "train.csv"),
      `id,x1,x2,plan,churned\n${train.map((r) => `${r.id},${r.x1},${r.x2},${r.plan},${r.churned}`).join("\n")}\n`,
    );
  }
  writeFileSync(
    path.join(data, "test.csv"),
    `id,x1,x2,plan\n${test.map((r) => `${r.id},${r.x1},${r.x2},${r.plan}`).join("\n")}\n`,
  );
  writeFileSync(
    path.join(data, "sample_submission.csv"),
    `id,churned\n${[...test]
      .reverse()
      .map((r) => `${r.id},0.5`)
      .join("\n")}\n`,
  );
  writeFileSync(
    path.join(data, "description.md"),
    "## Evaluation\n\nROC AUC of the predicted probabilities.\n",
  );
  return data;
}

/** Reviews whose only feature is their text: positive when it praises more than it pans. */
function writeTextCompetition(dir: string): string {
  const data = path.join(dir, "data");
  mkdirSync(data, { recursive: true });
  const words = ["good", "great", "love", "bad", "awful", "hate", "fine", "plot", "actors", "music"];
  const review = (i: number) => {
    const text = Array.from({ length: 8 }, () => words[Math.floor(random() * words.length)]!);
    const praise = text.filter((w) => ["good", "great", "love"].includes(w)).length;
    const pans = text.filter((w) => ["bad", "awful", "hate"].includes(w)).length;
    return { id: i, text: text.join(" "), positive: praise > pans ? 1 : 0 };
  };
  const train = Array.from({ length: 300 }, (_, i) => review(i));
  const test = Array.from({ length: 60 }, (_, i) => review(300 + i));
  writeFileSync(
    path.join(data, "train.csv"),
    `id,review,positive\n${train.map((r) => `${r.id},${r.text},${r.positive}`).join("\n")}\n`,
  );
  writeFileSync(
    path.join(data, "test.csv"),
    `id,review\n${test.map((r) => `${r.id},${r.text}`).join("\n")}\n`,
  );
  writeFileSync(
    path.join(data, "sample_submission.csv"),
    `id,positive\n${test.map((r) => `${r.id},0.5`).join("\n")}\n`,
  );
  return data;
}

async function runAgent(
  name: string,
  options: { validator?: string; withTrain?: boolean; text?: boolean } = {},
) {
  const { config } = await loadAgent(AGENT_FILE);
  const home = path.join(root, name);
  const dirs = { submission: "submission", logs: "logs", code: "code" };
  for (const dir of Object.values(dirs)) mkdirSync(path.join(home, dir), { recursive: true });
  const data = options.text ? writeTextCompetition(home) : writeCompetition(home, options.withTrain ?? true);
  const [command, ...args] = [...config.command, ...config.args];
  const child = spawnSync(command!, args, {
    cwd: path.join(home, "code"),
    encoding: "utf8",
    timeout: 120_000,
    env: {
      PATH: process.env.PATH,
      BENCH_DATA_DIR: data,
      BENCH_SUBMISSION_DIR: path.join(home, "submission"),
      BENCH_LOGS_DIR: path.join(home, "logs"),
      BENCH_CODE_DIR: path.join(home, "code"),
      COMPETITION_ID: "test-churn",
      BENCH_SEED: "3",
      ...(options.validator ? { BENCH_VALIDATE: options.validator } : {}),
    },
  });
  const submission = path.join(home, "submission", "submission.csv");
  return { child, home, data, submission };
}

/** A stand-in for bench's checker: records its argument, answers `answer` (MLE-bench's JSON). */
function fakeValidator(name: string, answer: string): { script: string; calls: string } {
  const script = path.join(root, `${name}.sh`);
  const calls = path.join(root, `${name}.calls`);
  writeFileSync(script, `#!/bin/sh\necho "$1" >> '${calls}'\necho '{"result": "${answer}"}'\n`, {
    mode: 0o755,
  });
  return { script, calls };
}

describe.skipIf(skip)("the sklearn-baseline agent", () => {
  it("without a validator: fits, writes the sample's rows and columns, and checks them itself", async () => {
    const { child, home, data, submission } = await runAgent("self-check");
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toMatch(/no validation tool here .*self-check passed/);
    const rows = readFileSync(submission, "utf8").trim().split("\n");
    const sample = readFileSync(path.join(data, "sample_submission.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("id,churned");
    expect(rows.map((r) => r.split(",")[0])).toEqual(sample.map((r) => r.split(",")[0]));
    const probabilities = rows.slice(1).map((r) => Number(r.split(",")[1]));
    expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
    expect(new Set(probabilities).size).toBeGreaterThan(10);
    const report = JSON.parse(readFileSync(path.join(home, "logs", "sklearn-baseline.json"), "utf8"));
    expect(report).toContainEqual(expect.objectContaining({ valid: true }));
    expect(JSON.stringify(report)).toContain('"metric":"auc"');
  });

  it("asks $BENCH_VALIDATE about its submission and trusts a valid answer", async () => {
    const validator = fakeValidator("valid", "Submission is valid.");
    const { child, submission } = await runAgent("validated", { validator: validator.script });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toContain("validation (valid.sh): Submission is valid.");
    expect(readFileSync(validator.calls, "utf8")).toBe(`${submission}\n`);
  });

  it("reports an invalid answer, with its reason, in its log and its exit code", async () => {
    const validator = fakeValidator("invalid", "Submission invalid! The ids differ.");
    const { child } = await runAgent("refused", { validator: validator.script });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain("validation (invalid.sh): Submission invalid! The ids differ.");
    expect(child.stdout).toMatch(/NOT VALID/);
  });

  it("learns from text alone, with the linear model (trees get no columns)", async () => {
    const { child, submission } = await runAgent("text", { text: true });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toMatch(
      /holdout \(default metric, higher is better\): linear -\d\.\d+; using linear/,
    );
    const rows = readFileSync(submission, "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.split(",")[1])).size).toBeGreaterThan(10);
  });

  it("submits the sample submission where there is no training data", async () => {
    const { child, data, submission } = await runAgent("no-train", { withTrain: false });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toMatch(/no train and test CSV files .*submitting the sample submission instead/);
    expect(readFileSync(submission, "utf8")).toBe(
      readFileSync(path.join(data, "sample_submission.csv"), "utf8"),
    );
  });
});
