// `bench runs show` prints a run's LLM usage: a real sweep whose agent reports usage, then the CLI.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSweep } from "../../config/sweep-schema.js";
import { executeSweep, loadAgents } from "../../scheduler/execute-sweep.js";
import { bench } from "../test-support/run-bench.js";

describe("bench runs show with usage", () => {
  it("prints the run's tokens and cost, saying what cost is unknown", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-runs-usage-"));
    const db = path.join(dir, "bench.db");
    const file = path.join(dir, "talker.yaml");
    const lines = [
      '{"model":"a","input_tokens":1500,"output_tokens":500,"cost_usd":1.25}',
      '{"model":"b","input_tokens":7,"output_tokens":3}',
    ];
    const script = lines.map((line) => `echo '${line}' >> "$BENCH_USAGE_FILE"`).join("; ");
    writeFileSync(file, `name: talker\ncommand: ["sh", "-c", ${JSON.stringify(script)}]\n`);
    const config = parseSweep(
      { name: "talk", agents: [file], competitions: ["demo-binary-auc"], cpus: 1, memory_gb: 2 },
      "test",
    );
    await executeSweep(config, await loadAgents([file]), { dbPath: db, runsRoot: path.join(dir, "runs") });

    const { code, stdout } = await bench("runs", "show", "talk:", "--db", db);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tokens\s+2,010 \(input 1,507, output 503; 2 calls\)$/m);
    expect(stdout).toMatch(/^cost\s+\$1\.25 \(1 call of unknown cost left out\)$/m);
    const json = JSON.parse((await bench("runs", "show", "talk:", "--db", db, "--json")).stdout);
    expect(json.usage).toMatchObject({ tokens: 2010, cost_usd: 1.25, cost_complete: false });
    expect(json.usage.by_model.map((m: { model: string }) => m.model)).toEqual(["a", "b"]);
  }, 30_000);
});
