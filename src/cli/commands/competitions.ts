// `bench competitions list|show`: what the registry holds, what bench can grade, and the medal
// thresholds of each competition's real Kaggle leaderboard.

import type { Command } from "commander";
import { readLeaderboard } from "../../grading/leaderboard.js";
import { medalThresholds } from "../../grading/medals.js";
import type { Competition } from "../../registry/competition-registry.js";
import { CompetitionRegistry, listCompetitions } from "../../registry/competition-registry.js";
import { countText } from "../../reports/format/count-text.js";
import { knownIssuesOfManifest, knownIssueText } from "../../reports/known-issues.js";
import { formatTable, printJson } from "../output.js";

interface ListFlags {
  split: string;
  json?: boolean;
  root?: string;
}

function summary(competition: Competition) {
  const { manifest } = competition;
  return {
    id: manifest.id,
    kind: manifest.kind,
    splits: manifest.splits,
    metric: manifest.metric.name,
    direction: manifest.metric.direction,
    teams: manifest.teams ?? null,
    gradable: manifest.gradable,
    gradable_note: manifest.gradable_note ?? null,
  };
}

async function details(competition: Competition) {
  const { manifest } = competition;
  const thresholds = competition.leaderboardPath
    ? medalThresholds((await readLeaderboard(competition.leaderboardPath)).scores)
    : null;
  return {
    ...summary(competition),
    name: manifest.name,
    description: manifest.description,
    metric_family: manifest.metric.family ?? null,
    leaderboard_teams: thresholds?.teams ?? null,
    is_lower_better: thresholds?.isLowerBetter ?? manifest.metric.direction === "lower",
    gold_threshold: thresholds?.gold ?? null,
    silver_threshold: thresholds?.silver ?? null,
    bronze_threshold: thresholds?.bronze ?? null,
    median_threshold: thresholds?.median ?? null,
    awards_medals: manifest.awards_medals,
    leaderboard_note: manifest.leaderboard_note ?? null,
    data: manifest.data ?? null,
    limits: manifest.limits,
    rebench: manifest.rebench ?? null,
    known_issues: knownIssuesOfManifest(manifest).map(({ kind, text, ref }) => ({ kind, text, ref })),
  };
}

export function registerCompetitionsCommand(program: Command): void {
  const competitions = program
    .command("competitions")
    .description("List and inspect the competition registry.");

  competitions
    .command("list")
    .description("List competitions, optionally one split.")
    .option("--split <split>", "low | medium | high | dev | split75 | demo | rebench | all", "all")
    .option("--root <dir>", "competitions folder (default: bench's own)")
    .option("--json", "print JSON")
    .action(async (flags: ListFlags) => {
      const split = flags.split === "all" ? undefined : flags.split;
      const list = await listCompetitions({ root: flags.root, ...(split ? { split } : {}) });
      const rows = list.map(summary);
      if (flags.json) return printJson(rows);
      const table = formatTable(
        ["id", "kind", "split", "metric", "better", "teams", "gradable"],
        rows.map((r) => [r.id, r.kind, r.splits.join(","), r.metric, r.direction, r.teams, r.gradable]),
      );
      const gradable = rows.filter((r) => r.gradable).length;
      process.stdout.write(
        `${table}\n\n${countText(rows.length, "competition")}, ${gradable} gradable by bench.\n`,
      );
    });

  competitions
    .command("show <id>")
    .description("Show one competition: teams, direction, medal thresholds, metric, gradable.")
    .option("--root <dir>", "competitions folder (default: bench's own)")
    .option("--json", "print JSON")
    .action(async (id: string, flags: { json?: boolean; root?: string }) => {
      const competition = await new CompetitionRegistry({ root: flags.root }).get(id);
      const info = await details(competition);
      if (flags.json) return printJson(info);
      const rows: [string, unknown][] = [
        ["name", info.name],
        ["kind", info.kind],
        ["splits", info.splits.join(", ")],
        ["metric", `${info.metric}${info.metric_family ? ` (${info.metric_family})` : ""}`],
        ["better", info.is_lower_better ? "lower" : "higher"],
        ["teams", info.leaderboard_teams ?? info.teams],
        ["gold", info.gold_threshold],
        ["silver", info.silver_threshold],
        ["bronze", info.bronze_threshold],
        ["median", info.median_threshold],
        ["gradable", info.gradable ? "yes" : `no: ${info.gradable_note}`],
      ];
      if (info.leaderboard_note) rows.push(["leaderboard", info.leaderboard_note]);
      if (info.rebench) rows.push(["ys / yr", `${info.rebench.ys} / ${info.rebench.yr}`]);
      let out = `${info.id}\n${formatTable(["field", "value"], rows)}\n`;
      const issues = knownIssuesOfManifest(competition.manifest);
      if (issues.length > 0) {
        out += `\nKnown issues (reports footnote them; bench report --exclude-known-leaks leaves leaks out):\n`;
        out += issues.map((issue) => `- ${knownIssueText(issue)}\n`).join("");
      }
      process.stdout.write(out);
    });
}
