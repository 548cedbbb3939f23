import { describe, expect, it } from "vitest";
import { BenchError } from "../errors.js";
import {
  type CompetitionManifestInput,
  DEFAULT_LIMITS,
  parseCompetitionManifest,
  resourceLimits,
} from "./competition-schema.js";

const FILE = "competitions/foo/competition.yaml";

function kaggle(overrides: Record<string, unknown> = {}): CompetitionManifestInput {
  return {
    id: "foo",
    name: "Foo",
    kind: "kaggle",
    description: "A test competition.",
    splits: ["low"],
    metric: { name: "auc-roc", direction: "higher" },
    grader: "foo",
    gradable: true,
    data: {
      source: "mlebench",
      answers: "private/test.csv",
      sample_submission: "public/sample_submission.csv",
    },
    leaderboard: "leaderboard.csv",
    awards_medals: true,
    ...overrides,
  } as CompetitionManifestInput;
}

const rebenchBlock = { raw: "ln(seconds)", better: "lower", ys: 5.6, yr: 4.5, within_run: "best" };

function rebench(overrides: Record<string, unknown> = {}): CompetitionManifestInput {
  return kaggle({
    id: "foo",
    kind: "rebench",
    metric: { name: "log-runtime", direction: "lower" },
    grader: null,
    gradable: false,
    gradable_note: "scored in the environment",
    data: undefined,
    leaderboard: null,
    awards_medals: false,
    rebench: rebenchBlock,
    ...overrides,
  });
}

/** The error message parseCompetitionManifest throws for `data`. */
function errorFor(data: unknown, expectedId?: string): string {
  try {
    parseCompetitionManifest(data, { file: FILE, ...(expectedId === undefined ? {} : { expectedId }) });
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    expect((error as BenchError).code).toBe("CONFIG_INVALID");
    return (error as BenchError).message;
  }
  throw new Error("expected the manifest to be rejected");
}

describe("competition manifest schema", () => {
  it("accepts a minimal Kaggle manifest and fills in the default limits", () => {
    const manifest = parseCompetitionManifest(kaggle(), { file: FILE, expectedId: "foo" });
    expect(manifest.limits).toEqual(DEFAULT_LIMITS);
    expect(resourceLimits(manifest)).toEqual({
      timeLimitMs: 24 * 3_600_000,
      cpus: 8,
      memoryGb: 32,
      gpus: 1,
      shmGb: undefined,
    });
  });

  it("keeps limits that are given and defaults the rest", () => {
    const manifest = parseCompetitionManifest(kaggle({ limits: { time: "1h30m", gpus: 0, shm_gb: 8 } }), {
      file: FILE,
    });
    expect(manifest.limits).toEqual({ time: "1h30m", cpus: 8, memory_gb: 32, gpus: 0, shm_gb: 8 });
    expect(resourceLimits(manifest).timeLimitMs).toBe(5_400_000);
  });

  it("accepts a RE-bench manifest without data", () => {
    const manifest = parseCompetitionManifest(rebench(), { file: FILE });
    expect(manifest.rebench).toEqual(rebenchBlock);
    expect(manifest.data).toBeUndefined();
  });

  it("names the file, the field path, what is expected and what was found", () => {
    expect(errorFor(kaggle({ metric: { name: "auc", direction: "up" } }))).toBe(
      `${FILE}: metric.direction: expected "higher" or "lower", got "up"`,
    );
  });

  it("reports a missing field as missing", () => {
    expect(errorFor(kaggle({ metric: { name: "auc" } }))).toBe(
      `${FILE}: metric.direction: expected "higher" or "lower", but it is missing`,
    );
  });

  it("rejects unknown keys and suggests the intended one", () => {
    expect(errorFor(kaggle({ metric: { name: "auc", direction: "higher", directon: "lower" } }))).toBe(
      `${FILE}: metric: unknown key "directon" (did you mean "direction"?); allowed keys here: name, family, direction, params`,
    );
    expect(errorFor({ ...kaggle(), grder: "x" })).toMatch(
      new RegExp(`^${FILE}: unknown key "grder" \\(did you mean "grader"\\?\\)`),
    );
  });

  it("lists every problem, one line each", () => {
    const message = errorFor(kaggle({ kind: "competition", teams: 0, splits: ["low", "Low"] }));
    expect(message.split("\n")).toEqual([
      `${FILE}: kind: expected "kaggle" or "rebench", got "competition"`,
      `${FILE}: splits[1]: expected a lower-case tag like "low" or "split75", got "Low"`,
      `${FILE}: teams: expected a number > 0, got 0`,
    ]);
  });

  it.each([
    [
      { limits: { time: "2 hours" } },
      `limits.time: expected a positive duration like "30m", "5min", "2h30m", "1.5h" or "90s", got "2 hours"`,
    ],
    [
      { limits: { time: "0s" } },
      `limits.time: expected a positive duration like "30m", "5min", "2h30m", "1.5h" or "90s", got "0s"`,
    ],
    [{ limits: { gpus: 1.5 } }, "limits.gpus: expected an integer, got 1.5"],
    [{ grader: 3 }, "grader: expected a grader id or null, got 3"],
    [
      { leaderboard: "../x.csv" },
      'leaderboard: expected a CSV file name beside the YAML, like "leaderboard.csv", got "../x.csv"',
    ],
    [
      { data: { source: "mlebench", answers: "../secret.csv", sample_submission: "public/s.csv" } },
      `data.answers: expected a path relative to the competition's prepared/ folder (like "private/test.csv"), got "../secret.csv"`,
    ],
    [{ data: undefined }, "data: required when kind is kaggle: source, answers, sample_submission"],
    [{ grader: null }, "grader: a gradable competition needs a grader id (or set gradable: false)"],
    [{ gradable: false }, "gradable_note: required when gradable is false: say why it cannot be graded yet"],
    [{ rebench: rebenchBlock }, "rebench: only allowed when kind is rebench"],
    [{ splits: ["low", "low"] }, "splits: split tags must not repeat"],
  ])("rejects %j", (overrides, expected) => {
    expect(errorFor(kaggle(overrides))).toBe(`${FILE}: ${expected}`);
  });

  it.each([
    [{ rebench: undefined }, "rebench: required when kind is rebench: raw, better, ys, yr, within_run"],
    [
      { rebench: { ...rebenchBlock, better: "higher" } },
      'rebench.better: must equal metric.direction ("lower"), got "higher"',
    ],
    [
      { rebench: { ...rebenchBlock, yr: 5.6 } },
      "rebench.yr: ys and yr must differ: the normalized score divides by yr - ys",
    ],
    [
      { rebench: { ...rebenchBlock, within_run: "max" } },
      'rebench.within_run: expected "best" or "last", got "max"',
    ],
  ])("rejects a RE-bench manifest with %j", (overrides, expected) => {
    expect(errorFor(rebench(overrides))).toBe(`${FILE}: ${expected}`);
  });

  it("requires the id to equal the folder name", () => {
    expect(errorFor(kaggle(), "bar")).toBe(`${FILE}: id: must equal the folder name "bar", got "foo"`);
  });

  it("rejects a document that is not a mapping", () => {
    expect(errorFor(null)).toBe(`${FILE}: expected a mapping (key: value), got null`);
  });
});
