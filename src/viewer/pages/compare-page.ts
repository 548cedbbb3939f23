// The compare page: `bench compare A B`, computed by the same function (compareAgents) from the same
// sides, metric and filters given as query parameters (?a=...&b=...&metric=...), and shown as the
// tables of `bench compare --format json`. A form picks the sides. Only served: its sides come from the
// query, so an export has no compare page.

import { BenchError } from "../../errors.js";
import { compareAgents } from "../../reports/compare/compare-agents.js";
import { COMPARE_METRICS, type CompareMetric } from "../../reports/compare/compare-metrics.js";
import { compareReport } from "../../reports/compare/compare-report.js";
import { resolveFilter } from "../../reports/report-filters.js";
import type { Store } from "../../store/open-store.js";
import { html, type SafeHtml } from "../html.js";
import { type PageContext, pageShell } from "./layout.js";
import { leaderboardQuery } from "./leaderboard-page.js";
import { reportHtml } from "./report-tables.js";

function compareForm(a: string, b: string, metric: string): SafeHtml {
  const field = (name: string, label: string, value: string, hint: string) =>
    html`<label>${label}<input name="${name}" value="${value}" placeholder="${hint}"></label>`;
  return html`<form class="filters" method="get" action="compare.html">
${field("a", "A (baseline)", a, "agent, agent@sweep or @sweep")}
${field("b", "B (candidate)", b, "agent, agent@sweep or @sweep")}
<label>Metric<select name="metric">${COMPARE_METRICS.map(
    (m) => html`<option value="${m}"${m === metric ? html` selected` : ""}>${m}</option>`,
  )}</select></label>
<button type="submit">Compare</button>
</form>`;
}

function parseMetric(text: string): CompareMetric {
  if ((COMPARE_METRICS as readonly string[]).includes(text)) return text as CompareMetric;
  throw new BenchError("USAGE", `metric: expected one of ${COMPARE_METRICS.join(", ")}, got "${text}".`, {
    hint: "normalized_score for RE-bench results, a medal flag (any_medal) for MLE-bench ones.",
  });
}

export function comparePage(store: Store, page: PageContext, params: URLSearchParams): string {
  const get = (name: string) => params.get(name)?.trim() ?? "";
  const a = get("a");
  const b = get("b");
  const metricText = get("metric") || "any_medal";
  const form = compareForm(a, b, metricText);
  if (a === "" || b === "") {
    const body = html`${form}<p class="muted">Name two sides: agents, an agent in two sweeps (agent@sweep), or two sweeps (@sweep). Runs are paired by competition and seed, as <code>bench compare A B</code> pairs them.</p>`;
    return pageShell(page, "Compare", body);
  }
  let result: SafeHtml;
  try {
    const query = leaderboardQuery(params);
    const filter = resolveFilter(store.db, {
      sweep: query.sweep,
      since: query.since,
      runGroup: query.runGroup,
    });
    const comparison = compareAgents(store.db, {
      a,
      b,
      metric: parseMetric(metricText),
      filter,
      split: query.split,
    });
    result = reportHtml(compareReport(comparison));
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    result = html`<p class="problem">${error.message}</p>${error.hint ? html`<p>${error.hint}</p>` : ""}`;
  }
  return pageShell(page, `Compare ${a} and ${b}`, html`${form}${result}`);
}
