import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listCompetitions } from "../../registry/competition-registry.js";
import { ReportStore } from "../../reports/test-support/report-store.js";
import { runCli } from "../run-cli.js";

let store: ReportStore;
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  store?.dispose();
});

async function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  out.length = 0;
  err.length = 0;
  process.exitCode = undefined;
  await runCli(["node", "bench", ...args]);
  return { code: Number(process.exitCode ?? 0), stdout: out.join(""), stderr: err.join("") };
}

/**
 * Two agents on the 22 competitions of the registry's low split, two seeds each (aide: every medal,
 * then half; mlab: none, then half), plus RE-bench and MLGym-style runs.
 */
async function fill(): Promise<void> {
  store = new ReportStore();
  const low = (await listCompetitions({ split: "low" })).map((c) => c.id);
  for (const id of low) store.competition(id, { splits: ["low", "split75"] });
  store.competition("ai_rd_fix_embedding", { kind: "rebench", splits: ["rebench"] });
  store.competition("house-price", { kind: "external", direction: "higher", splits: ["mlgym"] });
  const a = store.agent("aide");
  const b = store.agent("mlab");
  low.forEach((id, i) => {
    store.run({ agentId: a, competitionId: id, seed: 0, gold: true });
    store.run({ agentId: a, competitionId: id, seed: 1, bronze: i < 11 });
    store.run({ agentId: b, competitionId: id, seed: 0 });
    store.run({ agentId: b, competitionId: id, seed: 1, silver: i < 11 });
  });
  for (const [agentId, score] of [
    [a, 0.6],
    [a, 0.3],
    [b, 0.1],
  ] as const) {
    store.run({
      agentId,
      competitionId: "ai_rd_fix_embedding",
      timeLimitMs: 2 * 3_600_000,
      normalizedScore: score,
    });
  }
  store.run({ agentId: a, competitionId: "house-price", score: 0.9, lastScore: 0.85, baselineScore: 0.8 });
  store.run({ agentId: b, competitionId: "house-price", score: 0.82, lastScore: 0.84, baselineScore: 0.8 });
}

describe("bench report and bench compare", () => {
  it("prints the leaderboard by default, in every format, from --db or BENCH_DB", async () => {
    await fill();
    const terminal = await bench("report", "--db", store.file, "--split", "low");
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/1\s+aide\s+75\.0 ± 25\.0\s+2/);
    expect(terminal.stdout).toMatch(/2\s+mlab\s+25\.0 ± 25\.0\s+2/);

    vi.stubEnv("BENCH_DB", store.file);
    const json = JSON.parse(
      (await bench("report", "leaderboard", "--split", "low", "--format", "json")).stdout,
    );
    expect(json.tables.map((t: { id: string }) => t.id)).toEqual(["leaderboard", "detail", "pass_at_k"]);
    expect(json.tables[0].rows[0]).toMatchObject({
      rank: 1,
      agent: "aide",
      low: { mean: 75, sem: 25 },
      seeds: "2",
    });
    // pass@2 for aide: every competition has a medal in one of its two runs.
    expect(json.tables[2].rows[0]).toMatchObject({ agent: "aide", pass_at_1: 75, pass_at_2: 100 });

    const markdown = await bench("report", "--split", "low", "--format", "markdown");
    expect(markdown.stdout).toContain("| 1 | aide | 75.0 ± 25.0 | 2 |");
    const csv = await bench("report", "--split", "low", "--format", "csv");
    expect(csv.stdout).toContain("rank,agent,low_mean,low_sem,seeds\r\n1,aide,75,25,2\r\n");
  });

  it("prints the RE-bench and AUP reports and writes their plots", async () => {
    await fill();
    const plots = path.join(store.dir, "plots");
    const rebench = await bench("report", "rebench", "--db", store.file, "--budget", "4h", "--plots", plots);
    expect(rebench.code).toBe(0);
    // k = 4h ÷ 2h = 2: aide's two runs give max(0.6, 0.3), mlab has one run, fewer than k.
    expect(rebench.stdout).toMatch(/aide\s+2 h\s+2\s+0\.600/);
    expect(rebench.stdout).toContain("mlab at 2 h (k = 2): left out ai_rd_fix_embedding (1 run).");
    const aup = await bench("report", "aup", "--db", store.file, "--plots", plots, "--format", "json");
    const methods = JSON.parse(aup.stdout).tables[0].rows.map((r: { method: string }) => r.method);
    expect(methods).toEqual(["aide", "mlab", "baseline"]);
    expect(readdirSync(plots).sort()).toEqual([
      "aup-profiles-best-attempt.svg",
      "aup-profiles-last-submission.svg",
      "rebench-score-at-k-2h.svg",
    ]);
    expect(JSON.parse(aup.stdout).figures).toHaveLength(2);
    const tagged = await bench("report", "aup", "--db", store.file, "--split", "mlgym", "--format", "csv");
    // CSV holds the table alone; the report's notes go to stderr.
    expect(tagged.stdout.startsWith("rank,method,aup_best_attempt,aup_last_submission\r\n")).toBe(true);
    expect(tagged.stderr).toContain("bench: note: Filters: split mlgym.");
    const untagged = await bench("report", "rebench", "--db", store.file, "--split", "mlgymm");
    expect(untagged.code).toBe(2);
    expect(untagged.stderr).toMatch(
      /no competition in the results store carries the tag "mlgymm" \(did you mean "mlgym"\?\)/,
    );
  });

  it("compares two agents with a plain sentence", async () => {
    await fill();
    const result = await bench("compare", "aide", "mlab", "--db", store.file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /aide beats mlab by 50\.0 points \(95% CI .* over 22 competitions, 2 seeds\)/,
    );
  });

  it("fails clearly: no store, unknown agent, unknown split, bad format", async () => {
    await fill();
    const missing = await bench("report", "--db", path.join(store.dir, "nope.db"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/there is no results store at .*nope\.db/);
    expect(existsSync(path.join(store.dir, "nope.db"))).toBe(false);
    const agent = await bench("report", "--db", store.file, "--agents", "aid");
    expect(agent.code).toBe(2);
    expect(agent.stderr).toMatch(/no agent "aid".*did you mean "aide"/);
    const split = await bench("report", "--db", store.file, "--split", "lowest");
    expect(split.code).toBe(2);
    expect(split.stderr).toMatch(
      /no competition in the registry carries the split tag "lowest".*did you mean "low"/s,
    );
    const format = await bench("report", "--db", store.file, "--format", "html");
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format/);
  });
});
