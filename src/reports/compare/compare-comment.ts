// `bench compare --format markdown`: a comment ready to post on a pull request or in a chat channel.
// The verdict comes first, on one line ("Regression: ..." or "No regression: ..."), so that a
// notification preview shows it; then what was compared, the competitions that moved most, and the
// runs that could not be paired. The full tables stay available with --format terminal, json or csv.

import { fixed } from "../format/cell-text.js";
import { countText } from "../format/count-text.js";
import { renderTableMarkdown } from "../format/markdown.js";
import type { Table } from "../table-model.js";
import type { AgentComparison } from "./compare-agents.js";
import { metricDisplay } from "./compare-metrics.js";
import { seedsText, unpairedReason } from "./compare-report.js";
import { REGRESSION_RULE, regressionVerdict } from "./regression-verdict.js";

/** Rows of the "moved most" table; the rest are counted under it. */
export const MOVED_ROWS = 10;

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function movedTable(result: AgentComparison): Table | undefined {
  const display = metricDisplay(result.metric);
  const { decimals } = display;
  const unit = display.unit ? { unit: display.unit } : {};
  const moved = result.comparison.differences
    .filter((d) => d.difference !== 0)
    .sort(
      (x, y) => Math.abs(y.difference) - Math.abs(x.difference) || (x.competition < y.competition ? -1 : 1),
    );
  if (moved.length === 0) return undefined;
  const hidden = moved.length - MOVED_ROWS;
  return {
    id: "moved",
    title: "Competitions that moved most",
    columns: [
      { key: "competition", label: "Competition", kind: "text" },
      // Side names stay out of the header: "@nightly-..." there would mention a GitHub user.
      { key: "mean_a", label: "A", kind: "number", decimals, ...unit },
      { key: "mean_b", label: "B", kind: "number", decimals, ...unit },
      { key: "change", label: "B − A", kind: "number", decimals, unit: display.differenceUnit },
      { key: "paired", label: "Paired runs", kind: "integer" },
    ],
    rows: moved.slice(0, MOVED_ROWS).map((d) => ({
      competition: d.competition,
      mean_a: d.meanA,
      mean_b: d.meanB,
      change: -d.difference,
      paired: d.seedsA,
    })),
    footnotes: [
      `Mean ${display.text} over the paired runs of each competition.`,
      ...(hidden > 0 ? [`${countText(hidden, "more competition")} moved less.`] : []),
    ],
  };
}

export function renderCompareComment(result: AgentComparison): string {
  const { nameA, nameB, sideA, sideB, comparison: c } = result;
  const display = metricDisplay(result.metric);
  const parts = [
    regressionVerdict(result, code),
    `A = ${code(sideA.spec)}: ${sideA.description}. B = ${code(sideB.spec)}: ${sideB.description}. ` +
      `Metric: ${display.text}; over the paired runs, A ${fixed(averageOf(result, "meanA"), display.decimals)}` +
      `${display.unit ?? ""}, B ${fixed(averageOf(result, "meanB"), display.decimals)}${display.unit ?? ""}.`,
  ];
  const moved = movedTable(result);
  parts.push(
    moved === undefined
      ? `## Competitions that moved most\n\nNone: every paired competition has the same mean on both sides (${countText(c.competitions.length, "competition")}).`
      : renderTableMarkdown(moved),
  );
  const unpaired = result.pairing.unpaired;
  parts.push(
    unpaired.length === 0
      ? "## Not paired\n\nNothing: every run found its partner (same competition, same seed)."
      : [
          "## Not paired",
          "",
          "Left out of every number above:",
          "",
          ...unpaired.map(
            (u) =>
              `- ${code(u.unit)}: ${unpairedReason(u, code(nameA), code(nameB))} (${u.seeds.length === 1 ? "seed" : "seeds"} ${seedsText(u.seeds)})`,
          ),
        ].join("\n"),
  );
  parts.push(`<sub>${REGRESSION_RULE}</sub>`);
  return `${parts.join("\n\n")}\n`;
}

function averageOf(result: AgentComparison, key: "meanA" | "meanB"): number {
  const rows = result.comparison.differences;
  return rows.reduce((sum, d) => sum + d[key], 0) / rows.length;
}
