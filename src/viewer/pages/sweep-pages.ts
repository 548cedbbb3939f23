// The sweeps list (newest first, each with its runs by outcome) and one sweep's page: its status, its
// runs counted by outcome, and its runs, a page at a time, each linked to its own page.

import { agentLabels } from "../../reports/agent-labels.js";
import { iso } from "../../reports/format/run-cells.js";
import { selectAgents } from "../../reports/queries/store-catalog.js";
import type { Store } from "../../store/open-store.js";
import { queryRunList } from "../../store/runs-query.js";
import { RUN_STATUSES, type RunStatus } from "../../store/schema.js";
import { html, type SafeHtml } from "../html.js";
import { sweepIsLive } from "../live-status.js";
import { PAGE_SIZE, paths } from "../page-paths.js";
import { getSweep, selectSweepsPage, sweepStatusCounts } from "../viewer-queries.js";
import { fieldsTable, link, type PageContext, pager, pageShell } from "./layout.js";
import { PageNotFound } from "./page-not-found.js";
import { outcomeClass, runsTable } from "./runs-table.js";

/** "3 completed, 2 agent_error", most first. */
function countsText(counts: Partial<Record<RunStatus, number>>): string {
  return (
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ") || "no runs"
  );
}

export function sweepsPage(store: Store, page: PageContext, at: number): string {
  const { total, sweeps } = selectSweepsPage(store.db, {
    limit: PAGE_SIZE,
    offset: (at - 1) * PAGE_SIZE,
    sweepId: page.sweep,
  });
  if (at > 1 && sweeps.length === 0) throw new PageNotFound(`there is no page ${at} of sweeps.`);
  const body =
    sweeps.length === 0
      ? html`<p class="muted">No sweep in the store yet. Start one with: bench sweep run FILE</p>`
      : html`<table class="sweeps"><thead><tr><th>sweep</th><th>created (UTC)</th><th>status</th><th>runs by outcome</th></tr></thead><tbody>${sweeps.map(
          (sweep) =>
            html`<tr><td>${link(page, paths.sweep(sweep.id), sweep.name === sweep.id ? sweep.id : `${sweep.name} (${sweep.id})`)}</td><td>${iso(sweep.createdAtMs)}</td><td>${sweep.status}</td><td>${countsText(sweep.runsByStatus)}</td></tr>
`,
        )}</tbody></table>${pager(page, at, total, PAGE_SIZE, paths.sweeps)}`;
  return pageShell(page, "Sweeps", body);
}

function statusCountsTable(counts: Partial<Record<RunStatus, number>>): SafeHtml {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = RUN_STATUSES.filter((status) => counts[status] !== undefined);
  return html`<table class="status-counts" data-table="status_counts"><thead><tr><th>outcome</th><th>counts as</th><th class="num">runs</th></tr></thead><tbody>${rows.map(
    (status) =>
      html`<tr><td class="${outcomeClass(status).cls}">${status}</td><td>${outcomeClass(status).label}</td><td class="num" data-status="${status}">${counts[status]}</td></tr>`,
  )}<tr><th>all</th><td></td><td class="num">${total}</td></tr></tbody></table>`;
}

export function sweepPage(store: Store, page: PageContext, id: string, at: number, nowMs: number): string {
  const sweep = getSweep(store.db, id);
  if (sweep === undefined || (page.sweep !== undefined && id !== page.sweep))
    throw new PageNotFound(
      `there is no sweep "${id}" ${page.sweep === undefined ? "in the store" : "here"}.`,
    );
  const counts = sweepStatusCounts(store.db, id);
  const { total, rows } = queryRunList(
    store.db,
    { sweepId: id },
    { limit: PAGE_SIZE, offset: (at - 1) * PAGE_SIZE },
  );
  if (at > 1 && rows.length === 0) throw new PageNotFound(`there is no page ${at} of the sweep's runs.`);
  const labels = agentLabels(selectAgents(store.db));
  const live = sweepIsLive(sweep.status) && !page.static;
  const leaderboard = page.static
    ? ""
    : html`<p>${link(page, `${paths.leaderboard}?sweep=${encodeURIComponent(id)}`, "This sweep's leaderboard")}</p>`;
  const body = html`${fieldsTable([
    ["name", sweep.name],
    ["status", html`<span data-live-field="status">${sweep.status}</span>`],
    ["created", iso(sweep.createdAtMs)],
    ["finished", iso(sweep.finishedAtMs)],
  ])}
${leaderboard}
<h2>Runs by outcome</h2>
${statusCountsTable(counts)}
${live ? html`<p class="muted" data-live-note>The sweep is running: its status and counts follow it here.</p>` : ""}
<h2>Runs</h2>
${runsTable(page, rows, { labels, nowMs, competition: true })}
${pager(page, at, total, PAGE_SIZE, (n) => paths.sweep(id, n))}`;
  return pageShell(page, `Sweep ${sweep.id}`, body, live ? paths.sweepStatus(id) : undefined);
}
