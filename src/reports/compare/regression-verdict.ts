// The regression gate's answer in words: one line that starts with "Regression:" or "No regression:",
// the first line of the Markdown comment and the last note of every other format, and the rule itself
// as `bench compare --help` and the report's footnote state it.

import { fixed } from "../format/cell-text.js";
import { countText } from "../format/count-text.js";
import type { AgentComparison } from "./compare-agents.js";
import { metricDisplay } from "./compare-metrics.js";

/** The decision rule of stats/regression-test.ts, for people. */
export const REGRESSION_RULE =
  "Runs are paired by competition and seed (runs only one side has are left out and listed). For each " +
  "pair, d = A − B in the metric's units (every metric is higher-is-better: flags count 0 or 100 and " +
  "already follow each competition's direction; the normalized score is oriented by its formula). " +
  "Regression when all three hold: the one-sided sign-flip permutation p-value of the sum of d " +
  "(exact, or Monte Carlo with 100000 patterns beyond 20 unequal non-zero differences) is below " +
  "--alpha; the mean drop (mean d) is above 0; and it is at least --min-effect. Identical results " +
  "give p = 1: never a regression.";

/** Two significant digits ("p = 0.016"): a gate's p sits near alpha, where "0.02" would hide which side. */
function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${Number(p.toPrecision(2))}`;
}

function pairsText(result: AgentComparison): string {
  const units = result.pairing.units.length;
  const byAgent = result.pairing.units.some((unit) => unit.includes("/"));
  return `${countText(result.regression.pairs, "paired run")} on ${countText(units, byAgent ? "agent-competition" : "competition")}`;
}

/**
 * One line. `quote` wraps the side names: Markdown wants them as code, where "@nightly-2026-11-30"
 * would otherwise mention a GitHub user of that name.
 */
export function regressionVerdict(
  result: AgentComparison,
  quote: (name: string) => string = (name) => name,
): string {
  const { regression: r } = result;
  const nameA = quote(result.nameA);
  const nameB = quote(result.nameB);
  const display = metricDisplay(result.metric);
  const amount = (value: number) => `${fixed(Math.abs(value), display.decimals)} ${display.differenceUnit}`;
  const p = `one-sided ${pText(r.pValue)}`;
  if (r.regression) {
    const floor = r.minEffect > 0 ? `, at least --min-effect ${r.minEffect}` : "";
    return (
      `Regression: ${nameB} is worse than ${nameA} by ${amount(r.drop)} of ${display.text} ` +
      `(${p} < ${r.alpha}${floor}; ${pairsText(result)}).`
    );
  }
  let why: string;
  if (r.worse === 0 && r.better === 0) {
    why = `${nameB} matches ${nameA} on every paired run`;
  } else if (r.drop <= 0) {
    why = `${nameB} is ${r.drop === 0 ? "level with" : `${amount(r.drop)} better than`} ${nameA} on ${display.text}`;
  } else if (r.pValue >= r.alpha) {
    why = `${nameB} is ${amount(r.drop)} below ${nameA} on ${display.text}, within seed noise (${p} ≥ ${r.alpha})`;
  } else {
    why = `${nameB} is ${amount(r.drop)} below ${nameA} on ${display.text}, less than --min-effect ${r.minEffect}`;
  }
  return `No regression: ${why} (${pairsText(result)}).`;
}
