// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ secrets.NAME }}` is the syntax under test, not a template.
// `bench run` and `bench sweep run` as a nightly job uses them: names with placeholders (a new sweep
// each night, a resume within one), and credentials that reach the agent and nothing else.

import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openStore } from "../../store/open-store.js";
import { gradesTable, runsTable } from "../../store/schema.js";
import { bench } from "../test-support/run-bench.js";

const COPY_SAMPLE = 'cp "$BENCH_DATA_DIR/sample_submission.csv" "$BENCH_SUBMISSION_DIR/submission.csv"';

let cwd: string;
let ws: string;

beforeEach(() => {
  // Run artifacts land under ./runs: keep them in this test's own folder.
  cwd = process.cwd();
  ws = mkdtempSync(path.join(tmpdir(), "bench-run-cli-"));
  process.chdir(ws);
});

afterEach(() => {
  process.chdir(cwd);
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

function agentFile(name: string, script: string, extra = ""): string {
  const file = path.join(ws, "agents", `${name}.yaml`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `name: ${name}\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\nresources:\n  cpus: 1\n  memory_gb: 0.25\n${extra}`,
  );
  return file;
}

function at(iso: string): void {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}

function storedRuns(db: string) {
  const store = openStore({ path: db });
  try {
    return store.db
      .select({
        id: runsTable.id,
        sweep: runsTable.sweepId,
        status: runsTable.status,
        valid: gradesTable.validSubmission,
      })
      .from(runsTable)
      .leftJoin(gradesTable, eq(gradesTable.runId, runsTable.id))
      .orderBy(runsTable.id)
      .all();
  } finally {
    store.close();
  }
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile());
}

describe("sweep names with placeholders", () => {
  it("resumes the same night's sweep and starts a new one the next night, printing the name", async () => {
    agentFile("copy-sample", COPY_SAMPLE);
    const file = path.join(ws, "nightly.yaml");
    writeFileSync(
      file,
      "name: nightly-{date}\nagents: [agents/copy-sample.yaml]\ncompetitions: [demo-binary-auc]\n",
    );
    const db = path.join(ws, "bench.db");

    at("2026-11-30T02:15:00Z");
    const first = await bench("sweep", "run", file, "--db", db);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("sweep nightly-2026-11-30 ");
    expect(first.stdout).toMatch(/Sweep nightly-2026-11-30: 1 run[\s\S]*completed\s+1/);

    at("2026-11-30T23:59:00Z");
    const again = await bench("sweep", "run", file, "--db", db);
    expect(again.stdout).toMatch(/Sweep nightly-2026-11-30: 1 run[\s\S]*skipped \(already done\)\s+1/);

    at("2026-12-01T02:15:00Z");
    const next = await bench("sweep", "run", file, "--db", db);
    expect(next.stderr).toContain("sweep nightly-2026-12-01 ");
    expect(next.stdout).toMatch(/Sweep nightly-2026-12-01: 1 run[\s\S]*completed\s+1/);
    expect(storedRuns(db).map((r) => r.sweep)).toEqual(["nightly-2026-11-30", "nightly-2026-12-01"]);
  });

  it("takes --name for a sweep file and for bench run", async () => {
    const agent = agentFile("copy-sample", COPY_SAMPLE);
    const file = path.join(ws, "nightly.yaml");
    writeFileSync(file, "name: fixed\nagents: [agents/copy-sample.yaml]\ncompetitions: [demo-binary-auc]\n");
    const db = path.join(ws, "bench.db");
    at("2026-11-30T02:15:00Z");
    const swept = await bench("sweep", "run", file, "--name", "nightly-{datetime}", "--db", db);
    expect(swept.stdout).toContain("Sweep nightly-2026-11-30T0215Z: 1 run");
    const ran = await bench(
      "run",
      "--agent",
      agent,
      "--competition",
      "demo-binary-auc",
      "--name",
      "adhoc-{date}",
      "--db",
      db,
    );
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("sweep adhoc-2026-11-30 ");
    expect(ran.stdout).toContain("Sweep adhoc-2026-11-30: 1 run");
  });

  it("refuses an unknown placeholder before running anything, naming the known ones", async () => {
    const agent = agentFile("copy-sample", COPY_SAMPLE);
    const db = path.join(ws, "bench.db");
    const { code, stderr } = await bench(
      "run",
      "--agent",
      agent,
      "--competition",
      "demo-binary-auc",
      "--name",
      "n-{today}",
      "--db",
      db,
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain("--name: the unknown placeholder {today}");
    expect(stderr).toMatch(/\{date\}.*\{datetime\}.*\{git_sha:<folder>\}/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("agent credentials", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");

  it("hands secrets, pass_env and BENCH_SEED to the agent, and keeps the values out of the store, files and output", async () => {
    const token = `tok-${randomUUID()}`;
    const passed = `hf-${randomUUID()}`;
    // The agent checks what it got against hashes, so that the file itself holds no value.
    const script = [
      `[ "$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)" = ${sha(token)} ] || { echo "wrong TOKEN" >&2; exit 4; }`,
      `[ "$(printf %s "$HF_TOKEN" | sha256sum | cut -d' ' -f1)" = ${sha(passed)} ] || { echo "wrong HF_TOKEN" >&2; exit 5; }`,
      'echo "$BENCH_SEED" > "$BENCH_LOGS_DIR/seed.txt"',
      COPY_SAMPLE,
    ].join("\n");
    const agent = agentFile(
      "keyed",
      script,
      'env:\n  TOKEN: "${{ secrets.BENCH_TEST_TOKEN }}"\npass_env: [HF_TOKEN]\n',
    );
    vi.stubEnv("BENCH_TEST_TOKEN", token);
    vi.stubEnv("HF_TOKEN", passed);
    const db = path.join(ws, "bench.db");
    const args = [
      "run",
      "--agent",
      agent,
      "--competition",
      "demo-binary-auc",
      "--seeds",
      "2",
      "--name",
      "keys",
      "--db",
      db,
    ];

    const result = await bench(...args);
    expect(result.stderr).not.toMatch(/wrong/);
    expect(result.stdout).toMatch(/completed\s+2/);
    expect(storedRuns(db).map((r) => [r.status, r.valid])).toEqual([
      ["completed", true],
      ["completed", true],
    ]);
    for (const seed of [1, 2]) {
      const [seedFile] = filesUnder(path.join(ws, "runs", "keys")).filter((f) =>
        f.endsWith(path.join(`seed-${seed}`, "logs", "seed.txt")),
      );
      expect(readFileSync(seedFile!, "utf8").trim()).toBe(String(seed));
    }

    // Another value for the same reference is the same agent: the sweep resumes rather than re-runs.
    vi.stubEnv("BENCH_TEST_TOKEN", "another-value");
    const again = await bench(...args);
    expect(again.stdout).toMatch(/skipped \(already done\)\s+2/);

    for (const file of filesUnder(ws)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(token), `${file} holds the secret`).toBe(false);
      expect(bytes.includes(passed), `${file} holds the pass_env value`).toBe(false);
    }
    for (const output of [result.stdout, result.stderr, again.stdout, again.stderr]) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(passed);
    }
  });

  it("refuses to start when a secret is not set, naming the agent file and the variable", async () => {
    const agent = agentFile("keyed", COPY_SAMPLE, 'env:\n  TOKEN: "${{ secrets.BENCH_TEST_TOKEN }}"\n');
    vi.stubEnv("BENCH_TEST_TOKEN", undefined);
    const db = path.join(ws, "bench.db");
    const { code, stderr } = await bench(
      "run",
      "--agent",
      agent,
      "--competition",
      "demo-binary-auc",
      "--db",
      db,
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain(
      `${agent}: env.TOKEN is \${{ secrets.BENCH_TEST_TOKEN }}, and BENCH_TEST_TOKEN is not set`,
    );
    expect(stderr).toContain("(error code USAGE)");
    // Before any run: nothing was started, so nothing was recorded.
    expect(existsSync(db)).toBe(false);
    expect(existsSync(path.join(ws, "runs"))).toBe(false);
  });
});
