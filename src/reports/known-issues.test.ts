import { afterEach, describe, expect, it } from "vitest";
import { renderReport } from "./format/render-report.js";
import { type KnownIssue, knownIssuesNote, registryKnownIssues } from "./known-issues.js";
import { leaderboardFromStore } from "./mlebench/leaderboard-from-store.js";
import { ReportStore } from "./test-support/report-store.js";

const ISSUES = new Map<string, KnownIssue[]>([
  [
    "leaky",
    [
      {
        competition_id: "leaky",
        kind: "leak",
        text: "The ids reveal the labels.",
        ref: "openai/mle-bench#1",
      },
    ],
  ],
  ["crowded", [{ competition_id: "crowded", kind: "crowded", text: "Thresholds barely differ.", ref: null }]],
  ["elsewhere", [{ competition_id: "elsewhere", kind: "leak", text: "Not in this report.", ref: null }]],
]);

describe("known issues in bench report", () => {
  let store: ReportStore;
  afterEach(() => store?.dispose());

  /** One agent with one run per competition: a gold on "leaky" only. */
  async function report(excludeKnownLeaks: boolean) {
    store = new ReportStore();
    const ids = ["clean", "crowded", "leaky"];
    for (const id of ids) store.competition(id, { splits: ["low", "split75"] });
    const agent = store.agent("aide");
    for (const id of ids) store.run({ agentId: agent, competitionId: id, gold: id === "leaky" });
    const { report } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: async () => ids,
      split: "low",
      knownIssues: async () => ISSUES,
      excludeKnownLeaks,
    });
    return report;
  }

  it("notes the issues of the report's competitions in text, Markdown and JSON (known_issues)", async () => {
    const built = await report(false);
    const json = JSON.parse(renderReport(built, "json"));
    expect(json.known_issues.map((issue: KnownIssue) => issue.competition_id)).toEqual(["crowded", "leaky"]);
    expect(json.tables[0].rows[0].low.mean).toBeCloseTo(100 / 3, 10);
    for (const format of ["terminal", "markdown"] as const) {
      const text = renderReport(built, format);
      expect(text).toContain("leaky (leak): The ids reveal the labels (see openai/mle-bench#1).");
      expect(text).toContain("crowded (crowded): Thresholds barely differ.");
      expect(text).toContain("--exclude-known-leaks leaves them out");
      expect(text).not.toContain("elsewhere");
    }
  });

  it("--exclude-known-leaks leaves the leaking competitions out of the split and says so", async () => {
    const built = await report(true);
    const json = JSON.parse(renderReport(built, "json"));
    // The only medal was on the leaking competition: without it, 0 of 2.
    expect(json.tables[0].rows[0].low.mean).toBe(0);
    const footnotes = json.tables[0].footnotes.join(" ");
    expect(footnotes).toContain("Low 2");
    expect(footnotes).toMatch(
      /--exclude-known-leaks: 1 competition with a known leak left out of every split \(leaky\)/,
    );
  });

  it("reports nothing when no competition has an issue", async () => {
    store = new ReportStore();
    store.competition("clean", { splits: ["low", "split75"] });
    store.run({ agentId: store.agent("aide"), competitionId: "clean" });
    const { report: built } = await leaderboardFromStore(store.db, {
      padMissing: false,
      filter: store.filter(),
      splitMembers: async () => ["clean"],
      split: "low",
      knownIssues: async () => ISSUES,
    });
    expect(JSON.parse(renderReport(built, "json")).known_issues).toBeUndefined();
    expect(renderReport(built, "terminal")).not.toContain("Known issues");
  });
});

describe("knownIssuesNote", () => {
  it("lists each issue under a heading, and mentions --exclude-known-leaks only where asked", () => {
    const issues = [...ISSUES.get("leaky")!, ...ISSUES.get("crowded")!];
    const plain = knownIssuesNote(issues)!;
    expect(plain.split("\n")).toEqual([
      "Known issues of 2 of this report's competitions (results on a competition with a known leak overstate what an agent can do):",
      "- leaky (leak): The ids reveal the labels (see openai/mle-bench#1).",
      "- crowded (crowded): Thresholds barely differ.",
    ]);
    expect(knownIssuesNote(issues, { excludeHint: true })).toContain("--exclude-known-leaks leaves them out");
    expect(knownIssuesNote(ISSUES.get("crowded")!)).not.toContain("leak");
    expect(knownIssuesNote([])).toBeNull();
  });
});

describe("registryKnownIssues", () => {
  it("reads the registry's known_issues, e.g. random-acts-of-pizza's leak", async () => {
    const all = await registryKnownIssues()();
    expect(all.get("random-acts-of-pizza")?.map((issue) => issue.kind)).toContain("leak");
    expect([...all.values()].flat().length).toBeGreaterThanOrEqual(11);
    expect(all.has("spaceship-titanic")).toBe(false);
  });
});
