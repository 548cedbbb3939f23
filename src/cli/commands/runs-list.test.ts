// `bench runs list` on a store made by real sweeps: the table, newest first, pages, short ids that the
// other commands accept, and filters that say what was meant when a name is wrong.

import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/open-store.js";
import { runsTable } from "../../store/schema.js";
import { bench } from "../test-support/run-bench.js";
import { makeSweepStore, type SweepStore } from "./test-support/sweep-store.js";

let store: SweepStore;
beforeAll(async () => {
  store = await makeSweepStore();
}, 120_000);

const list = (...args: string[]) => bench("runs", "list", ...args, "--db", store.db);

/** The table's data rows, split into cells. */
function rowsOf(stdout: string): string[][] {
  return stdout
    .split("\n")
    .slice(2)
    .filter((line) => /^[0-9a-f]{8}\s/.test(line))
    .map((line) => line.split(/\s{2,}/));
}

describe("bench runs list", () => {
  it("lists every run newest first with short id, agent, competition, seed, outcome, score and duration", async () => {
    const { code, stdout } = await list();
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(
      /^short id\s+agent\s+competition\s+seed\s+outcome\s+score\s+duration$/,
    );
    const rows = rowsOf(stdout);
    expect(rows).toHaveLength(5);
    // The "extra" sweep ran last, so its one run comes first.
    expect(rows[0]!.slice(1, 6)).toEqual(["noisy", "demo-binary-auc", "1", "completed", "0.5"]);
    expect(rows.filter((r) => r[4] === "agent_error").map((r) => r[5])).toEqual(["invalid", "invalid"]);
    expect(rows.every((r) => /^\d+(\.\d)? ?(ms|s|min)$/.test(r[6]!))).toBe(true);

    const db = openStore({ path: store.db, readonly: true });
    const started = db.db.select().from(runsTable).all();
    db.close();
    const json = JSON.parse((await list("--json")).stdout);
    const order = json.runs.map((r: { id: string }) => started.find((s) => s.id === r.id)!.startedAtMs!);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    // Short ids are unique and are what the table shows.
    expect(new Set(json.runs.map((r: { short_id: string }) => r.short_id)).size).toBe(5);
    expect(rows.map((r) => r[0])).toEqual(json.runs.map((r: { short_id: string }) => r.short_id));
    expect(stdout).toContain("runs 1–5 of 5, newest first");
  });

  it("pages with --limit and --offset and says how many more there are", async () => {
    const first = await list("--limit", "2");
    expect(rowsOf(first.stdout)).toHaveLength(2);
    expect(first.stdout).toContain("3 more: add --offset 2");
    const second = await list("--limit", "2", "--offset", "2");
    const third = await list("--limit", "2", "--offset", "4");
    const all = rowsOf((await list()).stdout).map((r) => r[0]);
    expect(
      [...rowsOf(first.stdout), ...rowsOf(second.stdout), ...rowsOf(third.stdout)].map((r) => r[0]),
    ).toEqual(all);
    expect(third.stdout).not.toContain("more");
    const bad = await list("--limit", "0");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit: expected a whole number of at least 1, got "0"');
  });

  it("filters by sweep, agent, status and competition", async () => {
    const nightlyFails = await list("--sweep", "nightly", "--agent", "fails", "--status", "agent_error");
    expect(rowsOf(nightlyFails.stdout).map((r) => [r[1], r[3], r[4]])).toEqual([
      ["fails", "2", "agent_error"],
      ["fails", "1", "agent_error"],
    ]);
    const extra = await list("--sweep", "extra", "--competition", "demo-binary-auc");
    expect(rowsOf(extra.stdout)).toHaveLength(1);
    const none = await list("--sweep", "extra", "--status", "running");
    expect(none.stdout).toBe("No runs match.\n");
  });

  it("answers an unknown sweep, agent, status or competition with what was probably meant", async () => {
    for (const [flag, typo, meant] of [
      ["--sweep", "nightli", "nightly"],
      ["--agent", "noisey", "noisy"],
      ["--status", "agent_eror", "agent_error"],
      ["--competition", "demo-binary-au", "demo-binary-auc"],
    ] as const) {
      const { code, stdout, stderr } = await list(flag, typo);
      expect(code, flag).toBe(2);
      expect(stdout, flag).toBe("");
      expect(stderr, flag).toContain(`(did you mean "${meant}"?)`);
    }
  });
});
