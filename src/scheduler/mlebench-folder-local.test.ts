// An MLE-bench-format agent folder through `bench run --agent <agents-dir>#<id>` with the local runtime
// (no engine needed): kwargs, the time and step limits, the secrets rule and their masking, in-run
// validation through $BENCH_VALIDATE with the reference's texts and the rate limit, and the count in
// `bench runs show`. The docker runtime's counterpart is mlebench-folder-docker.test.ts.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bench } from "../cli/test-support/run-bench.js";
import {
  PROBE_SECRET_NAME,
  PROBE_VALIDATIONS_PER_MINUTE,
  writeProbeAgents,
} from "../config/test-support/mlebench-agent-fixture.js";
import { openStore } from "../store/open-store.js";
import { runsTable, validationsTable } from "../store/schema.js";
import { GRADE_ERROR_PREFIX, VALID_MESSAGE } from "./validation-requests.js";

const SECRET = "probe-secret-9c1e77";

function findFile(dir: string, name: string): string {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === name) return full;
    if (statSync(full).isDirectory()) {
      try {
        return findFile(full, name);
      } catch {
        // elsewhere
      }
    }
  }
  throw new Error(`${name} not found under ${dir}`);
}

describe("MLE-bench agent folders in the local runtime", () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), "bench-folder-local-"));
    process.env.BENCH_HOME = home;
  });
  afterEach(() => {
    delete process.env.BENCH_HOME;
    delete process.env[PROBE_SECRET_NAME];
  });

  it("runs the folder's start script with its kwargs, validates through $BENCH_VALIDATE and logs it", async () => {
    const fixture = writeProbeAgents("cust-cc296114,0", path.join(home, "src"));
    const db = path.join(home, "bench.db");
    process.env[PROBE_SECRET_NAME] = SECRET;
    const result = await bench(
      "run",
      ...["--agent", fixture.argparseRef, "--competition", "demo-binary-auc", "--name", "folder-local"],
      ...["--db", db, "--cpus", "2", "--memory", "4"],
    );
    expect(result.stderr).not.toContain(SECRET);
    expect(result.code, result.stderr).toBe(0);
    const runDir = path.dirname(findFile(path.join(home, "runs", "folder-local"), "agent.log"));
    const logs = (name: string) => readFileSync(path.join(runDir, "logs", name), "utf8");

    expect(logs("probe.txt")).toMatch(/competition=demo-binary-auc\ntime_limit=120\nstep_limit=3\n/);
    expect(logs("probe.txt")).toMatch(/instructions=yes/);
    expect(logs("args.txt").trim().split("\n")).toEqual([
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
    ]);
    expect(JSON.parse(logs("validate-1.txt"))).toEqual({ result: VALID_MESSAGE });
    expect(JSON.parse(logs("validate-2.txt")).result).toMatch(
      new RegExp(`^${GRADE_ERROR_PREFIX.replace(/[.!]/g, "\\$&")}.+`, "s"),
    );
    expect(JSON.parse(logs("validate-3.txt"))).toEqual({ result: VALID_MESSAGE });
    expect(JSON.parse(logs("validate-4.txt")).result).toMatch(
      new RegExp(
        `^Too many validation requests: bench answers at most ${PROBE_VALIDATIONS_PER_MINUTE} per minute for this run\\. Try again in \\d+ s\\.$`,
      ),
    );
    expect(logs("validate-missing.txt")).toMatch(/^File .*missing\.csv does not exist\.\n$/);

    // The agent printed its key: the log has it masked.
    const agentLog = readFileSync(path.join(runDir, "agent.log"), "utf8");
    expect(agentLog).toContain("the key is ***, as given");
    expect(agentLog).not.toContain(SECRET);

    const store = openStore({ path: db });
    const [run] = store.db.select().from(runsTable).all();
    const rows = store.db.select().from(validationsTable).all();
    store.close();
    expect(run).toMatchObject({ status: "completed" });
    expect(rows.map((row) => row.verdict)).toEqual(["valid", "invalid", "valid", "rate_limited"]);
    expect(rows.every((row) => row.runId === run!.id && row.elapsedMs >= 0)).toBe(true);

    const shown = await bench("runs", "show", run!.id, "--db", db, "--json");
    expect(JSON.parse(shown.stdout).validations).toMatchObject({
      count: 4,
      valid: 2,
      invalid: 1,
      rate_limited: 1,
    });
    const listed = JSON.parse((await bench("runs", "list", "--db", db, "--json")).stdout);
    expect(listed.runs[0].validations).toBe(4);
    const text = await bench("runs", "show", run!.id, "--db", db);
    expect(text.stdout).toMatch(/validations\s+4 \(2 valid, 1 invalid, 1 rate-limited\)/);
    expect(text.stdout + shown.stdout).not.toContain(SECRET);
  }, 60_000);

  it("stops before anything runs when a secret is missing, and refuses privileged agents unless allowed", async () => {
    const fixture = writeProbeAgents("cust-cc296114,0", path.join(home, "src"));
    const db = path.join(home, "bench.db");
    const missing = await bench(
      "run",
      "--agent",
      fixture.argparseRef,
      "--competition",
      "demo-binary-auc",
      "--db",
      db,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(
      /PROBE_KEY is \$\{\{ secrets\.BENCH_TEST_PROBE_KEY }}, and BENCH_TEST_PROBE_KEY is not set/,
    );
    expect(() => readdirSync(path.join(home, "runs"))).toThrow();

    const privileged = path.join(home, "priv", "agents");
    mkdirSync(path.join(privileged, "p"), { recursive: true });
    writeFileSync(path.join(privileged, "p", "start.sh"), "#!/bin/bash\n");
    writeFileSync(path.join(privileged, "p", "Dockerfile"), "FROM bench-busybox:test\n");
    writeFileSync(
      path.join(privileged, "p", "config.yaml"),
      "p:\n  start: p/start.sh\n  dockerfile: p/Dockerfile\n  privileged: true\n",
    );
    const refused = await bench(
      "run",
      "--agent",
      `${privileged}#p`,
      "--competition",
      "demo-binary-auc",
      "--db",
      db,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/asks for a privileged container/);
    expect(refused.stderr).toMatch(/--allow-privileged/);
  }, 30_000);
});
