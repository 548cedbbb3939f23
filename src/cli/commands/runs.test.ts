// `bench runs show` on a store made by real sweeps: runs found by any unique start of their id or
// short id, the end of the agent's log printed safely, and wrong ids answered helpfully.

import { beforeAll, describe, expect, it } from "vitest";
import { bench } from "../test-support/run-bench.js";
import { controlCharacters, makeSweepStore, type SweepStore } from "./test-support/sweep-store.js";

let store: SweepStore;
let runs: { id: string; short_id: string; agent: string; status: string; sweep: string; seed: number }[];
beforeAll(async () => {
  store = await makeSweepStore();
  runs = JSON.parse((await bench("runs", "list", "--json", "--db", store.db)).stdout).runs;
}, 120_000);

const show = (...args: string[]) => bench("runs", "show", ...args, "--db", store.db);
const noisy = () => runs.find((r) => r.agent === "noisy" && r.sweep === "extra")!;

describe("bench runs show", () => {
  it("finds a run by its full id, a start of its short id, or a unique start of its id", async () => {
    const run = noisy();
    for (const ref of [run.id, run.short_id, run.short_id.slice(0, 5), "extra:"]) {
      const { code, stdout } = await show(ref);
      expect(code, ref).toBe(0);
      expect(stdout.split("\n")[0], ref).toBe(`${run.id} (short id ${run.short_id})`);
    }
  });

  it("prints the last 20 lines of the agent's log without control characters, long lines cut", async () => {
    const { stdout } = await show(noisy().short_id);
    const tail = stdout.split("Last lines of the agent's log")[1]!.split("\n").slice(1, -1);
    expect(tail).toHaveLength(20);
    expect(tail[0]).toBe("  line 18");
    expect(tail.slice(13, 17)).toEqual([
      "  TITLE set",
      "  COLOR red done",
      "  BIDI evil end",
      "  PROGRESS 100%",
    ]);
    expect(tail[17]).toMatch(/^ {2}LONG 0{195}… \(505 characters\)$/);
    expect(tail[18]).toBe("  last line");
    // No escape, bell, carriage return or bidi override reaches the terminal.
    expect(controlCharacters(stdout)).toEqual([]);
    const json = JSON.parse((await show(noisy().id, "--json")).stdout);
    expect(json.log_tail).toEqual(tail.map((line) => line.slice(2)));
  });

  it("lists a few matches for an ambiguous start of an id", async () => {
    const { code, stderr } = await show("nightly:");
    expect(code).toBe(2);
    expect(stderr).toContain('run id "nightly:" is ambiguous: it matches 4 runs');
    for (const run of runs.filter((r) => r.sweep === "nightly"))
      expect(stderr).toContain(`${run.short_id} ${run.id}`);
  });

  it("suggests the runs meant by an unknown id or a mistyped short id", async () => {
    const run = noisy();
    const last = run.short_id.at(-1) === "0" ? "1" : "0";
    const typo = await show(`${run.short_id.slice(0, -1)}${last}`);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`(did you mean "${run.short_id}"?)`);
    const wrongSeed = await show(`${run.id.slice(0, -1)}7`);
    expect(wrongSeed.stderr).toContain(`did you mean "${run.id}"`);
    const wrongHash = await show("nightly:noisy-x");
    expect(wrongHash.stderr).toMatch(/did you mean "nightly:noisy-[0-9a-f]{8}:demo-binary-auc:1" or/);
  });
});
