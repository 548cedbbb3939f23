import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GRADERS } from "../../graders/index.js";
import { BenchError } from "../errors.js";
import {
  CompetitionRegistry,
  listCompetitionIds,
  listCompetitions,
  loadCompetition,
} from "./competition-registry.js";

async function benchError(promise: Promise<unknown>): Promise<BenchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return error as BenchError;
  }
  throw new Error("expected a BenchError");
}

describe("the checked-in registry", () => {
  it("loads and validates every competition.yaml", async () => {
    const all = await listCompetitions();
    const demos = all.filter((c) => c.manifest.splits.includes("demo"));
    expect(demos.length).toBeGreaterThanOrEqual(3);
    expect(all).toHaveLength(89 + demos.length);
    expect(all.filter((c) => c.manifest.kind === "kaggle")).toHaveLength(82 + demos.length);
    expect(all.filter((c) => c.manifest.kind === "rebench")).toHaveLength(7);
    // Competition-id order is code-point order, as the reference sorts ids.
    expect(all[0]?.id).toBe("3d-object-detection-for-autonomous-vehicles");
    expect(all[1]?.id).toBe("AI4Code");
  });

  it.each([
    ["low", 22],
    ["medium", 38],
    ["high", 15],
    ["dev", 7],
    ["split75", 75],
    ["rebench", 7],
  ])("has %s split of %d competitions", async (split, count) => {
    expect(await listCompetitions({ split })).toHaveLength(count);
  });

  it("makes every MLE-bench competition gradable by its own grader, and no RE-bench environment", async () => {
    // The bundled demo competitions are gradable too; they are checked with the demos. RE-bench
    // environments are scored inside their own task, not graded from a submission file.
    const all = (await listCompetitions()).filter((c) => !c.manifest.splits.includes("demo"));
    const gradable = all.filter((c) => c.manifest.gradable).map((c) => c.id);
    const kaggle = all.filter((c) => c.manifest.kind === "kaggle").map((c) => c.id);
    expect(kaggle).toHaveLength(82);
    expect(gradable).toEqual(kaggle);
    for (const id of gradable) expect(GRADERS.has(id), id).toBe(true);
    for (const competition of all) {
      expect(competition.manifest.grader).toBe(competition.manifest.gradable ? competition.id : null);
    }
  });

  it.each([
    ["denoising-dirty-documents", "private/answers.csv", "public/sampleSubmission.csv"],
    ["detecting-insults-in-social-commentary", "private/test.csv", "public/sample_submission_null.csv"],
    ["text-normalization-challenge-russian-language", "private/answers.csv", "private/sample_submission.csv"],
    ["the-icml-2013-whale-challenge-right-whale-redux", "private/test.csv", "public/sampleSubmission.csv"],
    ["aerial-cactus-identification", "private/test.csv", "public/sample_submission.csv"],
  ])("takes %s's data file names from lite-grading.md", async (id, answers, sampleSubmission) => {
    const { manifest } = await loadCompetition(id);
    expect(manifest.data).toMatchObject({ source: "mlebench", answers, sample_submission: sampleSubmission });
  });

  it("has no leaderboard, and says so, for ventilator-pressure-prediction", async () => {
    const competition = await loadCompetition("ventilator-pressure-prediction");
    expect(competition.leaderboardPath).toBeNull();
    expect(competition.manifest.leaderboard).toBeNull();
    expect(competition.manifest.leaderboard_note).toMatch(/no copy of the Kaggle private leaderboard/);
    expect(competition.manifest.teams).toBeUndefined();
  });

  it("gives RE-bench environments their normalization constants", async () => {
    const { manifest } = await loadCompetition("ai_rd_small_scaling_law");
    expect(manifest.rebench).toEqual({
      raw: "1 - loss-distance score (hidden from agent)",
      better: "higher",
      ys: 0.24,
      yr: 0.8,
      within_run: "last",
      across_runs: "mean",
    });
    expect((await loadCompetition("ai_rd_optimize_llm_foundry")).manifest.rebench).toMatchObject({
      ys: 5.605802066295998,
      yr: 4.543294782270004,
      better: "lower",
      within_run: "best",
    });
  });
});

describe("lookups", () => {
  it("suggests the closest ids for an unknown one", async () => {
    const error = await benchError(loadCompetition("spaceship-titanc"));
    expect(error.code).toBe("COMPETITION_UNKNOWN");
    expect(error.message).toBe('unknown competition "spaceship-titanc" (did you mean "spaceship-titanic"?)');
    expect((await benchError(loadCompetition("ai4code"))).message).toContain('did you mean "AI4Code"');
  });

  it("does not let an id reach outside the registry", async () => {
    expect((await benchError(loadCompetition("../package.json"))).code).toBe("COMPETITION_UNKNOWN");
    expect((await benchError(loadCompetition(".."))).code).toBe("COMPETITION_UNKNOWN");
  });

  it("rejects an unknown split tag, suggesting known ones", async () => {
    const error = await benchError(listCompetitions({ split: "lite" }));
    expect(error.code).toBe("USAGE");
    expect(error.message).toMatch(/^no competition has the split tag "lite"/);
    expect(error.hint).toContain("low, medium");
  });
});

describe("a registry in another folder", () => {
  let root: string;
  const valid = [
    "id: demo",
    "name: Demo",
    "kind: kaggle",
    "description: A bundled demo.",
    "splits: [demo]",
    "metric: { name: accuracy, direction: higher }",
    "grader: demo",
    "gradable: true",
    "data: { source: bundled, answers: private/answers.csv, sample_submission: public/sample.csv }",
    "leaderboard: leaderboard.csv",
    "awards_medals: false",
  ].join("\n");

  async function writeCompetition(id: string, yaml: string, files: Record<string, string> = {}) {
    await mkdir(path.join(root, id), { recursive: true });
    await writeFile(path.join(root, id, "competition.yaml"), yaml);
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, id, name), content);
  }

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "bench-registry-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("loads competitions from the given root, ignoring folders without a manifest", async () => {
    await writeCompetition("demo", valid, { "leaderboard.csv": "score\n1\n" });
    await mkdir(path.join(root, "not-a-competition"));
    expect(await listCompetitionIds({ root })).toEqual(["demo"]);
    const demo = await loadCompetition("demo", { root });
    expect(demo.dir).toBe(path.join(root, "demo"));
    expect(demo.leaderboardPath).toBe(path.join(root, "demo", "leaderboard.csv"));
    expect(demo.manifest.limits.time).toBe("24h");
  });

  it("names the file and line of a YAML syntax error", async () => {
    await writeCompetition("demo", "id: demo\nname: [unclosed\nkind: kaggle\n");
    const error = await benchError(loadCompetition("demo", { root }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(/demo[\\/]competition\.yaml:\d+:\d+: invalid YAML: /);
  });

  it("requires the id to match the folder", async () => {
    await writeCompetition("other", valid, { "leaderboard.csv": "score\n1\n" });
    const error = await benchError(loadCompetition("other", { root }));
    expect(error.message).toMatch(/competition\.yaml: id: must equal the folder name "other", got "demo"$/);
  });

  it("requires the leaderboard file the manifest names", async () => {
    await writeCompetition("demo", valid);
    const error = await benchError(loadCompetition("demo", { root }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(/leaderboard: "leaderboard.csv" does not exist beside the manifest$/);
  });

  it("caches loaded competitions but not failures", async () => {
    const registry = new CompetitionRegistry({ root });
    await expect(registry.get("demo")).rejects.toThrow(BenchError);
    await writeCompetition("demo", valid, { "leaderboard.csv": "score\n1\n" });
    const first = await registry.get("demo");
    expect(await registry.get("demo")).toBe(first);
    expect((await registry.list({ split: "demo" })).map((c) => c.id)).toEqual(["demo"]);
  });

  it("reports a missing competitions folder", async () => {
    const error = await benchError(listCompetitionIds({ root: path.join(root, "missing") }));
    expect(error.code).toBe("CONFIG_INVALID");
  });
});
