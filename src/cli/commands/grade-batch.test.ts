// `bench grade --batch` into the store: grading the same batch again adds no runs (as `bench import`
// does for the same file), and the reference's spelling `--submission FILE --output-dir DIR` is the
// same command.

import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../store/open-store.js";
import { bench } from "../test-support/run-bench.js";

const EXAMPLES = path.resolve("competitions/demo-binary-auc/examples");

/** A batch of two demo submissions (copies, so that a test may rewrite one) and a store beside it. */
function setUp(): { dir: string; batch: string; db: string; out: string; first: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-grade-batch-"));
  const first = path.join(dir, "a.csv");
  copyFileSync(path.join(EXAMPLES, "2-logistic-regression.csv"), first);
  copyFileSync(path.join(EXAMPLES, "3-tenure-only.csv"), path.join(dir, "b.csv"));
  const batch = path.join(dir, "batch.jsonl");
  writeFileSync(
    batch,
    ["a.csv", "b.csv"]
      .map((name) =>
        JSON.stringify({ competition_id: "demo-binary-auc", submission_path: path.join(dir, name) }),
      )
      .join("\n"),
  );
  return { dir, batch, db: path.join(dir, "bench.db"), out: path.join(dir, "group-1"), first };
}

function runs(db: string): { seed: number; agent: string }[] {
  const store = openStore({ path: db });
  try {
    return store.sqlite
      .prepare(
        "select r.seed, a.name as agent from runs r join agents a on a.id = r.agent_id order by a.name, r.seed",
      )
      .all() as { seed: number; agent: string }[];
  } finally {
    store.close();
  }
}

describe("bench grade --batch --db, twice", () => {
  it("records the runs once and says the second time that nothing changed", async () => {
    const { batch, db, out } = setUp();
    const args = ["grade", "--batch", batch, "--output-dir", out, "--db", db];
    const first = await bench(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Recorded 2 runs of manual (run group group-1) in ${db}`);
    const second = await bench(...args);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(
        `unchanged ${batch}: already recorded in ${db} with these submissions and options \\(manual, run group group-1; import #1\\); no new runs`,
      ),
    );
    expect(runs(db)).toEqual([
      { seed: 0, agent: "manual" },
      { seed: 1, agent: "manual" },
    ]);
    // Both gradings wrote their report; importing either of them later adds nothing either.
    const reports = readdirSync(out);
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      const imported = await bench(
        "import",
        "mlebench",
        path.join(out, report),
        "--agent",
        "manual",
        "--db",
        db,
      );
      expect(imported.stdout).toMatch(/^unchanged /);
    }
    expect(runs(db)).toHaveLength(2);
  });

  it("records new runs when a submission changed, or for another agent", async () => {
    const { batch, db, out, first } = setUp();
    const args = ["grade", "--batch", batch, "--output-dir", out, "--db", db];
    await bench(...args);
    copyFileSync(path.join(EXAMPLES, "1-sample-submission.csv"), first);
    expect((await bench(...args)).stdout).toContain("Recorded 2 runs of manual");
    expect((await bench(...args, "--agent", "aide")).stdout).toContain("Recorded 2 runs of aide");
    expect(runs(db).map((run) => `${run.agent}:${run.seed}`)).toEqual([
      "aide:0",
      "aide:1",
      "manual:0",
      "manual:1",
      "manual:2",
      "manual:3",
    ]);
  });
});

describe("bench grade --submission FILE.jsonl --output-dir DIR (MLE-bench's spelling)", () => {
  it("grades the batch as --batch does, and is the same batch for the store", async () => {
    const { batch, db, out } = setUp();
    const reference = await bench("grade", "--submission", batch, "--output-dir", out, "--db", db);
    expect(reference.code).toBe(0);
    expect(reference.stdout).toMatch(/total_runs\s+2/);
    expect(reference.stdout).toContain("Recorded 2 runs of manual (run group group-1)");
    expect(readdirSync(out)).toHaveLength(1);
    const again = await bench("grade", "--batch", batch, "--output-dir", out, "--db", db);
    expect(again.stdout).toMatch(/unchanged .*no new runs/);
    expect(runs(db)).toHaveLength(2);
  });

  it("refuses --submission together with --batch, or with a competition id", async () => {
    const { batch } = setUp();
    const both = await bench("grade", "--submission", batch, "--batch", batch, "--no-store");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give --batch FILE or --submission FILE (the same option), not both.");
    const withId = await bench("grade", "demo-binary-auc", "--submission", batch, "--no-store");
    expect(withId.code).toBe(2);
    expect(withId.stderr).toContain(
      "give either --submission FILE.jsonl or a competition id and a submission",
    );
  });
});
