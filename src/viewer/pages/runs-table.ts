// The runs list a sweep's and a competition's pages show, one page of it at a time: each run linked to
// its own page, with its agent, competition, seed, outcome, duration, score and the start of its error.

import { durationText, scoreCell } from "../../reports/format/run-cells.js";
import { UNCOUNTED_STATUSES } from "../../reports/queries/run-filter.js";
import type { RunListRow } from "../../store/runs-query.js";
import type { RunStatus } from "../../store/schema.js";
import { html, type SafeHtml } from "../html.js";
import { paths } from "../page-paths.js";
import { link, type PageContext } from "./layout.js";

/** Characters of a run's error shown in a list; the run's page shows it whole. */
const ERROR_CHARS = 120;

export interface OutcomeClass {
  /** For people: what the outcome means for the leaderboard. */
  label: string;
  /** For the stylesheet. */
  cls: string;
}

/**
 * How an outcome counts: a completed run, the agent's own failure (counted against it: SCORING.md),
 * bench's failure (infrastructure, cancelled, interrupted: not counted, retried), or still in progress.
 */
export function outcomeClass(status: RunStatus): OutcomeClass {
  if (status === "completed") return { label: "finished; its grade counts", cls: "outcome-completed" };
  if (status === "queued" || status === "running") return { label: "in progress", cls: "outcome-pending" };
  if (status === "over_budget")
    return { label: "stopped at its token or cost budget; its grade counts", cls: "outcome-agent-failure" };
  if (UNCOUNTED_STATUSES.includes(status))
    return { label: "bench's failure (not counted; retried)", cls: "outcome-error" };
  return { label: "the agent's failure (counted against it)", cls: "outcome-agent-failure" };
}

function shortError(error: string | null): string {
  if (error === null) return "";
  const flat = error.replace(/\s+/g, " ");
  return flat.length > ERROR_CHARS ? `${flat.slice(0, ERROR_CHARS)}…` : flat;
}

export interface RunsTableOptions {
  labels: ReadonlyMap<number, string>;
  nowMs: number;
  /** Show the sweep column (a competition's runs come from many sweeps). */
  sweep?: boolean;
  /** Show the competition column (a sweep's runs may cover many). */
  competition?: boolean;
}

export function runsTable(
  page: PageContext,
  rows: readonly RunListRow[],
  options: RunsTableOptions,
): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">No runs.</p>`;
  const score = (row: RunListRow) => {
    const value = scoreCell(row);
    return typeof value === "number" ? String(value) : (value ?? "-");
  };
  return html`<table class="runs">
<thead><tr><th>run</th><th>agent</th>${options.sweep ? html`<th>sweep</th>` : ""}${options.competition ? html`<th>competition</th>` : ""}<th class="num">seed</th><th>outcome</th><th class="num">attempt</th><th class="num">duration</th><th class="num">score</th><th>error</th></tr></thead>
<tbody>${rows.map(
    (row) => html`<tr>
<td>${link(page, paths.run(row.id), row.id)}</td>
<td>${options.labels.get(row.agentId) ?? String(row.agentId)}</td>
${options.sweep ? html`<td>${row.sweepId === null ? "-" : link(page, paths.sweep(row.sweepId), row.sweepId)}</td>` : ""}
${options.competition ? html`<td>${link(page, paths.competition(row.competitionId), row.competitionId)}</td>` : ""}
<td class="num">${row.seed}</td>
<td class="${outcomeClass(row.status).cls}">${row.status}</td>
<td class="num">${row.attempt}</td>
<td class="num">${durationText(row, options.nowMs)}</td>
<td class="num">${score(row)}</td>
<td class="wrap">${shortError(row.error)}</td>
</tr>
`,
  )}</tbody>
</table>`;
}
