// The competitions list (every competition the store refers to, with its graded runs) and one
// competition's page: what it is, the medal thresholds its runs were graded against, and every run's
// score, a page at a time.

import { agentLabels } from "../../reports/agent-labels.js";
import { selectAgents, selectCompetitions } from "../../reports/queries/store-catalog.js";
import type { Store } from "../../store/open-store.js";
import { queryRunList } from "../../store/runs-query.js";
import { html } from "../html.js";
import { PAGE_SIZE, paths } from "../page-paths.js";
import { competitionThresholds, gradedRunsByCompetition } from "../viewer-queries.js";
import { fieldsTable, link, type PageContext, pager, pageShell } from "./layout.js";
import { PageNotFound } from "./page-not-found.js";
import { runsTable } from "./runs-table.js";

export function competitionsPage(store: Store, page: PageContext): string {
  const competitions = selectCompetitions(store.db);
  const graded = gradedRunsByCompetition(store.db);
  const body =
    competitions.length === 0
      ? html`<p class="muted">No competition in the store yet.</p>`
      : html`<table class="competitions"><thead><tr><th>competition</th><th>name</th><th>kind</th><th>better</th><th>splits</th><th class="num">graded runs</th></tr></thead><tbody>${competitions.map(
          (c) =>
            html`<tr><td>${link(page, paths.competition(c.id), c.id)}</td><td>${c.name}</td><td>${c.kind}</td><td>${c.direction ?? "-"}</td><td>${c.splits.join(", ")}</td><td class="num">${graded.get(c.id) ?? 0}</td></tr>
`,
        )}</tbody></table>`;
  return pageShell(page, "Competitions", body);
}

export function competitionPage(
  store: Store,
  page: PageContext,
  id: string,
  at: number,
  nowMs: number,
): string {
  const competition = selectCompetitions(store.db).find((c) => c.id === id);
  if (competition === undefined) throw new PageNotFound(`there is no competition "${id}" in the store.`);
  const thresholds = competitionThresholds(store.db, id);
  const { total, rows } = queryRunList(
    store.db,
    { competitionId: id },
    { limit: PAGE_SIZE, offset: (at - 1) * PAGE_SIZE },
  );
  if (at > 1 && rows.length === 0)
    throw new PageNotFound(`there is no page ${at} of the competition's runs.`);
  const labels = agentLabels(selectAgents(store.db));
  const value = (n: number | null) => (n === null ? "-" : String(n));
  const body = html`${fieldsTable([
    ["name", competition.name],
    ["kind", competition.kind],
    ["better", competition.direction ?? "-"],
    ["splits", competition.splits.join(", ") || "-"],
  ])}
<h2>Medal thresholds</h2>
${
  thresholds.length === 0
    ? html`<p class="muted">No graded run yet, so no thresholds recorded.</p>`
    : html`<table class="thresholds" data-table="thresholds"><thead><tr><th class="num">gold</th><th class="num">silver</th><th class="num">bronze</th><th class="num">median</th><th>lower is better</th><th class="num">graded runs</th></tr></thead><tbody>${thresholds.map(
        (t) =>
          html`<tr><td class="num">${value(t.gold)}</td><td class="num">${value(t.silver)}</td><td class="num">${value(t.bronze)}</td><td class="num">${value(t.median)}</td><td>${t.lowerIsBetter === null ? "-" : t.lowerIsBetter ? "yes" : "no"}</td><td class="num">${t.runs}</td></tr>`,
      )}</tbody></table>${thresholds.length > 1 ? html`<p class="muted">Runs were graded against more than one set of thresholds (a re-generated leaderboard, or imported grades).</p>` : ""}`
}
<h2>Runs</h2>
${runsTable(page, rows, { labels, nowMs, sweep: true })}
${pager(page, at, total, PAGE_SIZE, (n) => paths.competition(id, n))}`;
  return pageShell(page, `Competition ${competition.id}`, body);
}
